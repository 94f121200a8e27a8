"""Checking a session snapshot before it is stored (from the engine or from an import file).

Only what the journal's tables and exports rely on is checked; every other key is kept as
it came, so a snapshot always reads back exactly as it was saved.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


def require_fields(
    data: Mapping[str, object],
    where: str,
    fields: Mapping[str, tuple[tuple[type, ...], bool]],
) -> None:
    """Each of ``fields`` is in ``data`` with its type, or a JournalError naming it."""
    for name, (types, optional) in fields.items():
        if name not in data:
            raise JournalError(f"{where}: {name} is missing")
        if not _is(data[name], types, optional):
            raise JournalError(f"{where}: {name} has the wrong type")


_TYPES: dict[str, tuple[type, ...]] = {
    "text": _TEXT,
    "number": _NUMBER,
    "int": (int,),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}
"""The type words of a field list; ``?`` after one lets the field be null."""


def field_spec(spec: str) -> dict[str, tuple[tuple[type, ...], bool]]:
    """``"id:text done_at:number?"`` as {name: (types, may be null)}, checked in that order."""
    fields = {}
    for entry in spec.split():
        name, kind = entry.split(":")
        fields[name] = (_TYPES[kind.rstrip("?")], kind.endswith("?"))
    return fields


_SESSION_FIELDS = field_spec(
    "version:int id:text persona_id:text persona_name:text created_at:number updated_at:number"
    " finished_at:number? phase:text answers:list reflection:dict reminders:list pack_ids:list"
    " prep_notes:text candidate_questions:list thank_you_drafts:dict"
)
_ANSWER_FIELDS = field_spec(
    "id:text source:text parent_id:text? pack_id:text question_id:text prompt:text"
    " prompt_hash:text kind:text text:text skipped:bool time_limit:number time_used:number"
    " started_at:number? submitted_at:number? rubric_id:text scores:dict hints_shown:int"
    " clarifications:int checklist:dict"
)
REFLECTION_FIELDS = field_spec(
    "went_well:text say_differently:text topics:list interviewer_notes:text"
)
"""A reflection's fields (a session's or a real interview's)."""
REMINDER_FIELDS = field_spec(
    "id:text kind:text title:text recipient:text due_at:number done_at:number? closed:bool"
)
"""A follow-up plan's reminder fields (a session's or a real interview's)."""


def all_of(values: object, types: tuple[type, ...]) -> bool:
    """Whether every item of a list (or value of a dict) is of ``types``."""
    items = values.values() if isinstance(values, dict) else values
    return all(_is(item, types) for item in cast(list[object], items))


def checked_entries(
    items: object, where: str, fields: Mapping[str, tuple[tuple[type, ...], bool]]
) -> Iterator[tuple[str, dict[str, object]]]:
    """Each object of a list with where it is (``where`` and its number from 1), checked
    against ``fields`` and for an id no object before it has."""
    seen: set[object] = set()
    for index, item in enumerate(cast(list[object], items), start=1):
        item_where = f"{where} {index}"
        if not isinstance(item, dict):
            raise JournalError(f"{item_where}: must be a JSON object")
        require_fields(item, item_where, fields)
        if item["id"] in seen:
            raise JournalError(f"{item_where}: the id {item['id']} is used twice")
        seen.add(item["id"])
        yield item_where, item


def check_snapshot(data: object, where: str = "session") -> SessionSnapshot:
    """``data`` as a :class:`SessionSnapshot`, or a JournalError saying what is wrong."""
    if not isinstance(data, dict):
        raise JournalError(f"{where}: a session must be a JSON object")
    session = cast(dict[str, object], data)
    require_fields(session, where, _SESSION_FIELDS)
    where = f"session {session['id']}"
    if not session["id"]:
        raise JournalError(f"{where}: id is empty")
    version = cast(int, session["version"])
    if version > SNAPSHOT_VERSION:
        raise JournalError(
            f"{where} was written by a newer version of mock-interview (snapshot version "
            f"{version}; this version knows up to {SNAPSHOT_VERSION})"
        )
    for answer_where, answer in checked_entries(
        session["answers"], f"{where}, answer", _ANSWER_FIELDS
    ):
        if "insights" in answer and not isinstance(answer["insights"], dict):
            raise JournalError(f"{answer_where}: insights has the wrong type")
        if not all_of(answer["scores"], (int,)):
            raise JournalError(f"{answer_where}: scores must be whole numbers")
        if not all_of(answer["checklist"], (bool,)):
            raise JournalError(f"{answer_where}: checklist marks must be true or false")
    for name in ("pack_ids", "candidate_questions", "thank_you_drafts"):
        if not all_of(session[name], _TEXT):
            raise JournalError(f"{where}: {name} must hold text")
    reflection = cast(dict[str, object], session["reflection"])
    require_fields(reflection, f"{where}, reflection", REFLECTION_FIELDS)
    if not all(isinstance(topic, str) for topic in cast(list[object], reflection["topics"])):
        raise JournalError(f"{where}, reflection: topics must be text")
    list(checked_entries(session["reminders"], f"{where}, reminder", REMINDER_FIELDS))
    return cast(SessionSnapshot, session)
