"""The journal under faults, at the Journal and Practice level (the screen has its own tests).

A full disk, a read-only data folder, a garbage database file, a deleted write-ahead log,
a database locked by another process, and a second instance writing at the same time. Each
gives a clear message (never a traceback, never a hang, never "damaged" for a journal that
is not), and whatever could not be written to the journal is kept in an emergency file
and comes back later.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.common import locations
from simulator.journal import Journal, JournalError
from simulator.journal import database as journal_database
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

HERE = Path(__file__).resolve().parent
INSTANCE = HERE / "instance_worker.py"
JOURNAL_WRITER = HERE.parent / "journal" / "journal_writer.py"
TEXT = "Words that must not be lost: naïve café, 中文, 👍🏽, e\u0301. " * 2000  # ~130 KB


@pytest.fixture(scope="module")
def library() -> Library:
    return Context.create(use_cache=False).load_library()


def to_first_question(practice: Practice) -> str:
    session = practice.session
    while session.step().question is None:
        session.advance()
    session.begin_answer()
    practice.saved()
    current = session.current_answer()
    assert current is not None
    return current["id"]


def connection_of(journal: Journal) -> sqlite3.Connection:
    connection = journal._connection
    assert connection is not None
    return connection


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def no_temporary_files(folder: Path) -> bool:
    return not [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


# --- disk full -----------------------------------------------------------------------------


def test_a_full_disk_gives_a_clear_error_and_the_text_goes_to_an_emergency_file(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    errors: list[str] = []
    store = EmergencyStore([tmp_path / "emergency"])
    journal = Journal.open(path)
    writer = JournalWriter(journal, on_error=errors.append, emergency=store)
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=5))
    answer_id = to_first_question(practice)
    slot = answer_slot(answer_id)
    assert writer.flush()
    assert not errors

    # The disk is full: the database may not grow by a single page.
    connection = connection_of(journal)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(JournalError, match="full") as caught:
        journal.save_draft(practice.session.id, slot, TEXT)
    assert "Traceback" not in str(caught.value)

    practice.draft(slot, TEXT)  # what the editor does while typing
    practice.saved()  # and on the next step
    assert writer.flush()
    assert errors, "the user was not told"
    assert all("full" in message and "kept in" in message for message in errors), errors
    (kept,) = store.pending()
    assert str(kept) in errors[0]
    record = json.loads(kept.read_text(encoding="utf-8"))
    assert record["drafts"][slot] == TEXT
    assert record["snapshot"]["id"] == practice.session.id
    assert no_temporary_files(tmp_path / "emergency")  # written atomically: temp, rename

    # Space again: the next start moves the text back, and nothing else was harmed.
    connection.execute("PRAGMA max_page_count = 1073741823")
    assert recover_emergency_files(journal, store) == [practice.session.id]
    assert store.pending() == []
    assert journal.drafts(practice.session.id)[slot] == TEXT
    resumed = Practice.resume(library, writer, practice.session.id)
    current = resumed.session.current_answer()
    assert current is not None and current["text"] == TEXT
    writer.stop()
    journal.close()
    assert integrity(path) == "ok"


# --- a read-only data folder -----------------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only: by its mode, or for root (whom modes do not stop) with the
    immutable attribute."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    try:
        subprocess.run(["chattr", "+i", str(folder)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"running as root, and chattr +i is not available here ({error})")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True, capture_output=True)


def test_a_read_only_data_folder_is_named_plainly_and_nothing_typed_is_lost(
    library: Library, home: Path
) -> None:
    journal = Journal.open()
    writer = JournalWriter(journal)
    practice = Practice.start(library, writer, StartOptions("startup-cto", seed=8))
    session_id = practice.session.id
    answer_id = to_first_question(practice)
    writer.stop()
    practice.close()
    journal.close()
    data = locations.data_dir()
    before = {path.name: path.read_bytes() for path in data.iterdir() if path.is_file()}

    with read_only(data):
        with pytest.raises(JournalError) as caught:
            Journal.open()
        message = str(caught.value)
        assert str(data) in message
        assert "cannot be written" in message and "damaged" not in message, message
        # Where the text goes meanwhile: the emergency copy falls back to another folder.
        kept = EmergencyStore().save(session_id, drafts={answer_slot(answer_id): TEXT})
        assert data not in kept.parents
        assert json.loads(kept.read_text(encoding="utf-8"))["drafts"] == {
            answer_slot(answer_id): TEXT
        }
    after = {path.name: path.read_bytes() for path in data.iterdir() if path.is_file()}
    assert after == before  # the journal was not touched

    with Journal.open() as journal:
        assert journal.load_session(session_id) is not None
        assert recover_emergency_files(journal, EmergencyStore()) == [session_id]
        assert journal.drafts(session_id)[answer_slot(answer_id)] == TEXT


def test_an_emergency_copy_is_recovered_only_by_the_home_that_wrote_it(
    library: Library, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal.open()
    writer = JournalWriter(journal)
    practice = Practice.start(library, writer, StartOptions("startup-cto", seed=8))
    session_id = practice.session.id
    answer_id = to_first_question(practice)
    writer.stop()
    practice.close()
    journal.close()
    first_folders = [str(folder) for folder in EmergencyStore().folders]
    # The shared last resort: what both homes would fall back to if their data and cache
    # folders could not be written.
    shared = [tmp_path / "shared-temp"]
    EmergencyStore(shared).save(session_id, drafts={answer_slot(answer_id): TEXT})

    monkeypatch.setenv(locations.HOME_VARIABLE, str(tmp_path / "another-home"))
    assert [str(folder) for folder in EmergencyStore().folders] != first_folders
    assert not set(first_folders) & {str(folder) for folder in EmergencyStore().folders}
    with Journal.open() as other:
        assert recover_emergency_files(other, EmergencyStore(shared)) == []
        EmergencyStore(shared).forget(session_id, slots=[answer_slot(answer_id)])
    assert len(list(shared[0].glob("*.json"))) == 1  # neither taken nor deleted

    monkeypatch.setenv(locations.HOME_VARIABLE, str(home))
    with Journal.open() as journal:
        assert recover_emergency_files(journal, EmergencyStore(shared)) == [session_id]
        assert journal.drafts(session_id)[answer_slot(answer_id)] == TEXT
    assert not list(shared[0].glob("*.json"))


def test_drafts_of_a_session_the_journal_does_not_hold_are_kept_not_deleted(
    home: Path, tmp_path: Path
) -> None:
    store = EmergencyStore([tmp_path / "emergency"])
    store.save("0123456789abcdef", drafts={"answer:x": "Text with nowhere to go yet"})
    with Journal.open() as journal:
        assert recover_emergency_files(journal, store) == []
    assert len(store.pending()) == 1


# --- a garbage file --------------------------------------------------------------------------


def real_journal_start(folder: Path) -> bytes:
    """The first 3 pages of a real journal: a database cut short."""
    source = folder / "real.sqlite3"
    with Journal.open(source):
        pass
    return source.read_bytes()[: 3 * 4096]


@pytest.mark.parametrize("kind", ["random bytes", "text", "zeros", "cut short"])
def test_a_garbage_database_file_is_refused_by_name_and_left_untouched(
    kind: str, tmp_path: Path
) -> None:
    contents = {
        "random bytes": lambda: random.Random(6).randbytes(64 * 1024),
        "text": lambda: b"journal notes, not a database\n" * 100,
        "zeros": lambda: bytes(16 * 1024),
        "cut short": lambda: real_journal_start(tmp_path),
    }[kind]()
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    path.write_bytes(contents)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert "damaged" in message or "another program" in message, message
    assert "Traceback" not in message and "\n" not in message
    assert path.read_bytes() == contents
    # Nothing else was written: at most SQLite's empty log of a read-only look.
    for child in folder.iterdir():
        assert child.name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm")
        if child.name.endswith("-wal"):
            assert child.stat().st_size == 0


# --- a deleted write-ahead log ---------------------------------------------------------------


def remove_log(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_log_deleted_after_a_crash_loses_no_committed_session(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, str(JOURNAL_WRITER), str(path), "crash", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    committed: list[str] = []
    while len(committed) < 15:
        line = writer.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    os.kill(writer.pid, signal.SIGKILL)  # mid-write, its log still "hot"
    rest, errors = writer.communicate(timeout=30)
    committed += [line.strip() for line in rest.splitlines() if line.strip()]
    assert len(committed) >= 15, errors
    assert path.with_name(path.name + "-wal").exists()
    remove_log(path)  # someone "cleans up" the stray files

    assert integrity(path) == "ok"
    with Journal.open(path) as journal:
        stored = {summary.id for summary in journal.list_sessions()}
        missing = [session_id for session_id in committed if session_id not in stored]
        assert not missing, f"{len(missing)} committed session(s) lost"
        assert all(journal.drafts(session_id) for session_id in committed)


def test_a_log_deleted_while_the_journal_is_open_loses_nothing(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    writer = JournalWriter(journal)
    saved: list[str] = []
    for seed in range(3):
        practice = Practice.start(library, writer, StartOptions("bar-raiser", seed=seed))
        answer_id = to_first_question(practice)
        practice.draft(answer_slot(answer_id), f"answer {seed}")
        practice.saved()
        assert writer.flush()
        saved.append(practice.session.id)
        practice.close()
        if seed == 0:
            remove_log(path)  # while open, between two sessions
    writer.stop()
    with Journal.open(path) as other:  # a second reader sees everything
        assert {summary.id for summary in other.list_sessions()} == set(saved)
    journal.close()
    assert integrity(path) == "ok"
    with Journal.open(path) as reopened:
        assert {summary.id for summary in reopened.list_sessions()} == set(saved)


# --- a database locked by another process ----------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


@contextlib.contextmanager
def locked(path: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database's write lock for ``seconds``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.kill()
        holder.wait(10)


def test_a_locked_journal_gives_a_busy_error_not_a_hang_and_keeps_the_text(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_database, "BUSY_TIMEOUT_SECONDS", 0.5)  # the default is 5 s
    path = tmp_path / "journal.sqlite3"
    errors: list[str] = []
    store = EmergencyStore([tmp_path / "emergency"])
    journal = Journal.open(path)
    writer = JournalWriter(journal, on_error=errors.append, emergency=store)
    practice = Practice.start(library, writer, StartOptions("hiring-manager", seed=9))
    answer_id = to_first_question(practice)
    slot = answer_slot(answer_id)
    assert writer.flush()

    with locked(path, 120) as holder:
        with Journal.open(path) as second:  # opening needs no write lock
            assert second.load_session(practice.session.id) is not None
            with pytest.raises(JournalError, match=r"locked|busy"):
                second.save_draft(practice.session.id, slot, "x")
        practice.draft(slot, TEXT)
        assert writer.flush()
        # Given up on, not waited out: the other process still holds its lock.
        assert holder.poll() is None, "the save waited until the lock was let go"
    assert errors and ("locked" in errors[0] or "busy" in errors[0]), errors
    assert "kept in" in errors[0]
    (kept,) = store.pending()
    assert json.loads(kept.read_text(encoding="utf-8"))["drafts"][slot] == TEXT

    # The lock is gone: writing works again and the text comes back.
    assert recover_emergency_files(journal, store) == [practice.session.id]
    assert journal.drafts(practice.session.id)[slot] == TEXT
    writer.stop()
    journal.close()


def test_opening_a_journal_another_process_is_creating_says_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_database, "BUSY_TIMEOUT_SECONDS", 0.5)
    path = tmp_path / "journal.sqlite3"  # a brand-new database, locked while it is made
    with locked(path, 120) as holder:
        with pytest.raises(JournalError) as caught:
            Journal.open(path)
        assert holder.poll() is None, "opening waited until the lock was let go"
    message = str(caught.value)
    assert "busy" in message and str(path) in message, message
    assert "damaged" not in message
    with Journal.open(path) as journal:  # and once it is free, it opens
        assert journal.list_sessions() == []


# --- a second instance -----------------------------------------------------------------------


def test_two_instances_writing_at_once_keep_every_session_and_draft(home: Path) -> None:
    Journal.open().close()  # created and migrated once, as the first start does
    env = {**os.environ, "MOCK_INTERVIEW_HOME": str(home)}
    workers = [
        subprocess.Popen(
            [sys.executable, str(INSTANCE), persona, "4", "15"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for persona in ("hiring-manager", "startup-cto")
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_, errors) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, errors
    lines = [json.loads(line) for output, _ in outputs for line in output.splitlines()]
    assert len(lines) == 8
    with Journal.open() as journal:
        stored = {summary.id for summary in journal.list_sessions()}
        assert {line["id"] for line in lines} == stored
        for line in lines:
            snapshot = journal.load_session(line["id"])
            assert snapshot is not None
            answer = next(a for a in snapshot["answers"] if a["id"] == line["answer"])
            drafts = journal.drafts(line["id"])
            if line["saved"]:
                assert answer["text"] == line["text"]
            else:  # still being typed when the instance stopped: kept as its draft
                assert drafts[answer_slot(line["answer"])] == line["text"]
    assert integrity(locations.journal_file()) == "ok"
