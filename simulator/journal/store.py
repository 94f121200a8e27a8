"""The :class:`Journal`: every read and write the app and the commands make.

The connection, its lock and its transactions are in :mod:`simulator.journal.base`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import cast

from simulator.engine.history import QuestionKey, QuestionStats
from simulator.engine.progress import ScoredAnswer
from simulator.engine.review import ReviewEvent
from simulator.engine.snapshot import SessionSnapshot
from simulator.journal import interviews, queries, transfer
from simulator.journal.base import JournalBase
from simulator.journal.document import JournalDocument
from simulator.journal.errors import JournalError
from simulator.journal.models import (
    ImportCounts,
    ImportReport,
    RealInterview,
    Reminder,
    SessionSummary,
    StudyItem,
)
from simulator.journal.recordings import RecordingStore
from simulator.journal.snapshots import check_snapshot
from simulator.journal.writes import patch_reminders, patch_topics, write_session


class Journal(JournalBase, RecordingStore):
    """The user's journal of sessions, drafts, reminders, study list, persona notes and
    spoken answers' recordings (the methods of :class:`RecordingStore`).

    Implements :class:`simulator.engine.history.QuestionHistory`.
    """

    # -- sessions -------------------------------------------------------------------------

    def save_session(self, snapshot: SessionSnapshot) -> None:
        """Store a session (new or changed) with its answers, scores, insights, reflection,
        study topics and reminders, all in one transaction."""
        checked = check_snapshot(snapshot)
        with self._writing() as connection:
            write_session(connection, checked, self._clock())

    def import_sessions(self, snapshots: Iterable[object]) -> ImportCounts:
        """Add sessions whose id is not in the journal yet, in one transaction; sessions
        already there are left as they are."""
        checked = tuple(check_snapshot(snapshot, "imported session") for snapshot in snapshots)
        return self.import_document(JournalDocument(sessions=checked)).sessions

    def import_document(self, document: JournalDocument) -> ImportReport:
        """Add what an export document holds and the journal does not, in one transaction
        (see :mod:`simulator.journal.transfer`): nothing already here changes."""
        with self._writing() as connection:
            return transfer.import_document(connection, document, self._clock())

    def export_document(
        self, *, session_id: str | None = None, interview_id: str | None = None
    ) -> JournalDocument:
        """Everything the journal holds as an export document, or one session's or real
        interview's part of it. Raises JournalError for an unknown id."""
        with self._reading() as connection:
            return transfer.document_of(
                connection, session_id=session_id, interview_id=interview_id
            )

    def load_session(self, session_id: str) -> SessionSnapshot | None:
        """The session as it was last saved, or None if there is no such session."""
        with self._reading() as connection:
            row = connection.execute(
                "SELECT snapshot FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
        return None if row is None else cast(SessionSnapshot, json.loads(row[0]))

    def load_sessions(self) -> list[SessionSnapshot]:
        """Every session, oldest first (for export)."""
        with self._reading() as connection:
            rows = connection.execute(
                "SELECT snapshot FROM sessions ORDER BY created_at, id"
            ).fetchall()
        return [cast(SessionSnapshot, json.loads(row[0])) for row in rows]

    def find_session_ids(self, prefix: str) -> list[str]:
        """Ids equal to ``prefix`` or, if none is, starting with it (for the command line)."""
        with self._reading() as connection:
            return queries.ids_starting(connection, "sessions", prefix)

    def find_interview_ids(self, prefix: str) -> list[str]:
        """Real interviews' ids equal to ``prefix`` or, if none is, starting with it."""
        with self._reading() as connection:
            return queries.ids_starting(connection, "real_interviews", prefix)

    def list_sessions(self, limit: int | None = None, offset: int = 0) -> list[SessionSummary]:
        """Summaries of the sessions, newest first: all of them, or a page of ``limit``
        after the first ``offset`` (a page of a long history reads in milliseconds)."""
        with self._reading() as connection:
            return queries.session_summaries(connection, limit=limit, offset=offset)

    def count_sessions(self, *, unfinished: bool = False) -> int:
        """How many sessions the journal holds (only unfinished ones when asked)."""
        with self._reading() as connection:
            return queries.session_count(connection, unfinished=unfinished)

    def unfinished_sessions(self) -> list[SessionSummary]:
        """Sessions not yet done (phase other than "done"), newest first: they can be
        resumed."""
        with self._reading() as connection:
            return queries.session_summaries(connection, unfinished=True)

    def delete_session(self, session_id: str) -> bool:
        """Delete a session with its answers, scores, reminders, drafts and recordings
        (their files too; study topics stay on the study list). Returns whether it
        existed."""
        with self._writing() as connection:
            deleted = connection.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            connection.execute("DELETE FROM drafts WHERE session_id = ?", (session_id,))
        self._delete_session_recordings(session_id)
        return deleted.rowcount > 0

    # -- drafts ---------------------------------------------------------------------------

    def save_draft(self, session_id: str, slot: str, text: str) -> None:
        """Keep what is being typed in ``slot`` (e.g. an answer id), committed at once."""
        with self._writing() as connection:
            connection.execute(
                "INSERT INTO drafts (session_id, slot, text, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (session_id, slot) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at",
                (session_id, slot, text, self._clock()),
            )

    def drafts(self, session_id: str) -> dict[str, str]:
        """The session's drafts: slot to text."""
        with self._reading() as connection:
            rows = connection.execute(
                "SELECT slot, text FROM drafts WHERE session_id = ? ORDER BY slot", (session_id,)
            )
            return {str(slot): str(text) for slot, text in rows}

    def clear_drafts(self, session_id: str, slots: Iterable[str] | None = None) -> None:
        """Forget the session's drafts (only ``slots`` when given)."""
        with self._writing() as connection:
            if slots is None:
                connection.execute("DELETE FROM drafts WHERE session_id = ?", (session_id,))
            else:
                connection.executemany(
                    "DELETE FROM drafts WHERE session_id = ? AND slot = ?",
                    [(session_id, slot) for slot in slots],
                )

    # -- history --------------------------------------------------------------------------

    def question_stats(self) -> Mapping[QuestionKey, QuestionStats]:
        """Statistics for every question the user has been asked (QuestionHistory)."""
        with self._reading() as connection:
            return queries.question_stats(connection)

    def review_events(self) -> list[ReviewEvent]:
        """Every submitted answer to a drawn question, for spaced review (see
        :mod:`simulator.engine.review`), oldest first."""
        with self._reading() as connection:
            return queries.review_events(connection)

    def scored_answers(self) -> list[ScoredAnswer]:
        """Every self-scored answer with its tags, oldest session first (see
        :mod:`simulator.engine.progress`)."""
        with self._reading() as connection:
            return queries.scored_answers(connection)

    def changed_questions(self, current: Mapping[QuestionKey, str]) -> set[QuestionKey]:
        """Of the questions in ``current`` ((pack id, question id) to the sha256 of its
        prompt now), those answered in the past under a different wording."""
        with self._reading() as connection:
            return queries.changed_questions(connection, current)

    # -- follow-up reminders --------------------------------------------------------------

    def due_reminders(self, now: float | None = None, *, practice: bool = True) -> list[Reminder]:
        """Reminders due by ``now`` (default: the clock), not done, not closed, not
        snoozed, of real interviews and (unless ``practice`` is false) practice sessions;
        soonest first."""
        moment = self._clock() if now is None else now
        with self._reading() as connection:
            return queries.due_reminders(connection, moment, practice=practice)

    def reminders(self, session_id: str) -> list[Reminder]:
        """Every reminder of one session, in due order."""
        with self._reading() as connection:
            return queries.session_reminders(connection, session_id)

    def open_reminders(self, *, practice: bool = True) -> list[Reminder]:
        """Every reminder neither done nor closed (due or not, snoozed or not), of real
        interviews and (unless ``practice`` is false) practice sessions; soonest first."""
        with self._reading() as connection:
            return queries.open_reminders(connection, practice=practice)

    def practice_reminder_count(self, now: float | None = None, *, due: bool = True) -> int:
        """How many practice sessions' reminders are open: those due by ``now`` (default:
        the clock), or with ``due`` false every open one."""
        moment = (self._clock() if now is None else now) if due else None
        with self._reading() as connection:
            return queries.practice_reminder_count(connection, moment)

    def find_reminders(self, prefix: str) -> list[Reminder]:
        """Reminders (done, closed or open) whose id is ``prefix`` or, if none is, starts
        with it; practice sessions' and real interviews' alike."""
        with self._reading() as connection:
            return queries.reminders_starting(connection, prefix)

    def set_reminder_done(self, reminder_id: str, when: float | None) -> bool:
        """Mark a reminder done at ``when`` (None: not done); the stored session's follow-up
        plan is updated too. Real interviews' reminders are found by id as well. Returns
        whether the reminder exists."""
        with self._writing() as connection:
            sessions = [
                str(row[0])
                for row in connection.execute(
                    "SELECT session_id FROM reminders WHERE id = ?", (reminder_id,)
                )
            ]
            connection.execute(
                "UPDATE reminders SET done_at = ? WHERE id = ?", (when, reminder_id)
            )
            for session_id in sessions:
                patch_reminders(connection, session_id, {reminder_id: {"done_at": when}})
            logged = connection.execute(
                "UPDATE real_interview_reminders SET done_at = ? WHERE id = ?",
                (when, reminder_id),
            )
            return bool(sessions) or logged.rowcount > 0

    def snooze_reminder(self, reminder_id: str, until: float) -> bool:
        """Hide a reminder from :meth:`due_reminders` until ``until``. Returns whether it
        exists."""
        with self._writing() as connection:
            updated = connection.execute(
                "UPDATE reminders SET snoozed_until = ? WHERE id = ?", (until, reminder_id)
            )
            logged = connection.execute(
                "UPDATE real_interview_reminders SET snoozed_until = ? WHERE id = ?",
                (until, reminder_id),
            )
            return updated.rowcount + logged.rowcount > 0

    def close_follow_up(self, session_id: str) -> int:
        """Close the session's follow-up process: none of its reminders comes due again.
        ``session_id`` may also be a real interview's id. Returns how many reminders were
        closed."""
        with self._writing() as connection:
            rows = connection.execute(
                "SELECT id FROM reminders WHERE session_id = ? AND closed = 0", (session_id,)
            ).fetchall()
            connection.execute(
                "UPDATE reminders SET closed = 1 WHERE session_id = ?", (session_id,)
            )
            patch_reminders(
                connection, session_id, {str(row[0]): {"closed": True} for row in rows}
            )
            logged = connection.execute(
                "UPDATE real_interview_reminders SET closed = 1 "
                "WHERE interview_id = ? AND closed = 0",
                (session_id,),
            )
            return len(rows) + logged.rowcount

    # -- study list and persona notes -----------------------------------------------------

    def study_list(self, include_done: bool = True) -> list[StudyItem]:
        """Topics to learn from the reflections: open ones first, then oldest first."""
        with self._reading() as connection:
            return queries.study_list(connection, include_done)

    def set_study_done(self, item_id: int, done: bool = True) -> bool:
        """Tick a study item off (or on again). Returns whether it exists."""
        with self._writing() as connection:
            updated = connection.execute(
                "UPDATE study_items SET done = ? WHERE id = ?", (int(done), item_id)
            )
            return updated.rowcount > 0

    def add_study_item(self, topic: str, now: float | None = None) -> StudyItem:
        """Put a topic of the user's own on the study list (from no session)."""
        text = topic.strip()
        if not text:
            raise JournalError("a study topic cannot be empty")
        moment = self._clock() if now is None else now
        with self._writing() as connection:
            cursor = connection.execute(
                "INSERT INTO study_items (topic, session_id, done, created_at) "
                "VALUES (?, NULL, 0, ?)",
                (text, moment),
            )
            item_id = int(cursor.lastrowid or 0)
        return StudyItem(id=item_id, topic=text, session_id=None, done=False, created_at=moment)

    def edit_study_item(self, item_id: int, topic: str) -> bool:
        """Change a study topic's words; the reflection it came from changes with it.
        Returns whether the item exists."""
        text = topic.strip()
        if not text:
            raise JournalError("a study topic cannot be empty")
        with self._writing() as connection:
            row = connection.execute(
                "SELECT topic, session_id, interview_id FROM study_items WHERE id = ?",
                (item_id,),
            ).fetchone()
            if row is None:
                return False
            old, session_id, interview_id = str(row[0]), row[1], row[2]
            if old == text:
                return True
            clash = connection.execute(
                "SELECT 1 FROM study_items WHERE id != ? AND topic = ? AND "
                "((session_id IS NOT NULL AND session_id IS ?) OR "
                "(interview_id IS NOT NULL AND interview_id IS ?))",
                (item_id, text, session_id, interview_id),
            ).fetchone()
            if clash is not None:
                raise JournalError(f"{text!r} is already on the study list for that interview")
            connection.execute("UPDATE study_items SET topic = ? WHERE id = ?", (text, item_id))
            if session_id is not None:
                patch_topics(connection, str(session_id), old, text)
            return True

    def delete_study_item(self, item_id: int) -> bool:
        """Take a topic off the study list (and out of the reflection it came from).
        Returns whether it existed."""
        with self._writing() as connection:
            row = connection.execute(
                "SELECT topic, session_id FROM study_items WHERE id = ?", (item_id,)
            ).fetchone()
            if row is None:
                return False
            connection.execute("DELETE FROM study_items WHERE id = ?", (item_id,))
            if row[1] is not None:
                patch_topics(connection, str(row[1]), str(row[0]), None)
            return True

    def persona_notes(self, persona_id: str) -> str:
        """The prep notes kept for the next session with this persona ("" if none)."""
        with self._reading() as connection:
            row = connection.execute(
                "SELECT text FROM persona_notes WHERE persona_id = ?", (persona_id,)
            ).fetchone()
        return "" if row is None else str(row[0])

    def save_persona_notes(self, persona_id: str, text: str) -> None:
        """Keep prep notes for the next session with this persona."""
        with self._writing() as connection:
            connection.execute(
                "INSERT INTO persona_notes (persona_id, text, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (persona_id) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at",
                (persona_id, text, self._clock()),
            )

    # -- real interviews ----------------------------------------------------------------

    def save_real_interview(self, interview: RealInterview) -> None:
        """Store a logged real interview (new or changed) with its questions, follow-up
        plan and study topics, in one transaction. Done, closed and snoozed marks made on
        its reminders through the journal are kept."""
        with self._writing() as connection:
            interviews.write_interview(connection, interview, self._clock())

    def real_interview(self, interview_id: str) -> RealInterview | None:
        """One logged real interview, or None."""
        with self._reading() as connection:
            return interviews.load_interview(connection, interview_id)

    def real_interviews(self) -> list[RealInterview]:
        """Every logged real interview, the most recent first."""
        with self._reading() as connection:
            return interviews.list_interviews(connection)

    def count_real_interviews(self) -> int:
        """How many real interviews are logged."""
        with self._reading() as connection:
            return int(connection.execute("SELECT count(*) FROM real_interviews").fetchone()[0])

    def delete_real_interview(self, interview_id: str) -> bool:
        """Delete a logged interview with its questions and reminders (its study topics stay
        on the study list). Returns whether it existed."""
        with self._writing() as connection:
            deleted = connection.execute(
                "DELETE FROM real_interviews WHERE id = ?", (interview_id,)
            )
            return deleted.rowcount > 0

    def interview_reminders(self, interview_id: str) -> list[Reminder]:
        """Every reminder of one real interview, in due order."""
        with self._reading() as connection:
            return queries.interview_reminders(connection, interview_id)
