"""The plain-data shape of a session: what the engine saves and the journal stores.

A snapshot is JSON-compatible (str, int, float, bool, None, lists, dicts), so it can be
written anywhere and read back by a later version. The engine produces and restores it;
the journal stores it whole and also spreads it over its tables for queries and export.
Times are seconds since the epoch (UTC) as floats.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

SNAPSHOT_VERSION = 1
"""Bumped when the shape changes in a way an older reader cannot handle."""

Phase = Literal["stages", "self-score", "reflection", "follow-up", "summary", "done"]
"""Where a session is: running the plan's stages, or one of the steps after them."""

AnswerSource = Literal["question", "follow-up", "probe", "pitch", "your-question"]
"""Why an answer was asked for: a drawn question, one of its follow-ups, a persona probe,
the elevator pitch, or (for the candidate's own questions) nothing asked at all."""

ReminderKind = Literal["thank-you", "inquiry", "check-in"]
"""The follow-up plan's items."""


class AnswerSnapshot(TypedDict):
    """One thing the candidate answered (or skipped)."""

    id: str
    """A unique id (uuid4 hex)."""
    stage_index: int
    """The plan stage it belongs to."""
    source: AnswerSource
    """What asked for it."""
    parent_id: str | None
    """For follow-ups and probes: the answer they follow."""
    pack_id: str
    """The question's pack ("" for probes and pitches, which belong to the persona)."""
    question_id: str
    """The question's id ("" when there is none)."""
    prompt: str
    """The exact text that was asked."""
    prompt_hash: str
    """sha256 of the question's prompt, so a changed question can be flagged."""
    kind: str
    """The question's kind, or "" for probes of no kind."""
    tags: list[str]
    """The question's tags (with its pack's)."""
    text: str
    """What the candidate wrote."""
    started_at: float | None
    """When the question was shown."""
    submitted_at: float | None
    """When it was submitted or skipped."""
    time_limit: int
    """Seconds allowed."""
    time_used: float
    """Seconds taken (may exceed the limit: overtime is recorded, never cut off)."""
    skipped: bool
    """Whether the candidate skipped it."""
    clarifications: int
    """How many times clarification was asked for."""
    hints_shown: int
    """How many hints were shown."""
    rubric_id: str
    """The rubric it is scored with."""
    scores: dict[str, int]
    """Criterion id to a score from 1 to 5; empty until scored."""
    checklist: dict[str, bool]
    """For drills: each checklist item and whether the candidate ticked it."""
    insights: NotRequired[dict[str, object]]
    """Computed answer insights, stored for history."""


class ReflectionSnapshot(TypedDict):
    """The guided reflection after a session."""

    went_well: str
    """What went well."""
    say_differently: str
    """What to say differently next time."""
    topics: list[str]
    """Topics to learn; each goes to the study list."""
    interviewer_notes: str
    """Notes on the interviewer."""


class ReminderSnapshot(TypedDict):
    """One item of the follow-up plan."""

    id: str
    """A unique id (uuid4 hex)."""
    kind: ReminderKind
    """Thank-you note, one-week inquiry, or bi-weekly check-in."""
    title: str
    """What to do, in plain words."""
    recipient: str
    """Who it is for ("" when not known)."""
    due_at: float
    """When it is due."""
    done_at: float | None
    """When the user marked it done."""
    closed: bool
    """Whether the user closed the process (no further check-ins)."""


class SessionSnapshot(TypedDict):
    """A whole session, at any point from prep to summary."""

    version: int
    """SNAPSHOT_VERSION when written."""
    id: str
    """A unique id (uuid4 hex)."""
    persona_id: str
    """The persona interviewed with."""
    persona_name: str
    """Its name, kept for history when the persona is gone."""
    pack_ids: list[str]
    """Packs the session was limited to (empty: all installed)."""
    seed: int
    """The random seed; the same seed and packs give the same questions."""
    created_at: float
    """When the session started."""
    updated_at: float
    """When it last changed."""
    finished_at: float | None
    """When the interview's last stage ended."""
    phase: Phase
    """Where the session is."""
    stage_index: int
    """The current plan stage while phase is "stages"."""
    drawn: dict[str, list[list[str]]]
    """Per questions-stage index (as text): the drawn questions as [pack id, question id]."""
    answers: list[AnswerSnapshot]
    """Everything answered or skipped, in order."""
    current_answer_id: str | None
    """The answer being written now, if any."""
    prep_notes: str
    """The candidate's prep notes."""
    prep_checklist: dict[str, bool]
    """The preparation checklist and what is ticked."""
    candidate_questions: list[str]
    """The questions the candidate asked at the end."""
    candidate_replies: NotRequired[list[str]]
    """The interviewer's reply to each of ``candidate_questions``, in the same order
    (missing in sessions saved before replies existed; "" for a question with none)."""
    reflection: ReflectionSnapshot
    """The reflection log."""
    thank_you_drafts: dict[str, str]
    """Recipient name to the thank-you note drafted for them."""
    reminders: list[ReminderSnapshot]
    """The follow-up plan."""
    score_index: int
    """Which answer the self-score step is on."""


OPTIONAL_SESSION_KEYS: frozenset[str] = frozenset({"candidate_replies"})
"""Keys of a :class:`SessionSnapshot` that older sessions lack. (``NotRequired`` is not seen
by ``__required_keys__`` under postponed annotations on Python 3.11, so it is listed here.)"""

REQUIRED_SESSION_KEYS: frozenset[str] = frozenset(
    SessionSnapshot.__required_keys__ - OPTIONAL_SESSION_KEYS
)
"""Keys every stored session has."""
