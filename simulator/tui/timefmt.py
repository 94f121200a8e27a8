"""Times in plain words: "2 hours ago", "due in 3 days", "overdue by 1 day"."""

from __future__ import annotations

import time

from simulator.engine.timing import clock_text

__all__ = ["clock_text", "due_words", "local_date", "when_words"]


def _span(seconds: float) -> str:
    seconds = abs(seconds)
    for size, name in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {name}{'s' if count != 1 else ''}"
    return "a moment"


def when_words(moment: float, now: float) -> str:
    """How long ago something happened."""
    return "just now" if now - moment < 60 else f"{_span(now - moment)} ago"


def due_words(due_at: float, now: float) -> str:
    """When something is due, or by how much it is overdue."""
    if due_at >= now:
        return f"due in {_span(due_at - now)}"
    return f"overdue by {_span(now - due_at)}"


def local_date(moment: float) -> str:
    """A date and time in the user's time zone, such as 2026-11-22 14:05."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(moment))
