"""The notebook side: what the template calls (open_report), injected parameters, running it with papermill (fresh or warm kernel)."""
