"""The follow-up plan after the interview: thank-you notes, the inquiry and the check-ins
(made when the interview ends; see :mod:`simulator.engine.followup` for the dates)."""

from __future__ import annotations

from simulator.engine import followup
from simulator.engine.session_state import SessionError, SessionState, changes


class FollowingUp(SessionState):
    """The follow-up phase: drafting the thank-you notes and working through the plan."""

    @changes
    def set_thank_you_draft(self, recipient: str, text: str) -> None:
        """Replace the thank-you note drafted for ``recipient``."""
        self._require_post()
        self._state["thank_you_drafts"][recipient] = text
        self._touch()

    @changes
    def mark_reminder_done(self, reminder_id: str, done: bool = True) -> None:
        """Mark an item of the follow-up plan done now (or not done)."""
        self._require_post()
        try:
            self._state["reminders"] = followup.mark_done(
                self._state["reminders"], reminder_id, self._clock.now() if done else None
            )
        except KeyError:
            raise SessionError(f"the plan has no item {reminder_id!r}") from None
        self._touch()

    @changes
    def extend_check_ins(self, count: int = 1) -> None:
        """Add ``count`` more check-ins, every two weeks after the last."""
        self._require_post()
        if count < 1:
            raise SessionError("add at least one check-in")
        self._state["reminders"] = followup.extend_check_ins(self._state["reminders"], count)
        self._touch()

    @changes
    def close_process(self) -> None:
        """Close the process: everything not done in the plan is closed."""
        self._require_post()
        self._state["reminders"] = followup.close_process(self._state["reminders"])
        self._touch()
