"""The practice service: ordered saving, drafts laid over snapshots, and emergency copies."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator.engine.clock import FakeClock
from simulator.journal import Journal, JournalError
from simulator.packs.library import Library
from simulator.services.context import Context
from simulator.services.emergency import EmergencyStore
from simulator.services.practice import (
    JournalWriter,
    Practice,
    StartOptions,
    answer_slot,
    recover_emergency_files,
)


@pytest.fixture(scope="module")
def library() -> Library:
    return Context.create(use_cache=False).load_library()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        yield opened


def to_first_question(practice: Practice) -> str:
    session = practice.session
    while session.step().question is None:
        session.advance()
    session.begin_answer()
    current = session.current_answer()
    assert current is not None
    return current["id"]


def test_drafts_survive_and_are_laid_over_the_snapshot(
    library: Library, journal: Journal, tmp_path: Path
) -> None:
    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    clock = FakeClock()
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=1), clock=clock)
    answer_id = to_first_question(practice)
    practice.saved()
    practice.draft(answer_slot(answer_id), "first words")
    practice.draft(answer_slot(answer_id), "first words and more")
    writer.flush()
    assert journal.drafts(practice.session.id)[answer_slot(answer_id)] == "first words and more"
    # A restart: only the journal is left.
    resumed = Practice.resume(library, writer, practice.session.id, clock=clock)
    current = resumed.session.current_answer()
    assert current is not None
    assert current["text"] == "first words and more"
    writer.stop()


def test_writes_run_in_order(library: Library, journal: Journal, tmp_path: Path) -> None:
    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    practice = Practice.start(library, writer, StartOptions("startup-cto", seed=2))
    answer_id = to_first_question(practice)
    for count in range(200):
        practice.draft(answer_slot(answer_id), "x" * count)
    writer.flush()
    assert journal.drafts(practice.session.id)[answer_slot(answer_id)] == "x" * 199
    writer.stop()


def test_failed_writes_go_to_an_emergency_file_and_come_back(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    store = EmergencyStore([tmp_path / "em"])
    writer = JournalWriter(journal, on_error=errors.append, emergency=store)
    practice = Practice.start(library, writer, StartOptions("bar-raiser", seed=3))
    answer_id = to_first_question(practice)
    writer.flush()

    def refuse(*args: object, **kwargs: object) -> None:
        raise JournalError("the disk is full")

    monkeypatch.setattr(journal, "save_draft", refuse)
    monkeypatch.setattr(journal, "save_session", refuse)
    practice.draft(answer_slot(answer_id), "words that must not be lost")
    practice.saved()
    writer.flush()
    assert errors
    assert "kept in" in errors[0]
    (path,) = store.pending()
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["drafts"][answer_slot(answer_id)] == "words that must not be lost"
    assert record["snapshot"]["id"] == practice.session.id
    assert not list(path.parent.glob(".*.tmp"))

    monkeypatch.undo()
    assert recover_emergency_files(journal, store) == [practice.session.id]
    assert store.pending() == []
    loaded = journal.load_session(practice.session.id)
    assert loaded is not None
    current = next(a for a in loaded["answers"] if a["id"] == answer_id)
    assert current["text"] == "words that must not be lost"
    writer.stop()


def test_an_older_emergency_copy_never_comes_back_over_newer_text(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    store = EmergencyStore([tmp_path / "em"])
    writer = JournalWriter(journal, on_error=errors.append, emergency=store)
    practice = Practice.start(library, writer, StartOptions("bar-raiser", seed=7))
    slot = answer_slot(to_first_question(practice))
    writer.flush()

    def refuse(*args: object, **kwargs: object) -> None:
        raise JournalError("the disk is full")

    # A draft fails, then space comes back and a longer draft is saved: the next start must
    # not lay the older text over it.
    monkeypatch.setattr(journal, "save_draft", refuse)
    practice.draft(slot, "first")
    writer.flush()
    assert len(store.pending()) == 1
    monkeypatch.undo()
    practice.draft(slot, "first and second")
    writer.flush()
    assert store.pending() == []  # nothing else was in it
    assert recover_emergency_files(journal, store) == []
    assert journal.drafts(practice.session.id)[slot] == "first and second"

    # A draft and a snapshot fail; a later draft drops the draft's copy and keeps the
    # snapshot's; the next successful snapshot drops that too.
    monkeypatch.setattr(journal, "save_draft", refuse)
    monkeypatch.setattr(journal, "save_session", refuse)
    practice.draft(slot, "third")
    practice.saved()
    writer.flush()
    (path,) = store.pending()
    monkeypatch.undo()
    practice.draft(slot, "third and fourth")
    writer.flush()
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["drafts"] == {}
    assert record["snapshot"]["id"] == practice.session.id
    practice.saved()
    writer.flush()
    assert store.pending() == []
    assert len(errors) == 3, errors  # every failure was told, nothing after
    resumed = Practice.resume(library, writer, practice.session.id)
    current = resumed.session.current_answer()
    assert current is not None and current["text"] == "third and fourth"
    writer.stop()


def test_unwritable_first_folder_falls_back(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    store = EmergencyStore([blocked / "em", tmp_path / "second"])
    path = store.save("abc", drafts={"slot": "text"})
    assert path.parent == tmp_path / "second"


def test_a_session_open_in_another_window_is_refused_and_a_stale_lock_is_taken_over(
    library: Library, journal: Journal, tmp_path: Path
) -> None:
    import subprocess
    import sys

    from simulator.services.session_lock import SessionLock

    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=4))
    session_id = practice.session.id
    practice.close()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        SessionLock(session_id).path.write_text(str(other.pid))
        with pytest.raises(JournalError, match="open in another mock-interview window"):
            Practice.resume(library, writer, session_id)
    finally:
        other.kill()
        other.wait()
    resumed = Practice.resume(library, writer, session_id)  # the other window is gone
    assert resumed.lock.held
    resumed.close()
    assert not SessionLock(session_id).path.exists()
    writer.stop()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc start times")
def test_a_lock_naming_a_reused_process_id_is_stale(
    library: Library, journal: Journal, tmp_path: Path
) -> None:
    import subprocess
    import sys

    from simulator.services.session_lock import SessionLock, process_start_time

    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=4))
    session_id = practice.session.id
    practice.close()
    # A window that crashed an hour ago left its lock; its id now belongs to another,
    # unrelated process (started long after the lock was written).
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock = SessionLock(session_id).path
        lock.parent.mkdir(parents=True, exist_ok=True)
        lock.write_text(str(unrelated.pid))
        an_hour_ago = lock.stat().st_mtime - 3600
        os.utime(lock, (an_hour_ago, an_hour_ago))
        resumed = Practice.resume(library, writer, session_id)
        assert resumed.lock.held
        resumed.close()

        # The lock of today's format names the start time: another time is another process.
        started = process_start_time(unrelated.pid)
        assert started is not None
        lock.write_text(f"{unrelated.pid} {started - 500:.2f}")
        Practice.resume(library, writer, session_id).close()
        lock.write_text(f"{unrelated.pid} {started:.2f}")
        with pytest.raises(JournalError, match="open in another mock-interview window"):
            Practice.resume(library, writer, session_id)
    finally:
        unrelated.kill()
        unrelated.wait()
    writer.stop()


def test_a_draft_changed_by_another_window_is_not_overwritten(
    library: Library, journal: Journal, tmp_path: Path
) -> None:
    errors: list[str] = []
    store = EmergencyStore([tmp_path / "em"])
    writer = JournalWriter(journal, on_error=errors.append, emergency=store)
    practice = Practice.start(library, writer, StartOptions("startup-cto", seed=5))
    answer_id = to_first_question(practice)
    slot = answer_slot(answer_id)
    practice.draft(slot, "mine, first")
    writer.flush()
    journal.save_draft(practice.session.id, slot, "the other window's words")
    practice.draft(slot, "mine, second")
    practice.draft(slot, "mine, third")
    writer.flush()
    drafts = journal.drafts(practice.session.id)
    assert drafts[slot] == "the other window's words"
    (conflict,) = [name for name in drafts if name.startswith("conflict:")]
    assert drafts[conflict] == "mine, third"
    assert len(errors) == 1
    assert "another mock-interview window" in errors[0]
    assert "kept in" not in errors[0]
    # Both versions are in the journal: no emergency copy, which the next start would move
    # back into the original slot, over the other window's words.
    assert store.pending() == []
    assert recover_emergency_files(journal, store) == []
    drafts = journal.drafts(practice.session.id)
    assert drafts[slot] == "the other window's words"
    assert drafts[conflict] == "mine, third"
    practice.saved()
    writer.flush()
    assert journal.drafts(practice.session.id)[conflict] == "mine, third"
    writer.stop()


def test_after_a_conflict_an_emergency_copy_goes_to_the_conflict_draft(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    store = EmergencyStore([tmp_path / "em"])
    writer = JournalWriter(journal, on_error=errors.append, emergency=store)
    practice = Practice.start(library, writer, StartOptions("startup-cto", seed=6))
    slot = answer_slot(to_first_question(practice))
    practice.draft(slot, "mine, first")
    writer.flush()
    journal.save_draft(practice.session.id, slot, "the other window's words")
    practice.draft(slot, "mine, second")  # diverted to a conflict draft
    writer.flush()
    (conflict,) = [name for name in journal.drafts(practice.session.id) if "conflict:" in name]

    def refuse(*args: object, **kwargs: object) -> None:
        raise JournalError("the disk is full")

    monkeypatch.setattr(journal, "save_draft", refuse)
    practice.draft(slot, "mine, third")
    writer.flush()
    assert len(errors) == 2 and "kept in" in errors[1], errors
    (path,) = store.pending()
    assert json.loads(path.read_text(encoding="utf-8"))["drafts"] == {conflict: "mine, third"}

    monkeypatch.undo()
    assert recover_emergency_files(journal, store) == [practice.session.id]
    drafts = journal.drafts(practice.session.id)
    assert drafts[slot] == "the other window's words"
    assert drafts[conflict] == "mine, third"
    writer.stop()


def test_resume_reads_behind_this_windows_queued_saves(
    library: Library, journal: Journal, tmp_path: Path
) -> None:
    import time

    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    # A slow write ahead in the queue keeps the new session's snapshot waiting behind it.
    writer.submit(lambda _journal: time.sleep(0.3), lambda store: tmp_path)
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=4))
    practice.close()
    resumed = Practice.resume(library, writer, practice.session.id)
    assert resumed.session.id == practice.session.id
    resumed.close()


class CountedSaves:
    """Counts the snapshots the journal is asked to save."""

    def __init__(self, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        save = journal.save_session

        def counted(snapshot: Any) -> None:
            self.count += 1
            save(snapshot)

        monkeypatch.setattr(journal, "save_session", counted)


def counted_start(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[JournalWriter, Practice, CountedSaves]:
    """A session with Marcus started and saved, and the saves counted from then on."""
    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=1))
    writer.flush()
    return writer, practice, CountedSaves(journal, monkeypatch)


def test_each_change_is_saved_as_it_happens_once_and_nothing_when_unchanged(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    saves = CountedSaves(journal, monkeypatch)
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=1))
    session = practice.session
    writer.flush()
    assert saves.count == 1  # the new session
    session.set_prep_notes("Read the job ad")  # nobody asks for a save
    writer.flush()
    assert saves.count == 2
    stored = journal.load_session(session.id)
    assert stored is not None and stored == session.snapshot()
    practice.saved()  # nothing changed since: nothing to save
    writer.flush()
    assert saves.count == 2
    session.advance()
    writer.flush()
    assert saves.count == 3
    assert journal.load_session(session.id) == session.snapshot()
    writer.stop()


def test_typing_saves_no_snapshot_and_a_closed_practice_saves_nothing(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, practice, saves = counted_start(library, journal, tmp_path, monkeypatch)
    session = practice.session
    for count in range(1, 30):
        with practice.typing():
            session.set_prep_notes("n" * count)
    writer.flush()
    assert saves.count == 0  # one snapshot per keystroke would be 29
    practice.saved()  # leaving: the typing goes into the snapshot now
    writer.flush()
    assert saves.count == 1
    stored = journal.load_session(session.id)
    assert stored is not None and stored["prep_notes"] == "n" * 29
    practice.close()
    session.advance()
    writer.flush()
    assert saves.count == 1  # another window may own the session now
    writer.stop()


def test_typed_drafts_and_resuming_save_no_snapshot_until_the_next_change(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "em"]))
    practice = Practice.start(library, writer, StartOptions("startup-cto", seed=2))
    slot = answer_slot(to_first_question(practice))
    writer.flush()
    saves = CountedSaves(journal, monkeypatch)
    for count in range(20):
        practice.draft(slot, "x" * count)
    writer.flush()
    assert saves.count == 0
    assert journal.drafts(practice.session.id)[slot] == "x" * 19
    practice.close()
    resumed = Practice.resume(library, writer, practice.session.id)
    writer.flush()
    assert saves.count == 0  # laying the drafts back is no change to save
    assert journal.drafts(practice.session.id)[slot] == "x" * 19
    resumed.saved()  # what the drafts changed is saved, and they are cleared
    writer.flush()
    assert saves.count == 1
    assert slot not in journal.drafts(practice.session.id)
    stored = journal.load_session(practice.session.id)
    assert stored is not None and stored == resumed.session.snapshot()
    writer.stop()


def test_saves_queued_behind_a_slow_write_give_way_to_the_newest(
    library: Library, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    writer, practice, saves = counted_start(library, journal, tmp_path, monkeypatch)
    session = practice.session
    disk = threading.Event()
    writer.submit(lambda _journal: disk.wait(10) and None)  # a slow disk
    for count in range(10):
        session.set_prep_notes(f"note {count}")  # ten changes, each saved
    disk.set()
    writer.flush()
    assert saves.count == 1  # the newest, which holds all the others do
    assert journal.load_session(session.id) == session.snapshot()
    session.advance()  # a writer that keeps up writes every change
    writer.flush()
    session.set_prep_notes("after")
    writer.flush()
    assert saves.count == 3
    assert journal.load_session(session.id) == session.snapshot()
    writer.stop()
