"""The county's filing desk: accounts, submissions and their versions, review and publication,
kept in a database (SQLAlchemy: SQLite by default, PostgreSQL for a county server).

Clerks draft in the params folder as before (the form saves there; ``kit check`` and ``kit build``
read it); :func:`kit.desk.workflow.submit` files a copy of the draft as an immutable version,
and the county's reviewer returns, approves and publishes versions. Every change is one
transaction and leaves an audit event.
"""
