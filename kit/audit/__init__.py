"""The county's audit of its 年报专栏 (``python -m kit audit``): crawl, check, report."""

from kit.base.errors import KitError


class AuditError(KitError):
    """The audit cannot be run as asked; the message is Chinese and names the fix."""
