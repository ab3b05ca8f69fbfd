"""The one base class of every error a user can cause or fix.

``str(error)`` is a Chinese message that says what happened and how to fix it. The form and
the app show it, the batch records it, and only the command line turns it into an exit code.
Subclasses name the step that failed (loading a format, opening a file, running a notebook…).
"""

from __future__ import annotations


class KitError(Exception):
    """A failure the user can act on; the message is Chinese and names the fix."""
