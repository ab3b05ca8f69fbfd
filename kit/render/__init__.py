"""Rendering built data: official tables as data and HTML, the report's HTML fragments, charts."""
