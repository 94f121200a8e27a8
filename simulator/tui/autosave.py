"""When typed text is saved as a draft: soon after typing pauses, and often while it goes on.

One rule for every text box of the app. A draft is written :data:`QUIET` seconds after the
last change, and, while changes keep coming, never later than :data:`DEADLINE` seconds after
the first change not yet saved. Someone typing steadily for minutes therefore loses at most
the last :data:`DEADLINE` seconds (plus the moment the write takes) to a kill -9 or a power
cut; a pause-only rule would lose everything typed since the last pause.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

QUIET = 0.3
"""Seconds without a change after which the text is saved."""
DEADLINE = 0.6
"""Seconds after the first unsaved change by which the text is saved, however fast the
typing goes on (the promise is "within a second"; the rest is the write itself)."""


class Autosave:
    """Calls ``save`` by the rule above; the owner says when the text changed.

    ``owner`` runs the timer (the widget or screen holding the text). ``save`` is called on
    the owner's message loop and must be quick: it hands the text to the journal's writer
    thread.
    """

    def __init__(
        self,
        owner: MessagePump,
        save: Callable[[], None],
        *,
        quiet: float = QUIET,
        deadline: float = DEADLINE,
    ) -> None:
        self._owner = owner
        self._save = save
        self._quiet = quiet
        self._deadline = deadline
        self._first_unsaved: float | None = None
        self._timer: Timer | None = None

    @property
    def pending(self) -> bool:
        """Whether a change is waiting to be saved."""
        return self._first_unsaved is not None

    def changed(self) -> None:
        """The text changed: save it by the quiet time, or the deadline if that is sooner."""
        now = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = now
        due = min(now + self._quiet, self._first_unsaved + self._deadline)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if due <= now:
            # The loop was busy (a burst of keys) past the deadline: save at once. (A
            # zero-delay Textual timer would never fire: it divides by its interval.)
            self.flush()
            return
        self._timer = self._owner.set_timer(due - now, self.flush, name="autosave")

    def flush(self) -> None:
        """Save now if a change is waiting."""
        if self._first_unsaved is None:
            return
        self.cancel()
        self._save()

    def cancel(self) -> None:
        """Forget the waiting change (its text was taken some other way)."""
        self._first_unsaved = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
