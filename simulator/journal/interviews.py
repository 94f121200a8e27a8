"""Real-interview logs: building one with its follow-up plan, and storing it.

A logged interview gets the same follow-up plan as a practice session (the engine's
:func:`~simulator.engine.followup.follow_up_plan`, counted from when it took place: a
thank-you note per interviewer within 24 hours, an inquiry after a week, then check-ins
every two weeks) and the same reflection shape; its topics to learn go to the study list.

The storage functions run inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, cast

from simulator.engine.followup import follow_up_plan
from simulator.engine.snapshot import ReflectionSnapshot, ReminderKind, ReminderSnapshot
from simulator.journal.errors import JournalError
from simulator.journal.models import (
    INTERVIEW_FORMATS,
    InterviewQuestion,
    RealInterview,
    empty_reflection,
)


def new_interview_id() -> str:
    """A new uuid4 hex id."""
    return uuid.uuid4().hex


def clean_names(names: Iterable[str]) -> tuple[str, ...]:
    """Interviewer names: trimmed, without blanks or repeats, in order."""
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))


def plan_for(interview: RealInterview) -> list[ReminderSnapshot]:
    """The follow-up plan for an interview, keeping what the user already did.

    Planned from scratch (from ``held_at``, for its interviewers), then each item that was
    already there (same kind and title) keeps its id, its done mark and its closed mark.
    Check-ins added beyond the first plan are kept as they were.
    """
    fresh = follow_up_plan(interview.held_at, list(interview.interviewers) or [""])
    old = {(item["kind"], item["title"]): item for item in interview.reminders}
    plan: list[ReminderSnapshot] = []
    for item in fresh:
        before = old.pop((item["kind"], item["title"]), None)
        if before is not None:
            item = {
                **item,
                "id": before["id"],
                "done_at": before["done_at"],
                "closed": before["closed"],
            }
        plan.append(item)
    plan.extend(item for item in old.values() if item["kind"] == "check-in")
    return sorted(plan, key=lambda item: (item["due_at"], item["title"]))


def new_interview(
    *,
    company: str,
    role: str,
    held_at: float,
    format: str,
    interviewers: Sequence[str] = (),
    questions: Sequence[InterviewQuestion] = (),
    how_it_went: str = "",
    reflection: ReflectionSnapshot | None = None,
    thank_you_drafts: dict[str, str] | None = None,
    now: float,
    interview_id: str | None = None,
) -> RealInterview:
    """A new log with its follow-up plan. Raises :class:`JournalError` for a bad format or
    a missing company."""
    interview = RealInterview(
        id=interview_id or new_interview_id(),
        company=company.strip(),
        role=role.strip(),
        held_at=float(held_at),
        format=format,
        interviewers=clean_names(interviewers),
        questions=tuple(q for q in questions if q.prompt.strip()),
        how_it_went=how_it_went,
        reflection=reflection or empty_reflection(),
        thank_you_drafts=dict(thank_you_drafts or {}),
        created_at=now,
        updated_at=now,
    )
    check_interview(interview)
    return replace(interview, reminders=tuple(plan_for(interview)))


def check_interview(interview: RealInterview) -> None:
    """Refuse what cannot be stored: no company, an unknown format, no id."""
    if not interview.id:
        raise JournalError("a real interview needs an id")
    if not interview.company.strip():
        raise JournalError("say which company the interview was with")
    if interview.format not in INTERVIEW_FORMATS:
        choices = ", ".join(INTERVIEW_FORMATS)
        raise JournalError(f"the format must be one of {choices}, not {interview.format!r}")


def _topics(reflection: ReflectionSnapshot) -> list[str]:
    return list(dict.fromkeys(topic.strip() for topic in reflection["topics"] if topic.strip()))


def write_interview(connection: sqlite3.Connection, interview: RealInterview, now: float) -> None:
    """Insert or replace a log with its questions, reminders and study topics. Its
    ``created_at`` and ``updated_at`` are kept (``now`` when they are 0)."""
    check_interview(interview)
    reflection = interview.reflection
    connection.execute(
        "INSERT INTO real_interviews (id, company, role, held_at, format, interviewers, "
        "how_it_went, went_well, say_differently, interviewer_notes, thank_you_drafts, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET company = excluded.company, role = excluded.role, "
        "held_at = excluded.held_at, format = excluded.format, "
        "interviewers = excluded.interviewers, how_it_went = excluded.how_it_went, "
        "went_well = excluded.went_well, say_differently = excluded.say_differently, "
        "interviewer_notes = excluded.interviewer_notes, "
        "thank_you_drafts = excluded.thank_you_drafts, updated_at = excluded.updated_at",
        (
            interview.id,
            interview.company,
            interview.role,
            interview.held_at,
            interview.format,
            json.dumps(list(interview.interviewers), ensure_ascii=False),
            interview.how_it_went,
            reflection["went_well"],
            reflection["say_differently"],
            reflection["interviewer_notes"],
            json.dumps(dict(interview.thank_you_drafts), ensure_ascii=False),
            interview.created_at or now,
            interview.updated_at or now,
        ),
    )
    connection.execute(
        "DELETE FROM real_interview_questions WHERE interview_id = ?", (interview.id,)
    )
    for position, question in enumerate(interview.questions):
        connection.execute(
            "INSERT INTO real_interview_questions (interview_id, position, prompt, kind, notes) "
            "VALUES (?, ?, ?, ?, ?)",
            (interview.id, position, question.prompt, question.kind, question.notes),
        )
    _write_reminders(connection, interview)
    _write_topics(connection, interview.id, _topics(reflection), now)


def _write_reminders(connection: sqlite3.Connection, interview: RealInterview) -> None:
    """Replace the plan, keeping done, closed and snoozed marks made through the journal."""
    stored = {
        str(row[0]): (row[1], bool(row[2]), row[3])
        for row in connection.execute(
            "SELECT id, done_at, closed, snoozed_until FROM real_interview_reminders "
            "WHERE interview_id = ?",
            (interview.id,),
        )
    }
    connection.execute(
        "DELETE FROM real_interview_reminders WHERE interview_id = ?", (interview.id,)
    )
    for item in interview.reminders:
        done_at, closed, snoozed = item["done_at"], item["closed"], None
        if item["id"] in stored:
            old_done, old_closed, snoozed = stored[item["id"]]
            done_at = done_at if done_at is not None else old_done
            closed = closed or old_closed
        connection.execute(
            "INSERT INTO real_interview_reminders (interview_id, id, kind, title, recipient, "
            "due_at, done_at, closed, snoozed_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                interview.id,
                item["id"],
                item["kind"],
                item["title"],
                item["recipient"],
                item["due_at"],
                done_at,
                int(closed),
                snoozed,
            ),
        )


def _write_topics(
    connection: sqlite3.Connection, interview_id: str, topics: list[str], now: float
) -> None:
    """The interview's study topics: gone ones removed, new ones added, marks kept."""
    existing = {
        str(row[0])
        for row in connection.execute(
            "SELECT topic FROM study_items WHERE interview_id = ?", (interview_id,)
        )
    }
    for topic in existing - set(topics):
        connection.execute(
            "DELETE FROM study_items WHERE interview_id = ? AND topic = ?", (interview_id, topic)
        )
    for topic in topics:
        if topic not in existing:
            connection.execute(
                "INSERT INTO study_items (topic, session_id, interview_id, done, created_at) "
                "VALUES (?, NULL, ?, 0, ?)",
                (topic, interview_id, now),
            )


_INTERVIEW_SELECT = (
    "SELECT id, company, role, held_at, format, interviewers, how_it_went, went_well, "
    "say_differently, interviewer_notes, thank_you_drafts, created_at, updated_at "
    "FROM real_interviews"
)


def _json(text: object, default: Any) -> Any:
    try:
        return json.loads(str(text))
    except ValueError:
        return default


def _questions(connection: sqlite3.Connection, interview_id: str) -> tuple[InterviewQuestion, ...]:
    return tuple(
        InterviewQuestion(prompt=str(prompt), kind=str(kind), notes=str(notes))
        for prompt, kind, notes in connection.execute(
            "SELECT prompt, kind, notes FROM real_interview_questions WHERE interview_id = ? "
            "ORDER BY position",
            (interview_id,),
        )
    )


def _reminders(connection: sqlite3.Connection, interview_id: str) -> tuple[ReminderSnapshot, ...]:
    return tuple(
        cast(
            ReminderSnapshot,
            {
                "id": str(reminder_id),
                "kind": cast(ReminderKind, str(kind)),
                "title": str(title),
                "recipient": str(recipient),
                "due_at": float(due_at),
                "done_at": None if done_at is None else float(done_at),
                "closed": bool(closed),
            },
        )
        for reminder_id, kind, title, recipient, due_at, done_at, closed in connection.execute(
            "SELECT id, kind, title, recipient, due_at, done_at, closed "
            "FROM real_interview_reminders WHERE interview_id = ? ORDER BY due_at, title",
            (interview_id,),
        )
    )


def _stored_topics(connection: sqlite3.Connection, interview_id: str) -> list[str]:
    return [
        str(topic)
        for (topic,) in connection.execute(
            "SELECT topic FROM study_items WHERE interview_id = ? ORDER BY id", (interview_id,)
        )
    ]


def _interview(connection: sqlite3.Connection, row: tuple[Any, ...]) -> RealInterview:
    interview_id = str(row[0])
    names = _json(row[5], [])
    drafts = _json(row[10], {})
    return RealInterview(
        id=interview_id,
        company=str(row[1]),
        role=str(row[2]),
        held_at=float(row[3]),
        format=str(row[4]),
        interviewers=tuple(str(name) for name in names) if isinstance(names, list) else (),
        questions=_questions(connection, interview_id),
        how_it_went=str(row[6]),
        reflection={
            "went_well": str(row[7]),
            "say_differently": str(row[8]),
            "topics": _stored_topics(connection, interview_id),
            "interviewer_notes": str(row[9]),
        },
        thank_you_drafts=(
            {str(key): str(value) for key, value in drafts.items()}
            if isinstance(drafts, dict)
            else {}
        ),
        reminders=_reminders(connection, interview_id),
        created_at=float(row[11]),
        updated_at=float(row[12]),
    )


def load_interview(connection: sqlite3.Connection, interview_id: str) -> RealInterview | None:
    """One log by id, or None."""
    row = connection.execute(_INTERVIEW_SELECT + " WHERE id = ?", (interview_id,)).fetchone()
    return None if row is None else _interview(connection, tuple(row))


def list_interviews(connection: sqlite3.Connection) -> list[RealInterview]:
    """Every log, the most recent interview first."""
    rows = connection.execute(_INTERVIEW_SELECT + " ORDER BY held_at DESC, id").fetchall()
    return [_interview(connection, tuple(row)) for row in rows]
