"""Checking a session snapshot before it is stored (from the engine or from an import file).

Only what the journal's tables and exports rely on is checked; every other key is kept as
it came, so a snapshot always reads back exactly as it was saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from simulator.engine.snapshot import SNAPSHOT_VERSION, SessionSnapshot
from simulator.journal.errors import JournalError

_TEXT = (str,)
_NUMBER = (int, float)


def _is(value: object, types: tuple[type, ...], optional: bool = False) -> bool:
    if value is None:
        return optional
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def _require(
    data: Mapping[str, object],
    where: str,
    fields: Mapping[str, tuple[tuple[type, ...], bool]],
) -> None:
    for name, (types, optional) in fields.items():
        if name not in data:
            raise JournalError(f"{where}: {name} is missing")
        if not _is(data[name], types, optional):
            raise JournalError(f"{where}: {name} has the wrong type")


_SESSION_FIELDS = {
    "version": ((int,), False),
    "id": (_TEXT, False),
    "persona_id": (_TEXT, False),
    "persona_name": (_TEXT, False),
    "created_at": (_NUMBER, False),
    "updated_at": (_NUMBER, False),
    "finished_at": (_NUMBER, True),
    "phase": (_TEXT, False),
    "answers": ((list,), False),
    "reflection": ((dict,), False),
    "reminders": ((list,), False),
    "pack_ids": ((list,), False),
    "prep_notes": (_TEXT, False),
    "candidate_questions": ((list,), False),
    "thank_you_drafts": ((dict,), False),
}
_ANSWER_FIELDS = {
    "id": (_TEXT, False),
    "source": (_TEXT, False),
    "parent_id": (_TEXT, True),
    "pack_id": (_TEXT, False),
    "question_id": (_TEXT, False),
    "prompt": (_TEXT, False),
    "prompt_hash": (_TEXT, False),
    "kind": (_TEXT, False),
    "text": (_TEXT, False),
    "skipped": ((bool,), False),
    "time_limit": (_NUMBER, False),
    "time_used": (_NUMBER, False),
    "started_at": (_NUMBER, True),
    "submitted_at": (_NUMBER, True),
    "rubric_id": (_TEXT, False),
    "scores": ((dict,), False),
    "hints_shown": ((int,), False),
    "clarifications": ((int,), False),
    "checklist": ((dict,), False),
}
_REFLECTION_FIELDS = {
    "went_well": (_TEXT, False),
    "say_differently": (_TEXT, False),
    "topics": ((list,), False),
    "interviewer_notes": (_TEXT, False),
}
_REMINDER_FIELDS = {
    "id": (_TEXT, False),
    "kind": (_TEXT, False),
    "title": (_TEXT, False),
    "recipient": (_TEXT, False),
    "due_at": (_NUMBER, False),
    "done_at": (_NUMBER, True),
    "closed": ((bool,), False),
}


def _all(values: object, types: tuple[type, ...]) -> bool:
    items = values.values() if isinstance(values, dict) else values
    return all(_is(item, types) for item in cast(list[object], items))


def check_snapshot(data: object, where: str = "session") -> SessionSnapshot:
    """``data`` as a :class:`SessionSnapshot`, or a JournalError saying what is wrong."""
    if not isinstance(data, dict):
        raise JournalError(f"{where}: a session must be a JSON object")
    session = cast(dict[str, object], data)
    _require(session, where, _SESSION_FIELDS)
    where = f"session {session['id']}"
    if not session["id"]:
        raise JournalError(f"{where}: id is empty")
    version = cast(int, session["version"])
    if version > SNAPSHOT_VERSION:
        raise JournalError(
            f"{where} was written by a newer version of mock-interview (snapshot version "
            f"{version}; this version knows up to {SNAPSHOT_VERSION})"
        )
    seen: set[str] = set()
    for index, answer in enumerate(cast(list[object], session["answers"]), start=1):
        answer_where = f"{where}, answer {index}"
        if not isinstance(answer, dict):
            raise JournalError(f"{answer_where}: must be a JSON object")
        _require(answer, answer_where, _ANSWER_FIELDS)
        if answer["id"] in seen:
            raise JournalError(f"{answer_where}: the id {answer['id']} is used twice")
        seen.add(answer["id"])
        if "insights" in answer and not isinstance(answer["insights"], dict):
            raise JournalError(f"{answer_where}: insights has the wrong type")
        if not _all(answer["scores"], (int,)):
            raise JournalError(f"{answer_where}: scores must be whole numbers")
        if not _all(answer["checklist"], (bool,)):
            raise JournalError(f"{answer_where}: checklist marks must be true or false")
    for name in ("pack_ids", "candidate_questions", "thank_you_drafts"):
        if not _all(session[name], _TEXT):
            raise JournalError(f"{where}: {name} must hold text")
    reflection = cast(dict[str, object], session["reflection"])
    _require(reflection, f"{where}, reflection", _REFLECTION_FIELDS)
    if not all(isinstance(topic, str) for topic in cast(list[object], reflection["topics"])):
        raise JournalError(f"{where}, reflection: topics must be text")
    reminder_ids: set[str] = set()
    for index, reminder in enumerate(cast(list[object], session["reminders"]), start=1):
        reminder_where = f"{where}, reminder {index}"
        if not isinstance(reminder, dict):
            raise JournalError(f"{reminder_where}: must be a JSON object")
        _require(reminder, reminder_where, _REMINDER_FIELDS)
        if reminder["id"] in reminder_ids:
            raise JournalError(f"{reminder_where}: the id {reminder['id']} is used twice")
        reminder_ids.add(reminder["id"])
    return cast(SessionSnapshot, session)
