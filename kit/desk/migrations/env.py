"""Alembic's environment for the desk: migrations run on the connection kit.desk.database gives.

A new migration: ``alembic -x`` is not needed; write ``versions/NNNN_what.py`` by hand after
the last one (``down_revision`` = its ``revision``) and test it on SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from kit.desk.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
