"""Storing a session: the whole snapshot as JSON, spread over the query tables as well.

Every function here runs inside the caller's write transaction.
"""

from __future__ import annotations

import json
import sqlite3
from typing import cast

from simulator.engine.snapshot import AnswerSnapshot, ReminderSnapshot, SessionSnapshot
from simulator.journal.errors import JournalError


def snapshot_json(snapshot: SessionSnapshot) -> str:
    """The snapshot as the compact JSON text kept in ``sessions.snapshot``."""
    try:
        return json.dumps(snapshot, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise JournalError(
            f"session {snapshot['id']} cannot be saved: it holds a value that is not JSON "
            f"({error})"
        ) from None


def _merge_reminders(connection: sqlite3.Connection, snapshot: SessionSnapshot) -> None:
    """Keep "done" and "closed" marks made through the journal (the home screen's
    reminders) when an older copy of the session is saved again."""
    stored = {
        row[0]: (row[1], bool(row[2]))
        for row in connection.execute(
            "SELECT id, done_at, closed FROM reminders WHERE session_id = ?", (snapshot["id"],)
        )
    }
    for reminder in snapshot["reminders"]:
        if reminder["id"] not in stored:
            continue
        done_at, closed = stored[reminder["id"]]
        if reminder["done_at"] is None and done_at is not None:
            reminder["done_at"] = float(done_at)
        if closed and not reminder["closed"]:
            reminder["closed"] = True


def write_session(
    connection: sqlite3.Connection, snapshot: SessionSnapshot, now: float
) -> SessionSnapshot:
    """Upsert a checked snapshot and rewrite its rows; returns what was stored (the
    caller's snapshot is left as it was)."""
    # Only the reminders are changed (by the merge), so only they are copied: a whole deep
    # copy was an eighth of every save.
    snapshot = cast(SessionSnapshot, dict(snapshot))
    snapshot["reminders"] = [
        cast(ReminderSnapshot, dict(reminder)) for reminder in snapshot["reminders"]
    ]
    session_id = snapshot["id"]
    _merge_reminders(connection, snapshot)
    connection.execute(
        "INSERT INTO sessions (id, persona_id, persona_name, created_at, updated_at, "
        "finished_at, phase, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET persona_id = excluded.persona_id, "
        "persona_name = excluded.persona_name, created_at = excluded.created_at, "
        "updated_at = excluded.updated_at, finished_at = excluded.finished_at, "
        "phase = excluded.phase, snapshot = excluded.snapshot",
        (
            session_id,
            snapshot["persona_id"],
            snapshot["persona_name"],
            snapshot["created_at"],
            snapshot["updated_at"],
            snapshot["finished_at"],
            snapshot["phase"],
            snapshot_json(snapshot),
        ),
    )
    _write_answers(connection, snapshot)
    _write_reflection(connection, snapshot, now)
    _write_reminders(connection, snapshot)
    return snapshot


def _write_answers(connection: sqlite3.Connection, snapshot: SessionSnapshot) -> None:
    session_id = snapshot["id"]
    connection.execute("DELETE FROM answers WHERE session_id = ?", (session_id,))
    ids = {answer["id"] for answer in snapshot["answers"]}
    # Each table's rows go in with one statement rather than one each (about 150 a save),
    # still in the answers' order.
    answers: list[tuple[object, ...]] = []
    scores: list[tuple[object, ...]] = []
    tags: list[tuple[object, ...]] = []
    insights: list[tuple[object, ...]] = []
    for position, answer in enumerate(snapshot["answers"]):
        answer_id = answer["id"]
        parent = answer["parent_id"] if answer["parent_id"] in ids else None
        answers.append((session_id, answer_id, position, parent, *_answer_columns(answer)))
        scores.extend(
            (session_id, answer_id, criterion, score)
            for criterion, score in answer["scores"].items()
            # Anything but a whole score from 1 to 5 stays in the snapshot only.
            if isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5
        )
        listed: object = answer.get("tags")
        tags.extend(
            (session_id, answer_id, tag)
            for tag in dict.fromkeys(listed if isinstance(listed, list) else [])
            if isinstance(tag, str) and tag
        )
        insights.extend(
            (session_id, answer_id, name, json.dumps(value, ensure_ascii=False))
            for name, value in answer.get("insights", {}).items()
        )
    connection.executemany(
        "INSERT INTO answers (session_id, id, position, parent_id, source, pack_id, "
        "question_id, prompt_hash, kind, prompt, text, skipped, time_limit, time_used, "
        "started_at, submitted_at, rubric_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        answers,
    )
    connection.executemany(
        "INSERT INTO scores (session_id, answer_id, criterion, score) VALUES (?, ?, ?, ?)",
        scores,
    )
    connection.executemany(
        "INSERT INTO answer_tags (session_id, answer_id, tag) VALUES (?, ?, ?)", tags
    )
    connection.executemany(
        "INSERT INTO insights (session_id, answer_id, name, value) VALUES (?, ?, ?, ?)",
        insights,
    )


def _answer_columns(answer: AnswerSnapshot) -> tuple[object, ...]:
    """The answer's own columns of its row, from ``source`` to ``rubric_id``."""
    return (
        answer["source"],
        answer["pack_id"],
        answer["question_id"],
        answer["prompt_hash"],
        answer["kind"],
        answer["prompt"],
        answer["text"],
        int(answer["skipped"]),
        answer["time_limit"],
        answer["time_used"],
        answer["started_at"],
        answer["submitted_at"],
        answer["rubric_id"],
    )


def _write_reflection(
    connection: sqlite3.Connection, snapshot: SessionSnapshot, now: float
) -> None:
    session_id = snapshot["id"]
    reflection = snapshot["reflection"]
    connection.execute(
        "INSERT INTO reflections (session_id, went_well, say_differently, interviewer_notes) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET "
        "went_well = excluded.went_well, say_differently = excluded.say_differently, "
        "interviewer_notes = excluded.interviewer_notes",
        (
            session_id,
            reflection["went_well"],
            reflection["say_differently"],
            reflection["interviewer_notes"],
        ),
    )
    # The study list keeps each item's "done" mark while the reflection's topics change.
    topics = [topic.strip() for topic in reflection["topics"] if topic.strip()]
    placeholders = ", ".join("?" for _ in topics)
    connection.execute(
        f"DELETE FROM study_items WHERE session_id = ? AND topic NOT IN ({placeholders})",  # noqa: S608
        (session_id, *topics),
    )
    for topic in topics:
        connection.execute(
            "INSERT OR IGNORE INTO study_items (topic, session_id, done, created_at) "
            "VALUES (?, ?, 0, ?)",
            (topic, session_id, now),
        )


def _write_reminders(connection: sqlite3.Connection, snapshot: SessionSnapshot) -> None:
    session_id = snapshot["id"]
    reminders: list[ReminderSnapshot] = snapshot["reminders"]
    placeholders = ", ".join("?" for _ in reminders)
    connection.execute(
        f"DELETE FROM reminders WHERE session_id = ? AND id NOT IN ({placeholders})",  # noqa: S608
        (session_id, *(reminder["id"] for reminder in reminders)),
    )
    for reminder in reminders:
        connection.execute(
            "INSERT INTO reminders (id, session_id, kind, title, recipient, due_at, done_at, "
            "closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, id) DO UPDATE SET "
            "kind = excluded.kind, title = excluded.title, "
            "recipient = excluded.recipient, due_at = excluded.due_at, "
            "done_at = excluded.done_at, closed = excluded.closed",
            (
                reminder["id"],
                session_id,
                reminder["kind"],
                reminder["title"],
                reminder["recipient"],
                reminder["due_at"],
                reminder["done_at"],
                int(reminder["closed"]),
            ),
        )


def _stored_snapshot(connection: sqlite3.Connection, session_id: str) -> SessionSnapshot | None:
    row = connection.execute(
        "SELECT snapshot FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    return None if row is None else cast(SessionSnapshot, json.loads(row[0]))


def _store_snapshot(
    connection: sqlite3.Connection, session_id: str, snapshot: SessionSnapshot
) -> None:
    connection.execute(
        "UPDATE sessions SET snapshot = ? WHERE id = ?", (snapshot_json(snapshot), session_id)
    )


def patch_reminders(
    connection: sqlite3.Connection, session_id: str, changes: dict[str, dict[str, object]]
) -> None:
    """Apply ``{reminder id: {field: value}}`` to the stored snapshot's follow-up plan, so
    the snapshot agrees with the reminders table."""
    snapshot = _stored_snapshot(connection, session_id)
    if snapshot is None:
        return
    for reminder in snapshot.get("reminders", []):
        for name, value in changes.get(reminder["id"], {}).items():
            cast(dict[str, object], reminder)[name] = value
    _store_snapshot(connection, session_id, snapshot)


def patch_topics(
    connection: sqlite3.Connection, session_id: str, old: str, new: str | None
) -> None:
    """Rename (or with ``new`` None, remove) a topic in the stored session's reflection, so
    the snapshot agrees with the study list when the session is saved again."""
    snapshot = _stored_snapshot(connection, session_id)
    if snapshot is None:
        return
    reflection = snapshot.get("reflection")
    if not isinstance(reflection, dict) or not isinstance(reflection.get("topics"), list):
        return
    topics: list[str] = []
    for topic in reflection["topics"]:
        if isinstance(topic, str) and topic.strip() == old:
            if new is not None and new not in topics:
                topics.append(new)
        elif topic not in topics:
            topics.append(topic)
    reflection["topics"] = topics
    _store_snapshot(connection, session_id, snapshot)
