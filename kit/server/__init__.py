"""The county's desk as a web server (``python -m kit serve``): one Jupyter Server process
with the kit's identity provider and authorizer, Voilà for the clerks' form, and the county's
pages. It calls the desk's services (:mod:`kit.desk`) and nothing calls it."""


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "kit.server.extension"}]
