"""The command line (``python -m kit``); the only layer that turns problems into exit codes."""
