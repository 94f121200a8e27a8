"""Where the engine gets the time from, so tests can control it."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """A source of the current time."""

    def now(self) -> float:
        """Seconds since the epoch (UTC)."""
        ...


class SystemClock:
    """The real time, from :func:`time.time`."""

    def now(self) -> float:
        """Seconds since the epoch, now."""
        return time.time()


class FakeClock:
    """A clock that only moves when told to, for tests."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        """Start at ``start`` seconds since the epoch."""
        self._now = float(start)

    def now(self) -> float:
        """The time it was last set or advanced to."""
        return self._now

    def set(self, value: float) -> None:
        """Jump to ``value`` seconds since the epoch."""
        self._now = float(value)

    def advance(self, seconds: float) -> float:
        """Move forward by ``seconds`` and return the new time."""
        self._now += float(seconds)
        return self._now
