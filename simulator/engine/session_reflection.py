"""The reflection log after the interview: what went well, what to say differently, the
topics to learn and notes on the interviewer."""

from __future__ import annotations

from collections.abc import Sequence

from simulator.engine.session_state import SessionState, changes


class Reflecting(SessionState):
    """The reflection phase."""

    @changes
    def set_reflection(
        self,
        *,
        went_well: str | None = None,
        say_differently: str | None = None,
        topics: Sequence[str] | None = None,
        interviewer_notes: str | None = None,
    ) -> None:
        """Change any part of the reflection log (parts not given stay as they are)."""
        self._require_post()
        reflection = self._state["reflection"]
        if went_well is not None:
            reflection["went_well"] = went_well
        if say_differently is not None:
            reflection["say_differently"] = say_differently
        if topics is not None:
            reflection["topics"] = list(dict.fromkeys(t.strip() for t in topics if t.strip()))
        if interviewer_notes is not None:
            reflection["interviewer_notes"] = interviewer_notes
        self._touch()

    @changes
    def add_topic(self, topic: str) -> None:
        """Add a topic to learn (ignored when empty or already listed)."""
        self._require_post()
        cleaned = topic.strip()
        topics = self._state["reflection"]["topics"]
        if cleaned and cleaned not in topics:
            topics.append(cleaned)
            self._touch()

    @changes
    def remove_topic(self, topic: str) -> None:
        """Remove a topic to learn."""
        self._require_post()
        topics = self._state["reflection"]["topics"]
        if topic in topics:
            topics.remove(topic)
            self._touch()
