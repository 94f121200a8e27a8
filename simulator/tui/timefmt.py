"""Times in plain words: "2 hours ago", "due in 3 days", "overdue by 1 day"."""

from __future__ import annotations

import time

from simulator.engine.timing import clock_text, due_words, when_words

__all__ = ["clock_text", "due_words", "local_date", "when_words"]


def local_date(moment: float) -> str:
    """A date and time in the user's time zone, such as 2026-11-22 14:05."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(moment))
