"""Opening, checking and migrating the journal database."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from journal_samples import T0, finished_session

from simulator.common import locations
from simulator.journal import SCHEMA_VERSION, Journal, JournalError
from simulator.journal import migrations as migrations_module
from simulator.journal.database import backup_path
from simulator.journal.migrations import APPLICATION_ID, MIGRATIONS, migrate

FIXTURES = Path(__file__).parent / "fixtures"
OLDER_VERSIONS = list(range(1, SCHEMA_VERSION))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def schema_of(connection: sqlite3.Connection) -> list[tuple[str, str, str]]:
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [(kind, name, " ".join(str(sql).split())) for kind, name, sql in rows]


def fixture_database(path: Path, version: int) -> Path:
    """A database file holding the frozen fixture of an older schema, with data."""
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / f"journal_v{version}.sql").read_text("utf-8"))
    connection.close()
    return path


def test_every_older_schema_has_a_fixture() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
    for version in OLDER_VERSIONS:
        assert (FIXTURES / f"journal_v{version}.sql").is_file()


@pytest.mark.parametrize("version", OLDER_VERSIONS)
def test_fixture_matches_what_the_migrations_built(tmp_path: Path, version: int) -> None:
    built = sqlite3.connect(":memory:", isolation_level=None)
    migrate(built, target=version)
    fixture = sqlite3.connect(fixture_database(tmp_path / "old.sqlite3", version))
    assert schema_of(fixture) == schema_of(built)
    assert fixture.execute("PRAGMA user_version").fetchone()[0] == version
    assert fixture.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert fixture.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2


@pytest.mark.parametrize("target", range(1, SCHEMA_VERSION + 1))
def test_each_migration_from_an_empty_database(target: int) -> None:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(connection, target=target) == 0
    assert connection.execute("PRAGMA user_version").fetchone()[0] == target
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    # And on to the newest from there.
    assert migrate(connection) == target
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_new_journal_is_created_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "journal.sqlite3"
    with Journal.open(path) as journal:
        connection = journal._connection
        assert connection is not None
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert check.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert not list(tmp_path.glob("deep/folder/*.bak-*"))


def test_default_location_is_under_the_home(home: Path) -> None:
    assert not locations.journal_file().exists()  # nothing is created before opening
    with Journal.open() as journal:
        assert journal.path == locations.journal_file()
    assert locations.journal_file().is_file()
    assert locations.journal_file().is_relative_to(home)


@pytest.mark.parametrize("version", OLDER_VERSIONS)
def test_migrating_an_older_journal_keeps_its_data(tmp_path: Path, version: int) -> None:
    path = fixture_database(tmp_path / "journal.sqlite3", version)
    original = sha256(path)
    with Journal.open(path) as journal:
        sessions = journal.list_sessions()
        assert [summary.id for summary in sessions] == ["e" * 32, "f" * 32]
        finished = sessions[1]
        assert finished.phase == "done"
        assert finished.answer_count == 7
        assert finished.skipped_count == 1
        assert finished.mean_score == pytest.approx((4 + 3 + 3 + 5) / 4)
        assert journal.load_session("f" * 32) == finished_session("f" * 32)
        stats = journal.question_stats()
        assert stats[("core-behavioral", "conflict")].mean_score == pytest.approx(3.5)
        assert stats[("core-behavioral", "failure")].times_seen == 1
        assert journal.drafts("e" * 32) == {"answer:x1": "A draft nobody submitted"}
        study = {item.topic: item.done for item in journal.study_list()}
        assert study == {"Schema migrations": False, "Dashboards": True}
        assert [reminder.title for reminder in journal.due_reminders(T0 + 30 * 86_400)] == [
            "Send a thank-you note",
            "Ask about the decision",
            "Check in",
        ]
        # Version 2 brought persona notes: filled from the latest prep notes, or kept.
        expected_notes = (
            "Priya: ask about the roadmap." if version < 2 else "Notes kept in schema 2."
        )
        assert journal.persona_notes("priya") == expected_notes
        # Version 3 brought the insights table: filled from the stored snapshots.
        connection = journal._connection
        assert connection is not None
        insights = dict(
            connection.execute("SELECT name, value FROM insights WHERE answer_id = 'a2'")
        )
        assert insights == {"word_count": "21", "filler_words": '{"um": 1}'}
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # It keeps working as a journal.
        journal.save_session(finished_session("n" * 32, created_at=T0 + 9 * 86_400))
        assert len(journal.list_sessions()) == 3
    backup = backup_path(path, version)
    assert backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    assert old.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert original != sha256(path)


def test_a_snoozed_reminder_survives_migration(tmp_path: Path) -> None:
    path = fixture_database(tmp_path / "journal.sqlite3", 2)
    with Journal.open(path) as journal:
        reminders = {r.kind: r for r in journal.reminders("f" * 32)}
        assert reminders["thank-you"].snoozed_until == T0 + 2 * 86_400
        assert journal.due_reminders(T0 + 86_400 + 1) == []


def test_a_failed_migration_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    migrate(connection, target=SCHEMA_VERSION - 1)

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations_module, "MIGRATIONS", (*MIGRATIONS[:-1], broken))
    with pytest.raises(RuntimeError):
        migrate(connection, target=SCHEMA_VERSION)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    assert not connection.in_transaction
    names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    assert "half_done" not in names


@pytest.mark.parametrize("wal", [False, True])
def test_a_newer_journal_is_refused_untouched(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "journal.sqlite3"
    if wal:
        with Journal.open(path) as journal:
            journal.save_session(finished_session())
    connection = sqlite3.connect(path)
    if not wal:
        connection.execute("CREATE TABLE future (x)")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = sha256(path)
    with pytest.raises(JournalError, match="written by a newer version of mock-interview"):
        Journal.open(path)
    assert sha256(path) == before
    assert not list(tmp_path.glob("*.bak-*"))
    check = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    check.close()
    assert sha256(path) == before


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database at all\n" * 100,
        b"SQLite format 3\x00" + b"\xff" * 4000,
        b"\x00" * 8192,
    ],
)
def test_a_garbage_file_gives_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(content)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    message = str(caught.value)
    assert str(path) in message
    assert "Traceback" not in message
    assert path.read_bytes() == content


def test_a_damaged_journal_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        for number in range(40):
            journal.save_session(finished_session(f"{number:032d}", created_at=T0 + number))
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # smash every page's header
        data[offset : offset + 16] = b"\xa5" * 16
    path.write_bytes(bytes(data))
    with pytest.raises(JournalError, match="damaged"):
        Journal.open(path)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    before = sha256(path)
    with pytest.raises(JournalError, match="another program"):
        Journal.open(path)
    assert sha256(path) == before


def test_an_empty_file_is_a_new_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"")
    with Journal.open(path) as journal:
        assert journal.list_sessions() == []
