"""Read-only queries over the journal's tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from simulator.engine.history import QuestionKey, QuestionStats
from simulator.engine.progress import ScoredAnswer
from simulator.engine.review import ReviewEvent
from simulator.journal.models import Reminder, ReminderSource, SessionSummary, StudyItem

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


_Columns = tuple[Callable[[Any], Any], ...]
"""How to turn each value of a row into its field's type, in the record's field order."""


def _converted(row: Sequence[Any], columns: _Columns) -> list[Any]:
    return [convert(value) for convert, value in zip(columns, row, strict=True)]


_SESSION_COLUMNS: _Columns = (str, str, str, float, float, _optional_float, str)
"""A session row's own columns: id, persona id and name, created, updated, finished, phase."""
_SUMMARY_COLUMNS: _Columns = (*_SESSION_COLUMNS, int, int, _optional_float)
"""Then its answer count, skipped count and mean score."""


def _summary(row: tuple[Any, ...]) -> SessionSummary:
    return SessionSummary(*_converted(row, _SUMMARY_COLUMNS))


def session_summaries(
    connection: sqlite3.Connection,
    *,
    unfinished: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[SessionSummary]:
    """Sessions newest first; only those not yet done when ``unfinished``; a page of
    ``limit`` after skipping ``offset`` (read from the sessions_listed index)."""
    sql = _SUMMARY_SELECT
    if unfinished:
        sql += " WHERE s.phase != 'done'"
    sql += " ORDER BY s.created_at DESC, s.id"
    parameters: tuple[int, ...] = ()
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        parameters = (-1 if limit is None else max(0, limit), max(0, offset))
    return [_summary(row) for row in connection.execute(sql, parameters)]


def session_count(connection: sqlite3.Connection, *, unfinished: bool = False) -> int:
    """How many sessions there are (only those not yet done when ``unfinished``)."""
    sql = "SELECT count(*) FROM sessions"
    if unfinished:
        sql += " WHERE phase != 'done'"
    return int(connection.execute(sql).fetchone()[0])


_IDS = {
    "sessions": (
        "SELECT id FROM sessions WHERE id = ?",
        "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY id",
    ),
    "real_interviews": (
        "SELECT id FROM real_interviews WHERE id = ?",
        "SELECT id FROM real_interviews WHERE substr(id, 1, ?) = ? ORDER BY id",
    ),
}


def ids_starting(connection: sqlite3.Connection, table: str, prefix: str) -> list[str]:
    """Ids in ``table`` ("sessions" or "real_interviews") equal to ``prefix`` or, if none
    is, starting with it."""
    exact, starting = _IDS[table]
    found = [str(row[0]) for row in connection.execute(exact, (prefix,))]
    if found or not prefix:
        return found
    return [str(row[0]) for row in connection.execute(starting, (len(prefix), prefix))]


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
           r.done_at, r.closed, r.snoozed_until, 'practice', s.created_at
    FROM reminders r JOIN sessions s ON s.id = r.session_id
"""

_INTERVIEW_REMINDER_SELECT = """
    SELECT r.id, r.interview_id,
           CASE WHEN i.role != '' THEN i.company || ' (' || i.role || ')' ELSE i.company END,
           r.kind, r.title, r.recipient, r.due_at, r.done_at, r.closed, r.snoozed_until,
           'interview', i.created_at
    FROM real_interview_reminders r JOIN real_interviews i ON i.id = r.interview_id
"""


def _source(value: Any) -> ReminderSource:
    return "interview" if value == "interview" else "practice"


_REMINDER_COLUMNS: _Columns = (
    *(str,) * 6,
    float,
    _optional_float,
    bool,
    _optional_float,
    _source,
    float,
)


def _reminder(row: tuple[Any, ...]) -> Reminder:
    return Reminder(*_converted(row, _REMINDER_COLUMNS))


_OPEN = " WHERE r.done_at IS NULL AND r.closed = 0"
_DUE = " AND r.due_at <= ? AND (r.snoozed_until IS NULL OR r.snoozed_until <= ?)"


_STARTS = " WHERE substr(r.id, 1, ?) = ?"

_PRACTICE_COUNT = "SELECT COUNT(*) FROM reminders r JOIN sessions s ON s.id = r.session_id"


def _union(where: str, practice: bool) -> str:
    """Real interviews' reminders matching ``where``, and practice sessions' too."""
    interviews = _INTERVIEW_REMINDER_SELECT + where
    return _REMINDER_SELECT + where + " UNION ALL " + interviews if practice else interviews


def due_reminders(
    connection: sqlite3.Connection, now: float, *, practice: bool = True
) -> list[Reminder]:
    """Open reminders due by ``now`` and not snoozed past it, soonest first (then by title):
    those of logged real interviews, and of practice sessions unless ``practice`` is false."""
    rows = connection.execute(
        _union(_OPEN + _DUE, practice) + " ORDER BY 7, 5, 1",
        (now, now, now, now) if practice else (now, now),
    )
    return [_reminder(tuple(row)) for row in rows]


def open_reminders(connection: sqlite3.Connection, *, practice: bool = True) -> list[Reminder]:
    """Every reminder neither done nor closed (snoozed or not, due or not), soonest shown
    due first; practice sessions' ones left out when ``practice`` is false."""
    rows = connection.execute(_union(_OPEN, practice))
    # Snoozed ones go where they will next come up, not where they first fell due.
    reminders = [_reminder(tuple(row)) for row in rows]
    return sorted(reminders, key=lambda r: (r.shown_due_at, r.title, r.id))


def practice_reminder_count(connection: sqlite3.Connection, now: float | None) -> int:
    """How many practice sessions' reminders are open (and due by ``now`` unless None)."""
    if now is None:
        return int(connection.execute(_PRACTICE_COUNT + _OPEN).fetchone()[0])
    return int(connection.execute(_PRACTICE_COUNT + _OPEN + _DUE, (now, now)).fetchone()[0])


def reminders_starting(connection: sqlite3.Connection, prefix: str) -> list[Reminder]:
    """Reminders of any state whose id is ``prefix`` or, if none is, starts with it."""
    for where, values in ((" WHERE r.id = ?", (prefix,)), (_STARTS, (len(prefix), prefix))):
        rows = connection.execute(
            _REMINDER_SELECT
            + where
            + " UNION ALL "
            + _INTERVIEW_REMINDER_SELECT
            + where
            + " ORDER BY 2, 1",
            values * 2,
        ).fetchall()
        if rows or not prefix:
            return [_reminder(tuple(row)) for row in rows]
    return []


def interview_reminders(connection: sqlite3.Connection, interview_id: str) -> list[Reminder]:
    """Every reminder of one real interview, in due order."""
    rows = connection.execute(
        _INTERVIEW_REMINDER_SELECT + " WHERE r.interview_id = ? ORDER BY r.due_at, r.id",
        (interview_id,),
    )
    return [_reminder(tuple(row)) for row in rows]


def session_reminders(connection: sqlite3.Connection, session_id: str) -> list[Reminder]:
    """Every reminder of one session, in due order."""
    rows = connection.execute(
        _REMINDER_SELECT + " WHERE r.session_id = ? ORDER BY r.due_at, r.id", (session_id,)
    )
    return [_reminder(tuple(row)) for row in rows]


def study_list(connection: sqlite3.Connection, include_done: bool) -> list[StudyItem]:
    """The study list: open items first, then oldest first, each with where it came from."""
    sql = (
        "SELECT t.id, t.topic, t.session_id, t.done, t.created_at, t.interview_id, "
        "coalesce(s.persona_name, i.company, ''), coalesce(s.created_at, i.held_at) "
        "FROM study_items t LEFT JOIN sessions s ON s.id = t.session_id "
        "LEFT JOIN real_interviews i ON i.id = t.interview_id"
    )
    if not include_done:
        sql += " WHERE t.done = 0"
    sql += " ORDER BY t.done, t.created_at, t.id"
    return [
        StudyItem(
            id=int(row[0]),
            topic=str(row[1]),
            session_id=None if row[2] is None else str(row[2]),
            done=bool(row[3]),
            created_at=float(row[4]),
            interview_id=None if row[5] is None else str(row[5]),
            source_name=str(row[6]),
            source_at=_optional_float(row[7]),
        )
        for row in connection.execute(sql)
    ]


def review_events(connection: sqlite3.Connection) -> list[ReviewEvent]:
    """Every submitted answer to a drawn question, for spaced review, oldest first: when
    it was answered, its mean score (None if not scored), whether it was skipped."""
    rows = connection.execute(
        """
        SELECT a.pack_id, a.question_id, coalesce(a.submitted_at, a.started_at, s.created_at),
               avg(c.score), a.skipped, a.prompt_hash
        FROM answers a JOIN sessions s ON s.id = a.session_id
        LEFT JOIN scores c ON c.session_id = a.session_id AND c.answer_id = a.id
        WHERE a.source = 'question' AND a.pack_id != '' AND a.question_id != ''
              AND a.submitted_at IS NOT NULL
        GROUP BY a.session_id, a.id
        ORDER BY 3, a.session_id, a.position
        """
    )
    return [
        ReviewEvent(
            key=(str(pack), str(question)),
            at=float(at),
            mean_score=_optional_float(mean),
            skipped=bool(skipped),
            prompt_hash=str(prompt_hash),
        )
        for pack, question, at, mean, skipped, prompt_hash in rows
    ]


def scored_answers(connection: sqlite3.Connection) -> list[ScoredAnswer]:
    """Every answer with at least one score, with its tags, oldest session first."""
    tags: dict[tuple[str, str], list[str]] = {}
    for session_id, answer_id, tag in connection.execute(
        "SELECT session_id, answer_id, tag FROM answer_tags ORDER BY rowid"
    ):
        tags.setdefault((str(session_id), str(answer_id)), []).append(str(tag))
    scores: dict[tuple[str, str], dict[str, int]] = {}
    details: dict[tuple[str, str], tuple[float, str, str, str]] = {}
    rows = connection.execute(
        """
        SELECT a.session_id, a.id, s.created_at, a.pack_id, a.question_id, a.rubric_id,
               c.criterion, c.score
        FROM scores c
        JOIN answers a ON a.session_id = c.session_id AND a.id = c.answer_id
        JOIN sessions s ON s.id = a.session_id
        ORDER BY s.created_at, a.session_id, a.position, c.rowid
        """
    )
    for session_id, answer_id, at, pack, question, rubric, criterion, score in rows:
        key = (str(session_id), str(answer_id))
        details.setdefault(key, (float(at), str(pack), str(question), str(rubric)))
        scores.setdefault(key, {})[str(criterion)] = int(score)
    return [
        ScoredAnswer(
            session_id=key[0],
            at=at,
            pack_id=pack,
            question_id=question,
            rubric_id=rubric,
            tags=tuple(tags.get(key, ())),
            scores=scores[key],
        )
        for key, (at, pack, question, rubric) in details.items()
    ]
