"""A practice session kept safe: the engine's :class:`Session` and the journal that stores it.

The interface calls this module and nothing below it. Every change is saved through one
background writer thread, in order, so the screen never waits for the disk and a later
save can never be overtaken by an earlier one. Text being typed is kept as drafts (one row
per slot) within a second of typing, and a full snapshot after every other change of the
session, as it happens (the session's change signal), so no caller has to ask. After a
crash, :meth:`Practice.resume` restores the last snapshot and lays the newer drafts over it.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import queue
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from simulator.engine.clock import Clock, SystemClock
from simulator.engine.review import due_keys
from simulator.engine.session import Session
from simulator.engine.snapshot import SessionSnapshot
from simulator.journal import Journal, JournalError
from simulator.packs.library import Library
from simulator.services.emergency import EmergencyStore
from simulator.services.session_lock import SessionLock

log = logging.getLogger(__name__)

PREP_NOTES = "prep-notes"
"""Draft slot: the prep notes."""
YOUR_QUESTION = "your-question"
"""Draft slot: a candidate question being typed, not yet added."""
CONFLICT_PREFIX = "conflict:"
"""Draft slots holding a second window's version of a draft; never cleared automatically."""
SNAPSHOT = ""
"""Stands for the snapshot among the emergency entries a window has written."""
REFLECTION_FIELDS = ("went_well", "say_differently", "interviewer_notes")
"""Reflection fields that are typed freely (topics are added one by one)."""


def answer_slot(answer_id: str) -> str:
    """Draft slot for an answer's text."""
    return f"answer:{answer_id}"


def reflection_slot(field: str) -> str:
    """Draft slot for one reflection field."""
    return f"reflection:{field}"


def thank_you_slot(recipient: str) -> str:
    """Draft slot for the thank-you note to one person."""
    return f"thank-you:{recipient}"


def _held_by_snapshot(slots: Iterable[str]) -> set[str]:
    """The slots a snapshot holds the text of: all but the typed question and conflicts."""
    return {
        slot for slot in slots if slot != YOUR_QUESTION and not slot.startswith(CONFLICT_PREFIX)
    }


ErrorHandler = Callable[[str], None]
"""Told, from the writer thread, about a save that failed, in plain words."""


class DraftConflict(JournalError):
    """Another window changed the same draft; this window's text went to a ``conflict:`` draft.

    Both versions are already in the journal, so there is nothing to rescue: the writer
    tells the user and writes no emergency copy (which, moved back on the next start, would
    overwrite the other window's draft).
    """


class JournalWriter:
    """Runs journal writes one after another on a background thread.

    When a write fails, what it carried is kept in an :class:`EmergencyStore` file instead,
    and the error handler is told where. A :class:`DraftConflict` is told as it is: what it
    carried is already in the journal.
    """

    def __init__(
        self,
        journal: Journal,
        on_error: ErrorHandler | None = None,
        emergency: EmergencyStore | None = None,
        on_conflict: ErrorHandler | None = None,
    ) -> None:
        """``on_error`` hears of writes that failed; ``on_conflict`` (``on_error`` when not
        given) of drafts another window changed, which were kept apart, not lost."""
        self.journal = journal
        self.on_error = on_error
        self.on_conflict = on_conflict
        self.emergency = emergency or EmergencyStore()
        self._queue: queue.Queue[Callable[[Journal], None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="journal-writer", daemon=True)
        self._thread.start()
        self.failed = False
        """Whether the last write failed."""

    def submit(
        self,
        write: Callable[[Journal], None],
        rescue: Callable[[EmergencyStore], Path] | None = None,
    ) -> None:
        """Queue a write; it runs after every write queued before it.

        ``rescue`` keeps the write's content in an emergency file if the journal refuses it.
        """
        self._queue.put(lambda journal: self._attempt(journal, write, rescue))

    def _attempt(
        self,
        journal: Journal,
        write: Callable[[Journal], None],
        rescue: Callable[[EmergencyStore], Path] | None,
    ) -> None:
        try:
            write(journal)
        except DraftConflict:
            raise  # both versions are in the journal; an emergency copy would undo that
        except Exception as error:
            if rescue is None:
                raise
            try:
                where = rescue(self.emergency)
            except OSError as rescue_error:
                raise JournalError(
                    f"{error}; the emergency copy could not be written either ({rescue_error})"
                ) from None
            raise JournalError(f"{error}; your text was kept in {where}") from None

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued write has run; False if that took longer than ``timeout``."""
        done = threading.Event()
        self._queue.put(lambda _journal: done.set())
        return done.wait(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the queued writes and end the thread."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            write = self._queue.get()
            if write is None:
                return
            try:
                write(self.journal)
                self.failed = False
            except DraftConflict as conflict:
                handler = self.on_conflict or self.on_error
                if handler is not None:
                    handler(str(conflict))
            except JournalError as error:
                self._report(str(error))
            except Exception as error:  # a failed save must never kill the writer
                log.exception("journal write failed")
                self._report(f"saving failed: {error}")

    def _report(self, message: str) -> None:
        self.failed = True
        if self.on_error is not None:
            self.on_error(message)


@dataclass(frozen=True)
class StartOptions:
    """How to start a session; the command line's ``practice`` options."""

    persona_id: str
    """The interviewer."""
    pack_ids: Sequence[str] = ()
    """Only draw from these packs (empty: every installed pack)."""
    question_count: int | None = None
    """Ask this many questions in every questions stage."""
    seed: int | None = None
    """The random seed; the same seed gives the same interview."""
    question_keys: Sequence[tuple[str, str]] = ()
    """A review session: exactly these (pack id, question id), in this order. Empty: draw
    as usual, questions due for spaced review first."""


class Practice:
    """One session in progress, saved as it goes."""

    def __init__(self, session: Session, writer: JournalWriter) -> None:
        self.session = session
        """The engine's session: read its views and call its actions; each change is saved."""
        self.writer = writer
        """Where saves go."""
        self.lock = SessionLock(session.id)
        """Keeps a second window from opening this session at the same time."""
        self.lock.acquire()
        # Touched only on the writer thread, by the writes and rescues queued below.
        self._written: dict[str, str] = {}
        self._diverted: dict[str, str] = {}
        self._rescued: set[str] = set()
        """Draft slots (and :data:`SNAPSHOT`) this window put in an emergency file."""
        self._instance = uuid.uuid4().hex[:8]
        self.your_question = ""
        """A question of the candidate's typed but not yet added (its draft)."""
        self._saved_revision: int | None = None  # None: this object has not saved it yet
        self._snapshots_queued = 0
        """How many whole-session saves this object has queued (read by the writer thread)."""
        # Saving follows from the change itself: whoever changes the session need not ask.
        session.on_change(self._save)

    @classmethod
    def start(
        cls,
        library: Library,
        writer: JournalWriter,
        options: StartOptions,
        *,
        clock: Clock | None = None,
    ) -> Practice:
        """Start a new session; raises :class:`simulator.engine.SessionError` if it cannot."""
        journal = writer.journal
        clock = clock or SystemClock()
        keys = list(options.question_keys)
        installed = {ref.key for ref in library.questions()}
        due = [] if keys else due_keys(journal.review_events(), clock.now(), installed)
        session = Session.start(
            library,
            options.persona_id,
            seed=options.seed,
            clock=clock,
            history=journal,
            pack_ids=list(options.pack_ids) or None,
            question_count=options.question_count,
            prep_notes=journal.persona_notes(options.persona_id),
            due=due,
            question_keys=keys or None,
        )
        practice = cls(session, writer)
        practice.saved()
        return practice

    @classmethod
    def resume(
        cls,
        library: Library,
        writer: JournalWriter,
        session_id: str,
        *,
        clock: Clock | None = None,
    ) -> Practice:
        """Continue a saved session with any newer drafts laid over it.

        Raises :class:`JournalError` or :class:`simulator.engine.SessionError`.
        """
        journal = writer.journal
        # This window's own saves may still be queued; the session must be read behind them.
        writer.flush()
        snapshot = journal.load_session(session_id)
        if snapshot is None:
            raise JournalError(f"there is no session {session_id} in the journal")
        session = Session.restore(snapshot, library, clock=clock or SystemClock(), history=journal)
        practice = cls(session, writer)
        practice.apply_drafts(journal.drafts(session_id))
        return practice

    def apply_drafts(self, drafts: dict[str, str]) -> None:
        """Put drafted text back where it was typed (no snapshot is saved for it: the
        drafts are in the journal; the next change or :meth:`saved` saves them with it)."""
        session = self.session
        current = session.current_answer()
        with session.quietly():
            for slot, text in drafts.items():
                if current is not None and slot == answer_slot(current["id"]):
                    session.set_answer_text(text)
                elif slot == PREP_NOTES:
                    session.set_prep_notes(text)
                elif slot == YOUR_QUESTION:
                    self.your_question = text
                elif slot.startswith("reflection:"):
                    field = slot.removeprefix("reflection:")
                    if field in REFLECTION_FIELDS:
                        session.set_reflection(**{field: text})
                elif slot.startswith("thank-you:"):
                    recipient = slot.removeprefix("thank-you:")
                    if recipient in session.thank_you_recipients():
                        session.set_thank_you_draft(recipient, text)

    def drafts(self) -> dict[str, str]:
        """The drafts stored for this session (read from the journal, after pending writes)."""
        self.writer.flush()
        return self.writer.journal.drafts(self.session.id)

    def draft(self, slot: str, text: str) -> None:
        """Keep text being typed: in the session now, in the journal's drafts soon after.

        If another window changed the same draft since this one last wrote it, that text is
        left alone and this window's text goes on in a separate ``conflict:`` draft, and the
        user is told: neither version is overwritten.
        """
        self.apply_drafts({slot: text})
        session_id = self.session.id

        def write(journal: Journal) -> None:
            target = self._diverted.get(slot, slot)
            if target == slot:
                stored = journal.drafts(session_id).get(slot)
                mine = self._written.get(slot)
                if stored is not None and mine is not None and stored != mine:
                    target = f"{CONFLICT_PREFIX}{slot}:{self._instance}"
                    self._diverted[slot] = target
                    journal.save_draft(session_id, target, text)
                    raise DraftConflict(
                        "this text was also changed in another mock-interview window; both "
                        "versions are kept, yours as a separate draft of this session"
                    )
            journal.save_draft(session_id, target, text)
            if target == slot:
                self._written[slot] = text
            self._forget_rescued({target})

        def rescue(store: EmergencyStore) -> Path:
            # Once diverted, this window's text belongs in its conflict draft: an emergency
            # copy for the slot itself would overwrite the other window's text on recovery.
            target = self._diverted.get(slot, slot)
            where = store.save(session_id, drafts={target: text})
            self._rescued.add(target)
            return where

        self.writer.submit(write, rescue)

    def typing(self) -> contextlib.AbstractContextManager[None]:
        """Changes made inside come from typing: kept in the session, but saved by their
        drafts (:meth:`draft`), not by a whole snapshot per keystroke."""
        return self.session.quietly()

    def close(self) -> None:
        """Stop saving this session's changes and let other windows open it again."""
        self.session.on_change(None)
        self.lock.release()

    def saved(self) -> None:
        """Save the whole session now, typed changes included; drafts it now holds are
        cleared. Every other change is saved as it happens, so this is for the moments
        typing must be in the snapshot too (leaving, quitting). Nothing is written when the
        session has not changed since this object last saved it."""
        if self._saved_revision != self.session.revision:
            self._save()

    def _save(self) -> None:
        """Save the whole session; drafts it now holds are cleared.

        A save still queued when a newer one is queued behind it is skipped: the newer
        snapshot holds all it does, and a writer that has fallen behind (a burst of score
        keys, a slow disk) catches up at once instead of writing every step in between.
        """
        self._saved_revision = self.session.revision
        snapshot: SessionSnapshot = self.session.snapshot()
        persona_id = snapshot["persona_id"]
        notes = snapshot["prep_notes"]
        number = self._snapshots_queued + 1

        def write(journal: Journal) -> None:
            if number != self._snapshots_queued:
                return
            journal.save_session(snapshot)
            journal.clear_drafts(snapshot["id"], _held_by_snapshot(journal.drafts(snapshot["id"])))
            journal.save_persona_notes(persona_id, notes)
            # Older emergency copies of what the snapshot now holds must not come back.
            self._forget_rescued(_held_by_snapshot(self._rescued) | {SNAPSHOT})

        def rescue(store: EmergencyStore) -> Path:
            where = store.save(snapshot["id"], snapshot=copy.deepcopy(snapshot))
            self._rescued.add(SNAPSHOT)
            return where

        self.writer.submit(write, rescue)
        # Counted once queued, so a save is only ever skipped for one that will run after it.
        self._snapshots_queued = number

    def _forget_rescued(self, entries: set[str]) -> None:
        """Drop this window's emergency copies of ``entries``: the journal has newer ones.

        Left in place, the next start would move the older text back over the newer.
        """
        entries &= self._rescued
        if not entries:
            return
        try:
            self.writer.emergency.forget(
                self.session.id, slots=entries - {SNAPSHOT}, snapshot=SNAPSHOT in entries
            )
        except OSError as error:  # the journal has the text; an old copy is the lesser harm
            log.warning("could not update the emergency copy of %s: %s", self.session.id, error)
            return
        self._rescued -= entries


def recover_emergency_files(journal: Journal, store: EmergencyStore) -> list[str]:
    """Move emergency copies back into the journal; returns the sessions recovered.

    A snapshot replaces the journal's copy only when it is newer; drafts are laid on top.
    Files that cannot be moved back yet are left for next time, and so are another home's
    files and drafts of a session this journal does not hold: deleting them would lose text.
    """
    recovered: list[str] = []
    for path in store.pending():
        record = store.load(path)
        if not record or not store.belongs_here(record):
            continue
        session_id = str(record.get("session_id") or path.stem)
        snapshot = record.get("snapshot")
        drafts = dict(record.get("drafts") or {})
        try:
            if isinstance(snapshot, dict):
                existing = journal.load_session(session_id)
                if existing is None or existing["updated_at"] <= snapshot.get("updated_at", 0):
                    journal.save_session(snapshot)  # type: ignore[arg-type]
            if journal.load_session(session_id) is None:
                if drafts:
                    log.warning("kept %s: its session is not in this journal", path)
                    continue
            else:
                for slot, text in drafts.items():
                    journal.save_draft(session_id, str(slot), str(text))
        except JournalError as error:
            log.warning("could not recover %s yet: %s", path, error)
            continue
        path.unlink(missing_ok=True)
        recovered.append(session_id)
    return recovered
