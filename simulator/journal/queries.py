"""Read-only queries over the journal's tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from simulator.engine.history import QuestionKey, QuestionStats
from simulator.journal.models import Reminder, SessionSummary, StudyItem

_SUMMARY_SELECT = """
    SELECT s.id, s.persona_id, s.persona_name, s.created_at, s.updated_at, s.finished_at,
           s.phase,
           (SELECT count(*) FROM answers a WHERE a.session_id = s.id),
           (SELECT count(*) FROM answers a WHERE a.session_id = s.id AND a.skipped),
           (SELECT avg(score) FROM scores c WHERE c.session_id = s.id)
    FROM sessions s
"""


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _summary(row: tuple[Any, ...]) -> SessionSummary:
    return SessionSummary(
        id=str(row[0]),
        persona_id=str(row[1]),
        persona_name=str(row[2]),
        created_at=float(row[3]),
        updated_at=float(row[4]),
        finished_at=_optional_float(row[5]),
        phase=str(row[6]),
        answer_count=int(row[7]),
        skipped_count=int(row[8]),
        mean_score=_optional_float(row[9]),
    )


def session_summaries(
    connection: sqlite3.Connection, *, unfinished: bool = False, limit: int | None = None
) -> list[SessionSummary]:
    """Sessions newest first; only those not yet done when ``unfinished``."""
    sql = _SUMMARY_SELECT
    if unfinished:
        sql += " WHERE s.phase != 'done'"
    sql += " ORDER BY s.created_at DESC, s.id"
    parameters: tuple[int, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        parameters = (max(0, limit),)
    return [_summary(row) for row in connection.execute(sql, parameters)]


def question_stats(connection: sqlite3.Connection) -> dict[QuestionKey, QuestionStats]:
    """Per (pack id, question id): sessions that asked it, mean score, when last asked.

    Only answers to drawn questions count (not follow-ups, probes or pitches), whatever
    the wording of the question was at the time.
    """
    means = {
        (str(pack), str(question)): float(mean)
        for pack, question, mean in connection.execute(
            """
            SELECT a.pack_id, a.question_id, avg(c.score)
            FROM scores c JOIN answers a ON a.session_id = c.session_id AND a.id = c.answer_id
            WHERE a.source = 'question' AND a.pack_id != '' AND a.question_id != ''
            GROUP BY a.pack_id, a.question_id
            """
        )
    }
    rows = connection.execute(
        """
        SELECT a.pack_id, a.question_id, count(DISTINCT a.session_id),
               max(coalesce(a.started_at, s.created_at))
        FROM answers a JOIN sessions s ON s.id = a.session_id
        WHERE a.source = 'question' AND a.pack_id != '' AND a.question_id != ''
        GROUP BY a.pack_id, a.question_id
        """
    )
    return {
        (str(pack), str(question)): QuestionStats(
            times_seen=int(seen),
            mean_score=means.get((str(pack), str(question))),
            last_seen=_optional_float(last),
        )
        for pack, question, seen, last in rows
    }


def changed_questions(
    connection: sqlite3.Connection, current: Mapping[QuestionKey, str]
) -> set[QuestionKey]:
    """The questions in ``current`` that the journal holds answers to under another
    wording (a different prompt hash). Only drawn questions count, not their follow-ups."""
    changed: set[QuestionKey] = set()
    rows = connection.execute(
        "SELECT DISTINCT pack_id, question_id, prompt_hash FROM answers "
        "WHERE source = 'question' AND pack_id != '' AND question_id != ''"
    )
    for pack, question, prompt_hash in rows:
        key = (str(pack), str(question))
        if key in current and current[key] != prompt_hash:
            changed.add(key)
    return changed


_REMINDER_SELECT = """
    SELECT r.id, r.session_id, s.persona_name, r.kind, r.title, r.recipient, r.due_at,
           r.done_at, r.closed, r.snoozed_until
    FROM reminders r JOIN sessions s ON s.id = r.session_id
"""


def _reminder(row: tuple[Any, ...]) -> Reminder:
    return Reminder(
        id=str(row[0]),
        session_id=str(row[1]),
        persona_name=str(row[2]),
        kind=str(row[3]),
        title=str(row[4]),
        recipient=str(row[5]),
        due_at=float(row[6]),
        done_at=_optional_float(row[7]),
        closed=bool(row[8]),
        snoozed_until=_optional_float(row[9]),
    )


def due_reminders(connection: sqlite3.Connection, now: float) -> list[Reminder]:
    """Open reminders due by ``now`` and not snoozed past it, soonest first."""
    rows = connection.execute(
        _REMINDER_SELECT + " WHERE r.done_at IS NULL AND r.closed = 0 AND r.due_at <= ? "
        "AND (r.snoozed_until IS NULL OR r.snoozed_until <= ?) ORDER BY r.due_at, r.id",
        (now, now),
    )
    return [_reminder(tuple(row)) for row in rows]


def session_reminders(connection: sqlite3.Connection, session_id: str) -> list[Reminder]:
    """Every reminder of one session, in due order."""
    rows = connection.execute(
        _REMINDER_SELECT + " WHERE r.session_id = ? ORDER BY r.due_at, r.id", (session_id,)
    )
    return [_reminder(tuple(row)) for row in rows]


def study_list(connection: sqlite3.Connection, include_done: bool) -> list[StudyItem]:
    """The study list: open items first, then oldest first."""
    sql = "SELECT id, topic, session_id, done, created_at FROM study_items"
    if not include_done:
        sql += " WHERE done = 0"
    sql += " ORDER BY done, created_at, id"
    return [
        StudyItem(
            id=int(item_id),
            topic=str(topic),
            session_id=None if session_id is None else str(session_id),
            done=bool(done),
            created_at=float(created_at),
        )
        for item_id, topic, session_id, done, created_at in connection.execute(sql)
    ]
