"""The JSON export document: everything the journal holds, in one versioned file.

Version 2 (written since the export carries more than sessions)::

    {"format": "mock-interview-journal", "version": 2,
     "sessions": [snapshot, ...],          practice sessions, oldest first
     "real_interviews": [interview, ...],  logged interviews with their questions,
                                           reflection, thank-you drafts and follow-up plan
     "reminders": [state, ...],            done, closed and snoozed marks of every reminder
     "study_list": [item, ...],            topics with their ticks and where they came from
     "prep_notes": [note, ...],            prep notes kept per interviewer (persona)
     "drafts": [draft, ...]}               text typed but not yet saved

Version 1 files hold only ``sessions``; they are still read. Times are seconds since the
epoch, as the journal keeps them, so a file imported elsewhere exports again byte for byte.
Parsing checks everything first: a file with one bad entry imports nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypedDict, TypeVar, cast

from simulator.engine.snapshot import ReflectionSnapshot, ReminderSnapshot, SessionSnapshot
from simulator.journal.errors import JournalError
from simulator.journal.interviews import check_interview
from simulator.journal.models import InterviewQuestion, RealInterview, ReminderSource
from simulator.journal.snapshots import (
    REFLECTION_FIELDS,
    REMINDER_FIELDS,
    all_of,
    check_snapshot,
    checked_entries,
    field_spec,
    require_fields,
)

EXPORT_FORMAT = "mock-interview-journal"
"""The ``format`` of a JSON export."""
EXPORT_VERSION = 2
"""The ``version`` of the JSON export this program writes and the newest it reads."""


class ReminderState(TypedDict):
    """The marks of one reminder; what it says is in its session or real interview."""

    source: ReminderSource
    """"practice" (a session's plan) or "interview" (a real interview's)."""
    owner_id: str
    """The session's or real interview's id."""
    id: str
    """The reminder's id."""
    done_at: float | None
    """When it was marked done."""
    closed: bool
    """Whether its process was closed."""
    snoozed_until: float | None
    """Not shown as due before this time."""


class StudyEntry(TypedDict):
    """A topic on the study list."""

    topic: str
    """What to learn."""
    done: bool
    """Whether it is ticked off."""
    created_at: float
    """When it was put on the list."""
    session_id: str | None
    """The session whose reflection named it, if any."""
    interview_id: str | None
    """The real interview whose reflection named it, if any."""


class PrepNote(TypedDict):
    """Prep notes kept for the next session with one interviewer."""

    persona_id: str
    """The persona's id."""
    text: str
    """The notes."""
    updated_at: float
    """When they last changed."""


class DraftEntry(TypedDict):
    """Text typed in a box but not yet saved with its session or form."""

    key: str
    """What it belongs to: a session's id, or a form's key."""
    slot: str
    """Which box."""
    text: str
    """What was typed."""
    updated_at: float
    """When it was typed."""


@dataclass(frozen=True)
class JournalDocument:
    """What an export holds, each part in a fixed order."""

    sessions: tuple[SessionSnapshot, ...] = ()
    """Practice sessions, oldest first."""
    real_interviews: tuple[RealInterview, ...] = ()
    """Logged real interviews, oldest first."""
    reminders: tuple[ReminderState, ...] = ()
    """The marks of every reminder of those sessions and interviews."""
    study_list: tuple[StudyEntry, ...] = ()
    """The study list."""
    prep_notes: tuple[PrepNote, ...] = ()
    """Prep notes by persona."""
    drafts: tuple[DraftEntry, ...] = ()
    """Unsaved text."""


def interview_json(interview: RealInterview) -> dict[str, object]:
    """A real interview as the export's JSON object."""
    return {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "held_at": interview.held_at,
        "format": interview.format,
        "interviewers": list(interview.interviewers),
        "questions": [
            {"prompt": question.prompt, "kind": question.kind, "notes": question.notes}
            for question in interview.questions
        ],
        "how_it_went": interview.how_it_went,
        "reflection": dict(interview.reflection),
        "thank_you_drafts": dict(interview.thank_you_drafts),
        "reminders": [dict(reminder) for reminder in interview.reminders],
        "created_at": interview.created_at,
        "updated_at": interview.updated_at,
    }


def document_json(document: JournalDocument) -> dict[str, object]:
    """The export document as JSON data."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "sessions": list(document.sessions),
        "real_interviews": [interview_json(item) for item in document.real_interviews],
        "reminders": list(document.reminders),
        "study_list": list(document.study_list),
        "prep_notes": list(document.prep_notes),
        "drafts": list(document.drafts),
    }


def document_text(document: JournalDocument) -> str:
    """The export document as text (UTF-8, indented, ending in a new line)."""
    return json.dumps(document_json(document), indent=2, ensure_ascii=False) + "\n"


# -- reading ----------------------------------------------------------------------------

_INTERVIEW_FIELDS = field_spec(
    "id:text company:text role:text held_at:number format:text interviewers:list"
    " questions:list how_it_went:text reflection:dict thank_you_drafts:dict reminders:list"
    " created_at:number updated_at:number"
)
_QUESTION_FIELDS = field_spec("prompt:text kind:text notes:text")
_STATE_FIELDS = field_spec(
    "source:text owner_id:text id:text done_at:number? closed:bool snoozed_until:number?"
)
_STUDY_FIELDS = field_spec(
    "topic:text done:bool created_at:number session_id:text? interview_id:text?"
)
_NOTE_FIELDS = field_spec("persona_id:text text:text updated_at:number")
_DRAFT_FIELDS = field_spec("key:text slot:text text:text updated_at:number")

T = TypeVar("T")


def _objects(items: list[object], where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise JournalError(f"{where} {index}: must be a JSON object")
        yield f"{where} {index}", item


def _checked(
    items: list[object], where: str, fields: dict[str, tuple[tuple[type, ...], bool]]
) -> tuple[Any, ...]:
    """Each object of ``items`` checked against ``fields`` (extra keys are dropped, so the
    file exports again as it was written by this program)."""
    checked = []
    for item_where, item in _objects(items, where):
        require_fields(item, item_where, fields)
        checked.append({name: item[name] for name in fields})
    return tuple(checked)


def _interview(data: dict[str, Any], where: str) -> RealInterview:
    """A real interview from its JSON object, checked."""
    require_fields(data, where, _INTERVIEW_FIELDS)
    where = f"real interview {data['id']}"
    if not all_of(data["interviewers"], (str,)) or not all_of(data["thank_you_drafts"], (str,)):
        raise JournalError(f"{where}: interviewers and thank_you_drafts must hold text")
    questions = _checked(data["questions"], f"{where}, question", _QUESTION_FIELDS)
    reflection = data["reflection"]
    require_fields(reflection, f"{where}, reflection", REFLECTION_FIELDS)
    if not all_of(reflection["topics"], (str,)):
        raise JournalError(f"{where}, reflection: topics must be text")
    reminders = [
        cast(ReminderSnapshot, {name: item[name] for name in REMINDER_FIELDS})
        for _, item in checked_entries(data["reminders"], f"{where}, reminder", REMINDER_FIELDS)
    ]
    interview = RealInterview(
        id=data["id"],
        company=data["company"],
        role=data["role"],
        held_at=float(data["held_at"]),
        format=data["format"],
        interviewers=tuple(data["interviewers"]),
        questions=tuple(InterviewQuestion(**question) for question in questions),
        how_it_went=data["how_it_went"],
        reflection=cast(
            ReflectionSnapshot, {name: reflection[name] for name in REFLECTION_FIELDS}
        ),
        thank_you_drafts=dict(data["thank_you_drafts"]),
        reminders=tuple(reminders),
        created_at=float(data["created_at"]),
        updated_at=float(data["updated_at"]),
    )
    try:
        check_interview(interview)
    except JournalError as error:
        raise JournalError(f"{where}: {error}") from None
    return interview


def _states(items: list[object]) -> tuple[ReminderState, ...]:
    states = cast(tuple[ReminderState, ...], _checked(items, "reminder", _STATE_FIELDS))
    for index, state in enumerate(states, start=1):
        if state["source"] not in ("practice", "interview"):
            raise JournalError(f"reminder {index}: source must be practice or interview")
    return states


_PARTS: dict[str, Callable[[list[object]], tuple[Any, ...]]] = {
    "sessions": lambda items: tuple(
        check_snapshot(item, f"session {index}") for index, item in enumerate(items, start=1)
    ),
    "real_interviews": lambda items: tuple(
        _interview(item, where) for where, item in _objects(items, "real interview")
    ),
    "reminders": _states,
    "study_list": lambda items: _checked(items, "study list item", _STUDY_FIELDS),
    "prep_notes": lambda items: _checked(items, "prep note", _NOTE_FIELDS),
    "drafts": lambda items: _checked(items, "draft", _DRAFT_FIELDS),
}
"""How each part of the document is checked; a part missing from the file is empty."""


def _version(document: object, source: str) -> dict[str, object]:
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise JournalError(f"{source} is not a mock-interview journal export")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise JournalError(f"{source}: the export version is missing or wrong")
    if version > EXPORT_VERSION:
        raise JournalError(
            f"{source} was written by a newer version of mock-interview (export version "
            f"{version}; this version reads up to {EXPORT_VERSION})"
        )
    if not isinstance(document.get("sessions"), list):
        raise JournalError(f"{source}: sessions must be a list")
    return cast(dict[str, object], document)


def parse_document(text: str, source: str = "the file") -> JournalDocument:
    """The checked contents of a JSON export (version 1 or 2), or a JournalError naming
    ``source`` and the entry and field that are wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise JournalError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    document = _version(data, source)
    parts: dict[str, tuple[Any, ...]] = {}
    for name, check in _PARTS.items():
        items = document.get(name, [])
        if not isinstance(items, list):
            raise JournalError(f"{source}: {name} must be a list")
        try:
            parts[name] = check(items)
        except JournalError as error:
            raise JournalError(f"{source}: {error}") from None
    return JournalDocument(**parts)
