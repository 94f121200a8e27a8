"""Reading the journal into an export document, and adding a document's contents to it.

An import adds only what is not there yet: sessions and real interviews by id, prep notes
by persona, study topics of one's own by their words, drafts by what they belong to. The
marks, ticks and drafts that come with a session or interview are applied only when that
session or interview is new, so nothing already in the journal changes and importing the
same file twice adds nothing the second time.

Every function here runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from typing import cast

from simulator.engine.snapshot import SessionSnapshot
from simulator.journal import interviews
from simulator.journal.document import (
    DraftEntry,
    JournalDocument,
    PrepNote,
    ReminderState,
    StudyEntry,
)
from simulator.journal.errors import JournalError
from simulator.journal.models import ImportCounts, ImportReport
from simulator.journal.writes import patch_reminders, write_session

# -- reading ----------------------------------------------------------------------------

_STATES = {
    "practice": "SELECT 'practice', session_id, id, done_at, closed, snoozed_until "
    "FROM reminders WHERE ? IS NULL OR session_id = ?",
    "interview": "SELECT 'interview', interview_id, id, done_at, closed, snoozed_until "
    "FROM real_interview_reminders WHERE ? IS NULL OR interview_id = ?",
}


def _states(
    connection: sqlite3.Connection, sources: tuple[str, ...], owner: str | None
) -> tuple[ReminderState, ...]:
    rows = [
        row
        for source in sources
        for row in connection.execute(_STATES[source], (owner, owner)).fetchall()
    ]
    return tuple(
        {
            "source": "interview" if source == "interview" else "practice",
            "owner_id": str(owner_id),
            "id": str(reminder_id),
            "done_at": None if done_at is None else float(done_at),
            "closed": bool(closed),
            "snoozed_until": None if snoozed is None else float(snoozed),
        }
        for source, owner_id, reminder_id, done_at, closed, snoozed in sorted(
            rows, key=lambda row: (str(row[0]), str(row[1]), str(row[2]))
        )
    )


def _study(
    connection: sqlite3.Connection, session_id: str | None, interview_id: str | None
) -> tuple[StudyEntry, ...]:
    """The study list, or only one session's or real interview's topics."""
    rows = connection.execute(
        "SELECT topic, done, created_at, session_id, interview_id FROM study_items "
        "WHERE (:session IS NULL OR session_id = :session) "
        "AND (:interview IS NULL OR interview_id = :interview) "
        "ORDER BY created_at, coalesce(session_id, ''), coalesce(interview_id, ''), topic",
        {"session": session_id, "interview": interview_id},
    )
    return tuple(
        {
            "topic": str(topic),
            "done": bool(done),
            "created_at": float(created_at),
            "session_id": None if session_id is None else str(session_id),
            "interview_id": None if interview_id is None else str(interview_id),
        }
        for topic, done, created_at, session_id, interview_id in rows
    )


def _snapshots(
    connection: sqlite3.Connection, session_id: str | None
) -> tuple[SessionSnapshot, ...]:
    rows = connection.execute(
        "SELECT snapshot FROM sessions WHERE ? IS NULL OR id = ? ORDER BY created_at, id",
        (session_id, session_id),
    )
    return tuple(cast(SessionSnapshot, json.loads(row[0])) for row in rows)


def _notes(connection: sqlite3.Connection) -> tuple[PrepNote, ...]:
    rows = connection.execute(
        "SELECT persona_id, text, updated_at FROM persona_notes ORDER BY persona_id"
    )
    return tuple(
        {"persona_id": str(persona), "text": str(text), "updated_at": float(at)}
        for persona, text, at in rows
    )


def _drafts(connection: sqlite3.Connection, key: str | None) -> tuple[DraftEntry, ...]:
    rows = connection.execute(
        "SELECT session_id, slot, text, updated_at FROM drafts "
        "WHERE ? IS NULL OR session_id = ? ORDER BY session_id, slot",
        (key, key),
    )
    return tuple(
        {"key": str(owner), "slot": str(slot), "text": str(text), "updated_at": float(at)}
        for owner, slot, text, at in rows
    )


def document_of(
    connection: sqlite3.Connection,
    *,
    session_id: str | None = None,
    interview_id: str | None = None,
) -> JournalDocument:
    """The whole journal as an export document, or only one session's part (the session,
    its reminders' marks, its study topics and drafts), or one real interview's."""
    if session_id is not None:
        sessions = _snapshots(connection, session_id)
        if not sessions:
            raise JournalError(f"no session with id {session_id}")
        return JournalDocument(
            sessions=sessions,
            reminders=_states(connection, ("practice",), session_id),
            study_list=_study(connection, session_id, None),
            drafts=_drafts(connection, session_id),
        )
    if interview_id is not None:
        interview = interviews.load_interview(connection, interview_id)
        if interview is None:
            raise JournalError(f"no real interview with id {interview_id}")
        return JournalDocument(
            real_interviews=(interview,),
            reminders=_states(connection, ("interview",), interview_id),
            study_list=_study(connection, None, interview_id),
        )
    logged = sorted(
        interviews.list_interviews(connection), key=lambda item: (item.held_at, item.id)
    )
    return JournalDocument(
        sessions=_snapshots(connection, None),
        real_interviews=tuple(logged),
        reminders=_states(connection, ("practice", "interview"), None),
        study_list=_study(connection, None, None),
        prep_notes=_notes(connection),
        drafts=_drafts(connection, None),
    )


# -- importing --------------------------------------------------------------------------

_EXISTS = {
    "session": "SELECT 1 FROM sessions WHERE id = ?",
    "interview": "SELECT 1 FROM real_interviews WHERE id = ?",
}


def _exists(connection: sqlite3.Connection, kind: str, owner_id: str) -> bool:
    return connection.execute(_EXISTS[kind], (owner_id,)).fetchone() is not None


def _add_sessions(
    connection: sqlite3.Connection, document: JournalDocument, now: float, added: set[str]
) -> ImportCounts:
    skipped = 0
    for snapshot in document.sessions:
        if _exists(connection, "session", snapshot["id"]):
            skipped += 1
            continue
        write_session(connection, snapshot, now)
        added.add(snapshot["id"])
    return ImportCounts(imported=len(added), skipped=skipped)


def _add_interviews(
    connection: sqlite3.Connection, document: JournalDocument, now: float, added: set[str]
) -> ImportCounts:
    skipped = 0
    for interview in document.real_interviews:
        if _exists(connection, "interview", interview.id):
            skipped += 1
            continue
        interviews.write_interview(connection, interview, now)
        added.add(interview.id)
    return ImportCounts(imported=len(added), skipped=skipped)


_MARK = {
    "practice": "UPDATE reminders SET done_at = ?, closed = ?, snoozed_until = ? "
    "WHERE session_id = ? AND id = ?",
    "interview": "UPDATE real_interview_reminders SET done_at = ?, closed = ?, "
    "snoozed_until = ? WHERE interview_id = ? AND id = ?",
}


def _apply_marks(
    connection: sqlite3.Connection, document: JournalDocument, added: dict[str, set[str]]
) -> None:
    """The marks of the new sessions' and interviews' reminders; a session's stored plan
    is patched too where its marks differ, so the two always agree."""
    planned = {
        (snapshot["id"], item["id"]): (item["done_at"], item["closed"])
        for snapshot in document.sessions
        for item in snapshot["reminders"]
    }
    for state in document.reminders:
        owner_id, reminder_id = state["owner_id"], state["id"]
        if owner_id not in added[state["source"]]:
            continue
        done_at, closed = state["done_at"], state["closed"]
        connection.execute(
            _MARK[state["source"]],
            (done_at, int(closed), state["snoozed_until"], owner_id, reminder_id),
        )
        before = planned.get((owner_id, reminder_id), (done_at, closed))
        if state["source"] == "practice" and before != (done_at, closed):
            change: dict[str, object] = {"done_at": done_at, "closed": closed}
            patch_reminders(connection, owner_id, {reminder_id: change})


def _owner(
    connection: sqlite3.Connection, entry: StudyEntry, added: dict[str, set[str]]
) -> tuple[str | None, str | None] | None:
    """Whose topic an entry is in this journal: (session, interview); None to leave it out
    (its session or interview was here already, with its own study list)."""
    owners: list[str | None] = []
    for kind, source, owner_id in (
        ("session", "practice", entry["session_id"]),
        ("interview", "interview", entry["interview_id"]),
    ):
        if owner_id is not None and owner_id not in added[source]:
            if _exists(connection, kind, owner_id):
                return None
            owner_id = None  # gone from the home it came from: a topic of one's own now
        owners.append(owner_id)
    return owners[0], owners[1]


def _add_study(
    connection: sqlite3.Connection, document: JournalDocument, added: dict[str, set[str]]
) -> ImportCounts:
    imported = skipped = 0
    for entry in document.study_list:
        owner = _owner(connection, entry, added)
        if owner is None:
            skipped += 1
            continue
        found = connection.execute(
            "SELECT id FROM study_items WHERE session_id IS ? AND interview_id IS ? AND topic = ?",
            (*owner, entry["topic"]),
        ).fetchone()
        values = (int(entry["done"]), entry["created_at"])
        if found is None:
            connection.execute(
                "INSERT INTO study_items (topic, session_id, interview_id, done, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (entry["topic"], *owner, *values),
            )
        elif owner == (None, None):
            skipped += 1  # a topic of one's own that is on the list already
            continue
        else:  # put on the list by its new session or interview: the file's tick and time
            connection.execute(
                "UPDATE study_items SET done = ?, created_at = ? WHERE id = ?",
                (*values, found[0]),
            )
        imported += 1
    return ImportCounts(imported=imported, skipped=skipped)


def _add_notes(connection: sqlite3.Connection, document: JournalDocument) -> ImportCounts:
    imported = 0
    for note in document.prep_notes:
        cursor = connection.execute(
            "INSERT INTO persona_notes (persona_id, text, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (persona_id) DO NOTHING",
            (note["persona_id"], note["text"], note["updated_at"]),
        )
        imported += cursor.rowcount
    return ImportCounts(imported=imported, skipped=len(document.prep_notes) - imported)


def _add_drafts(
    connection: sqlite3.Connection, document: JournalDocument, added: set[str]
) -> None:
    """Drafts for what has none here yet (never over a session that was here already)."""
    keys = {draft["key"] for draft in document.drafts}
    taken = {
        key
        for key in keys
        if (key not in added and _exists(connection, "session", key))
        or connection.execute("SELECT 1 FROM drafts WHERE session_id = ?", (key,)).fetchone()
    }
    for draft in document.drafts:
        if draft["key"] not in taken:
            connection.execute(
                "INSERT INTO drafts (session_id, slot, text, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (session_id, slot) DO NOTHING",
                (draft["key"], draft["slot"], draft["text"], draft["updated_at"]),
            )


def import_document(
    connection: sqlite3.Connection, document: JournalDocument, now: float
) -> ImportReport:
    """Add what ``document`` holds and the journal does not (see the module's words)."""
    added: dict[str, set[str]] = {"practice": set(), "interview": set()}
    sessions = _add_sessions(connection, document, now, added["practice"])
    logged = _add_interviews(connection, document, now, added["interview"])
    _apply_marks(connection, document, added)
    study = _add_study(connection, document, added)
    notes = _add_notes(connection, document)
    _add_drafts(connection, document, added["practice"])
    return ImportReport(
        sessions=sessions, real_interviews=logged, study_items=study, prep_notes=notes
    )
