"""The journal's schema, as a list of versioned migrations on ``PRAGMA user_version``.

Migration N (1-based) turns a version N-1 database into version N. Each runs inside one
``BEGIN IMMEDIATE`` transaction together with the ``user_version`` bump, so a crash leaves
the database at the old version or the new one, never in between. Never edit a shipped
migration: add a new one, and keep an SQL fixture of the old schema in tests/journal/fixtures.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from simulator.journal.errors import JournalError

APPLICATION_ID = 0x4D4B4956
"""``PRAGMA application_id`` of a journal ("MKIV"), telling it apart from other SQLite files."""

Migration = Callable[[sqlite3.Connection], None]
"""A function that changes the schema (and data) by one version, inside a transaction."""


def _run(connection: sqlite3.Connection, statements: Sequence[str]) -> None:
    # executescript() would commit the open transaction, so statements run one by one.
    for statement in statements:
        connection.execute(statement)


# SQLite keeps each CREATE TABLE statement's text, so the tables the migrations share a
# layout for are written out exactly as the first versions wrote them, space for space.
def _answer_table(name: str, key: str, *columns: str) -> str:
    """A table of rows that belong to one answer (deleted with it), keyed by it and ``key``."""
    listed = "".join(f"{column},\n        " for column in columns)
    return f"""CREATE TABLE {name} (
        session_id TEXT NOT NULL,
        answer_id TEXT NOT NULL,
        {listed}PRIMARY KEY (session_id, answer_id, {key}),
        FOREIGN KEY (session_id, answer_id) REFERENCES answers (session_id, id)
            ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    )"""


def _reminder_table(name: str, owner: str, owners: str, *extra: str) -> str:
    """A follow-up plan's table: reminders kept per ``owner`` (a row of ``owners``)."""
    listed = "".join(f"{column},\n        " for column in extra)
    return f"""CREATE TABLE {name} (
        {owner} TEXT NOT NULL REFERENCES {owners} (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        recipient TEXT NOT NULL,
        due_at REAL NOT NULL,
        done_at REAL,
        closed INTEGER NOT NULL DEFAULT 0,
        {listed}PRIMARY KEY ({owner}, id)
    )"""


V1_STATEMENTS = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        persona_id TEXT NOT NULL,
        persona_name TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        finished_at REAL,
        phase TEXT NOT NULL,
        snapshot TEXT NOT NULL
    )""",
    """CREATE TABLE answers (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        parent_id TEXT,
        source TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        prompt_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        text TEXT NOT NULL,
        skipped INTEGER NOT NULL,
        time_limit INTEGER NOT NULL,
        time_used REAL NOT NULL,
        started_at REAL,
        submitted_at REAL,
        rubric_id TEXT NOT NULL,
        PRIMARY KEY (session_id, id),
        FOREIGN KEY (session_id, parent_id) REFERENCES answers (session_id, id)
            ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    )""",
    _answer_table("scores", "criterion", "criterion TEXT NOT NULL", "score INTEGER NOT NULL"),
    """CREATE TABLE reflections (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        went_well TEXT NOT NULL,
        say_differently TEXT NOT NULL,
        interviewer_notes TEXT NOT NULL
    )""",
    """CREATE TABLE study_items (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
        done INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        UNIQUE (session_id, topic)
    )""",
    _reminder_table("reminders", "session_id", "sessions"),
    """CREATE TABLE drafts (
        session_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at REAL NOT NULL,
        PRIMARY KEY (session_id, slot)
    )""",
    "CREATE INDEX answers_question ON answers (pack_id, question_id, prompt_hash)",
)
"""Version 1: the core tables."""


def migrate_v1(connection: sqlite3.Connection) -> None:
    """Version 1: sessions, answers, scores, reflections, study list, reminders, drafts."""
    _run(connection, V1_STATEMENTS)


V2_STATEMENTS = (
    "ALTER TABLE reminders ADD COLUMN snoozed_until REAL",
    """CREATE TABLE persona_notes (
        persona_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at REAL NOT NULL
    )""",
)
"""Version 2: snoozing reminders and prep notes kept per persona."""


def migrate_v2(connection: sqlite3.Connection) -> None:
    """Version 2: reminders can be snoozed; prep notes are kept per persona.

    Each persona's notes start as the prep notes of its most recent session that had any.
    """
    _run(connection, V2_STATEMENTS)
    rows = connection.execute(
        "SELECT persona_id, snapshot, updated_at FROM sessions ORDER BY updated_at"
    ).fetchall()
    for persona_id, snapshot_text, updated_at in rows:
        notes = _snapshot_field(snapshot_text, "prep_notes")
        if isinstance(notes, str) and notes.strip():
            connection.execute(
                "INSERT INTO persona_notes (persona_id, text, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (persona_id) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at",
                (persona_id, notes, updated_at),
            )


V3_STATEMENTS = (
    _answer_table("insights", "name", "name TEXT NOT NULL", "value TEXT NOT NULL"),
    "CREATE INDEX sessions_created ON sessions (created_at)",
    "CREATE INDEX sessions_phase ON sessions (phase)",
    "CREATE INDEX answers_parent ON answers (session_id, parent_id)",
    "CREATE INDEX reminders_open ON reminders (due_at) WHERE done_at IS NULL AND closed = 0",
    "CREATE INDEX reminders_id ON reminders (id)",
    "CREATE INDEX study_items_session ON study_items (session_id)",
)
"""Version 3: stored answer insights and indexes for the common queries."""


def migrate_v3(connection: sqlite3.Connection) -> None:
    """Version 3: answer insights get their own table (filled from stored sessions); indexes."""
    _run(connection, V3_STATEMENTS)
    for session_id, answer in _stored_answers(connection):
        if not isinstance(answer.get("insights"), dict):
            continue
        for name, value in answer["insights"].items():
            connection.execute(
                "INSERT OR IGNORE INTO insights (session_id, answer_id, name, value) "
                "SELECT session_id, id, ?, ? FROM answers WHERE session_id = ? AND id = ?",
                (str(name), json.dumps(value), session_id, answer.get("id")),
            )


V4_STATEMENTS = (
    _answer_table("answer_tags", "tag", "tag TEXT NOT NULL"),
    "CREATE INDEX answer_tags_tag ON answer_tags (tag)",
    """CREATE TABLE real_interviews (
        id TEXT PRIMARY KEY,
        company TEXT NOT NULL,
        role TEXT NOT NULL,
        held_at REAL NOT NULL,
        format TEXT NOT NULL,
        interviewers TEXT NOT NULL,
        how_it_went TEXT NOT NULL,
        went_well TEXT NOT NULL,
        say_differently TEXT NOT NULL,
        interviewer_notes TEXT NOT NULL,
        thank_you_drafts TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    )""",
    "CREATE INDEX real_interviews_held ON real_interviews (held_at)",
    """CREATE TABLE real_interview_questions (
        interview_id TEXT NOT NULL REFERENCES real_interviews (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        kind TEXT NOT NULL,
        notes TEXT NOT NULL,
        PRIMARY KEY (interview_id, position)
    )""",
    _reminder_table(
        "real_interview_reminders", "interview_id", "real_interviews", "snoozed_until REAL"
    ),
    "CREATE INDEX real_interview_reminders_open ON real_interview_reminders (due_at) "
    "WHERE done_at IS NULL AND closed = 0",
    "CREATE INDEX real_interview_reminders_id ON real_interview_reminders (id)",
    "ALTER TABLE study_items ADD COLUMN interview_id TEXT "
    "REFERENCES real_interviews (id) ON DELETE SET NULL",
    "CREATE INDEX study_items_interview ON study_items (interview_id)",
)
"""Version 4: answer tags for progress by topic; real-interview logs with their questions
and follow-up reminders; study-list topics from real interviews."""


def migrate_v4(connection: sqlite3.Connection) -> None:
    """Version 4: answer tags (filled from stored sessions), real-interview logs, their
    questions and reminders, and study topics that come from a real interview."""
    _run(connection, V4_STATEMENTS)
    for session_id, answer in _stored_answers(connection):
        if not isinstance(answer.get("tags"), list):
            continue
        for tag in answer["tags"]:
            if not isinstance(tag, str) or not tag:
                continue
            connection.execute(
                "INSERT OR IGNORE INTO answer_tags (session_id, answer_id, tag) "
                "SELECT session_id, id, ? FROM answers WHERE session_id = ? AND id = ?",
                (tag, session_id, answer.get("id")),
            )


V5_STATEMENTS = (
    # Session rows hold whole snapshots (often several pages each), so listing sessions
    # newest first reads this index alone instead of every row.
    """CREATE INDEX sessions_listed ON sessions
        (created_at DESC, id, persona_id, persona_name, updated_at, finished_at, phase)""",
    # Per-session answer counts and mean scores for that list, without reading answer rows.
    "CREATE INDEX answers_counted ON answers (session_id, skipped)",
    "CREATE INDEX scores_answer ON scores (session_id, answer_id, score)",
    # Per-question statistics and changed wordings (question selection), from the index.
    """CREATE INDEX answers_asked ON answers
        (source, pack_id, question_id, prompt_hash, session_id, id, started_at)""",
)
"""Version 5: covering indexes for the history list and question statistics."""


def migrate_v5(connection: sqlite3.Connection) -> None:
    """Version 5: indexes that let the history list and the question statistics read
    indexes only (a journal of 10,000 sessions lists in milliseconds, not a second)."""
    _run(connection, V5_STATEMENTS)


V6_STATEMENTS = (
    # Keyed by session, not by answer row: a session's answer rows are written afresh on
    # every save, which would take the recordings with them.
    """CREATE TABLE recordings (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        answer_id TEXT NOT NULL,
        file TEXT NOT NULL,
        duration REAL NOT NULL,
        transcript TEXT NOT NULL,
        delivery TEXT NOT NULL,
        recorded_at REAL NOT NULL,
        PRIMARY KEY (session_id, answer_id)
    )""",
)
"""Version 6: spoken answers' recordings, with their transcripts and delivery measures."""


def migrate_v6(connection: sqlite3.Connection) -> None:
    """Version 6: an answer can own a recording (its WAV file's name under the recordings
    folder, its length, the transcript and the delivery measures)."""
    _run(connection, V6_STATEMENTS)


def _stored_answers(connection: sqlite3.Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    """(session id, answer) for each answer object in the stored snapshots, as saved."""
    rows = connection.execute("SELECT id, snapshot FROM sessions").fetchall()
    for session_id, snapshot_text in rows:
        answers = _snapshot_field(snapshot_text, "answers")
        if isinstance(answers, list):
            yield from ((session_id, answer) for answer in answers if isinstance(answer, dict))


def _snapshot_field(snapshot_text: object, name: str) -> object:
    if not isinstance(snapshot_text, str):
        return None
    try:
        data = json.loads(snapshot_text)
    except ValueError:
        return None
    return data.get(name) if isinstance(data, dict) else None


MIGRATIONS: tuple[Migration, ...] = (
    migrate_v1,
    migrate_v2,
    migrate_v3,
    migrate_v4,
    migrate_v5,
    migrate_v6,
)
"""Every migration, in order: ``MIGRATIONS[n - 1]`` makes version n."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The newest schema this program knows."""


def user_version(connection: sqlite3.Connection) -> int:
    """The database's ``PRAGMA user_version``."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def newer_version_error(path: object, version: int) -> JournalError:
    """The refusal for a database written by a later program."""
    return JournalError(
        f"{path} was written by a newer version of mock-interview (journal schema "
        f"{version}; this version knows up to {SCHEMA_VERSION}). Upgrade mock-interview "
        "to use it; the file was left untouched."
    )


def migrate(
    connection: sqlite3.Connection, path: object = "the journal", target: int = SCHEMA_VERSION
) -> int:
    """Bring the database up to ``target``, one transaction per version; returns the
    version it started at. The connection must be in autocommit mode
    (``isolation_level=None``). Other processes may migrate at the same time: each step
    re-reads the version once it holds the write lock."""
    current = user_version(connection)
    if SCHEMA_VERSION >= current >= target:
        # Nothing to do, so no write lock is taken: a journal that another program is
        # writing to for a while still opens, and only the writes that meet it wait.
        return current
    started: int | None = None
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(connection)
            if started is None:
                started = version
            if version > SCHEMA_VERSION:
                raise newer_version_error(path, version)
            if version >= target:
                connection.execute("COMMIT")
                return started
            MIGRATIONS[version](connection)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            violations = connection.execute("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise JournalError(
                    f"{path}: upgrading the journal to schema {version + 1} failed "
                    f"({len(violations)} broken links); nothing was changed"
                )
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
