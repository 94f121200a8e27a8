"""Notifications that belong to what was on screen: cleared when the user moves on.

A notice such as "There are no more hints for this question" is about one answer or one
screen; left over the next one it hides what is there and reads as if it were about it.
So moving to another screen or answer removes the notices raised before the move. Those
raised by the key that moved (saved, exported, written) are kept: they are news about the
move itself. Errors are kept too, until they time out: they say something was not saved.

Relies on App internals checked against Textual 8.2.8 (``_notifications``, ``_unnotify``,
``_refresh_notifications``); tests/tui/test_notices.py covers them.
"""

from __future__ import annotations

import time
from typing import Any, Protocol, runtime_checkable

from textual.app import App
from textual.notifications import SeverityLevel

FRESH_FOR = 0.5
"""Seconds a notice counts as raised by the move itself (the same key's work)."""


@runtime_checkable
class HasInputTime(Protocol):
    """An app that records when the user's latest key, paste or click arrived."""

    last_input_at: float
    """That moment (``time.time()``), or 0 before any."""


def clear_stale_notices(app: App[Any], now: float | None = None) -> int:
    """Remove the information and warning notices raised before the move; returns how many
    were removed.

    "Before the move" is more than :data:`FRESH_FOR` ago, and never after the user's latest
    key, paste or click: a notice raised by the key that moved is about the move, however
    long a loaded machine took to get from the key to the next screen.
    """
    moment = time.time() if now is None else now
    cutoff = moment - FRESH_FOR
    if isinstance(app, HasInputTime) and app.last_input_at:
        cutoff = min(cutoff, app.last_input_at)
    stale = [
        notice
        for notice in list(app._notifications)
        if notice.severity != "error" and notice.raised_at < cutoff
    ]
    for notice in stale:
        app._unnotify(notice, refresh=False)
    if stale:
        app._refresh_notifications()
    return len(stale)


def notify_once(
    app: App[Any],
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> bool:
    """Show a notice unless the same one is still on screen (a save failing again while
    the disk stays full would otherwise stack a copy per attempt); True when shown."""
    for notice in app._notifications:
        if notice.message == message and notice.title == title:
            return False
    app.notify(message, title=title, severity=severity, timeout=timeout, markup=False)
    return True
