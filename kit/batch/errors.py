"""Errors of the build layer that reach the command line."""

from __future__ import annotations

from kit.base.errors import KitError


class SchedulerUnavailable(KitError, RuntimeError):
    """The Dask scheduler could not be reached (Chinese message naming the fix)."""
