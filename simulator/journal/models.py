"""Plain records the journal hands out: session summaries, reminders, study items, and
real-interview logs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from simulator.engine.snapshot import ReflectionSnapshot, ReminderSnapshot
from simulator.journal.kinds import guess_kind


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


ReminderSource = Literal["practice", "interview"]
"""Where a reminder comes from: a practice session or a logged real interview."""


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
    source: ReminderSource = "practice"
    """Whose follow-up plan it is part of: a practice session's or a real interview's (then
    ``session_id`` is the real interview's id and ``persona_name`` names the company)."""
    planned_at: float = 0.0
    """When its plan was made: the practice session's start, or when the real interview was
    logged (0 when not known). It never changes, so a calendar export can stamp with it."""

    @property
    def shown_due_at(self) -> float:
        """When it is next shown as due: its due time, or the end of its snooze if later."""
        return max(self.due_at, self.snoozed_until or self.due_at)

    def is_snoozed(self, now: float) -> bool:
        """Whether a snooze still hides it at ``now``."""
        return self.snoozed_until is not None and self.snoozed_until > now

    def snooze_end(self, now: float, seconds: float) -> float:
        """The end of a snooze of ``seconds``: counted from when it would next be shown as
        due, so snoozing one due tomorrow for a day moves it to the day after."""
        return max(now, self.shown_due_at) + seconds

    def to_json(self, now: float) -> dict[str, object]:
        """The stable JSON shape of ``log reminders --json`` (times as ISO 8601 in UTC)."""
        return {
            "id": self.id,
            "source": self.source,
            "owner_id": self.session_id,
            "with": self.persona_name,
            "kind": self.kind,
            "title": self.title,
            "recipient": self.recipient,
            "due_at": iso_utc(self.due_at),
            "overdue": self.due_at < now,
            "done_at": iso_utc(self.done_at),
            "closed": self.closed,
            "snoozed_until": iso_utc(self.snoozed_until),
        }


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
    interview_id: str | None = None
    """The real interview whose reflection named it, if any."""
    source_name: str = ""
    """Who it came from: the session's persona or the interview's company ("" for none)."""
    source_at: float | None = None
    """When that session or interview took place."""


@dataclass(frozen=True)
class ImportCounts:
    """What an import did."""

    imported: int
    """Sessions added."""
    skipped: int
    """Sessions left out because a session with the same id was already there."""


@dataclass(frozen=True)
class ImportReport:
    """What importing an export document did, part by part (each part's ``skipped`` counts
    what the journal held already and was left as it was)."""

    sessions: ImportCounts
    """Practice sessions."""
    real_interviews: ImportCounts
    """Logged real interviews."""
    study_items: ImportCounts
    """Topics on the study list."""
    prep_notes: ImportCounts
    """Prep notes, one per persona."""


InterviewFormat = Literal["phone-screen", "technical", "panel", "informational"]
"""What kind of real interview it was."""

INTERVIEW_FORMATS: dict[str, str] = {
    "phone-screen": "Phone screen",
    "technical": "Technical",
    "panel": "Panel",
    "informational": "Informational",
}
"""Each real-interview format and its name on screen."""

FORMAT_KINDS: dict[str, str] = {
    "phone-screen": "behavioral",
    "technical": "technical",
    "panel": "behavioral",
    "informational": "informational",
}
"""The question kind a logged question gets when it has none of its own."""


def empty_reflection() -> ReflectionSnapshot:
    """A reflection with nothing written yet."""
    return {"went_well": "", "say_differently": "", "topics": [], "interviewer_notes": ""}


@dataclass(frozen=True)
class RealInterview:
    """A logged real interview: what happened, the reflection, and the follow-up plan."""

    id: str
    """A unique id (uuid4 hex)."""
    company: str
    """The company."""
    role: str
    """The role applied for."""
    held_at: float
    """When it took place (seconds since the epoch); the follow-up plan counts from here."""
    format: str
    """One of :data:`INTERVIEW_FORMATS`."""
    interviewers: tuple[str, ...] = ()
    """Who interviewed (a thank-you note is planned for each)."""
    questions: tuple[InterviewQuestion, ...] = ()
    """The questions they asked, in order."""
    how_it_went: str = ""
    """How it went, in the user's words."""
    reflection: ReflectionSnapshot = field(default_factory=lambda: empty_reflection())
    """The same reflection as after a practice session; topics go to the study list."""
    thank_you_drafts: Mapping[str, str] = field(default_factory=dict)
    """Recipient ("" for everyone) to the thank-you note drafted for them."""
    reminders: tuple[ReminderSnapshot, ...] = ()
    """The follow-up plan (thank-you notes, the inquiry, check-ins)."""
    created_at: float = 0.0
    """When it was logged."""
    updated_at: float = 0.0
    """When the log last changed."""

    @property
    def format_name(self) -> str:
        """The format on screen: "Phone screen"."""
        return INTERVIEW_FORMATS.get(self.format, self.format)

    def question_kind(self, question: InterviewQuestion) -> str:
        """A logged question's kind: its own, else the one its wording points to, else the
        one the format suggests."""
        if question.kind:
            return question.kind
        return guess_kind(question.prompt) or FORMAT_KINDS.get(self.format, "behavioral")

    @property
    def title(self) -> str:
        """The role and the company, such as "Data engineer at Acme"."""
        if self.role and self.company:
            return f"{self.role} at {self.company}"
        return self.company or self.role or "Interview"


@dataclass(frozen=True)
class InterviewQuestion:
    """One question asked in a real interview."""

    prompt: str
    """What they asked."""
    kind: str = ""
    """Its kind (behavioral, technical, informational, follow-up), or "" to follow the
    interview's format."""
    notes: str = ""
    """How the answer went."""
