"""Plain records the journal hands out: session summaries, reminders, study items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


def iso_utc(timestamp: float | None) -> str | None:
    """Seconds since the epoch as ISO 8601 in UTC (None stays None)."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SessionSummary:
    """One line of the journal's session list."""

    id: str
    """The session's id."""
    persona_id: str
    """The persona interviewed with."""
    persona_name: str
    """Its name when the session was saved."""
    created_at: float
    """When the session started (seconds since the epoch)."""
    updated_at: float
    """When it last changed."""
    finished_at: float | None
    """When the interview's last stage ended, if it did."""
    phase: str
    """Where the session is ("done" when complete)."""
    answer_count: int
    """Answers recorded, skipped ones included."""
    skipped_count: int
    """How many of them were skipped."""
    mean_score: float | None
    """The mean of all criterion scores given in the session; None if nothing is scored."""

    def to_json(self) -> dict[str, object]:
        """The stable JSON shape of ``log list --json`` (times as ISO 8601 in UTC)."""
        return {
            "id": self.id,
            "persona_id": self.persona_id,
            "persona_name": self.persona_name,
            "created_at": iso_utc(self.created_at),
            "updated_at": iso_utc(self.updated_at),
            "finished_at": iso_utc(self.finished_at),
            "phase": self.phase,
            "answer_count": self.answer_count,
            "skipped_count": self.skipped_count,
            "mean_score": None if self.mean_score is None else round(self.mean_score, 2),
        }


@dataclass(frozen=True)
class Reminder:
    """One follow-up reminder, with the session it belongs to."""

    id: str
    """The reminder's id (from the session's follow-up plan)."""
    session_id: str
    """The session whose plan it is part of."""
    persona_name: str
    """The interviewer's persona name, for display."""
    kind: str
    """"thank-you", "inquiry" or "check-in"."""
    title: str
    """What to do, in plain words."""
    recipient: str
    """Who it is for ("" when not known)."""
    due_at: float
    """When it is due."""
    done_at: float | None
    """When it was marked done."""
    closed: bool
    """Whether the process was closed (no further follow-ups)."""
    snoozed_until: float | None
    """Not shown as due before this time."""


@dataclass(frozen=True)
class StudyItem:
    """A topic on the study list."""

    id: int
    """The item's id."""
    topic: str
    """What to learn."""
    session_id: str | None
    """The session whose reflection named it (None once that session is deleted)."""
    done: bool
    """Whether the user has ticked it off."""
    created_at: float
    """When it was added."""


@dataclass(frozen=True)
class ImportCounts:
    """What an import did."""

    imported: int
    """Sessions added."""
    skipped: int
    """Sessions left out because a session with the same id was already there."""
