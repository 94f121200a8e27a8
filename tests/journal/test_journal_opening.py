"""Opening a journal that another process is creating at the same moment.

Two windows of the app started together on a first run both find no journal and both
create one. Each race here is forced at the exact point where it was seen to go wrong
(with four processes opening a fresh journal at once, about one run in fifty).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from simulator.journal import Journal, database
from simulator.journal.errors import JournalError
from simulator.journal.migrations import SCHEMA_VERSION, migrate, user_version


def being_created(path: Path) -> None:
    """The file as the first process leaves it a moment after switching it to WAL."""
    first = sqlite3.connect(path, isolation_level=None)
    assert first.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    first.close()
    assert path.stat().st_size > 0  # so the next process inspects it


def migrate_elsewhere(path: Path) -> None:
    """Another process creating the whole schema, committed."""
    other = sqlite3.connect(path, isolation_level=None)
    migrate(other, path)
    other.close()


class RacingReader(sqlite3.Connection):
    """A connection that lets another process commit right after it reads the version."""

    after_version: Callable[[], None] | None = None

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        cursor = super().execute(sql, parameters)
        hook, RacingReader.after_version = RacingReader.after_version, None
        if sql == "PRAGMA user_version" and hook is not None:
            hook()
        return cursor


def test_a_journal_created_while_it_is_inspected_is_not_taken_for_another_programs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "journal.sqlite3"
    being_created(path)

    def read_only(target: Path, busy_timeout: float | None = None) -> sqlite3.Connection:
        uri = f"{target.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, factory=RacingReader)

    monkeypatch.setattr(database, "_read_only", read_only)
    RacingReader.after_version = lambda: migrate_elsewhere(path)
    # Read apart, the version came from before the other process's commit and the tables
    # from after it: "an SQLite database of another program".
    found = database.inspect(path)
    assert (found.version, found.has_tables) == (0, False)
    assert RacingReader.after_version is None  # the other process did commit meanwhile
    with Journal.open(path) as journal:
        assert journal.list_sessions() == []
    check = sqlite3.connect(path)
    assert user_version(check) == SCHEMA_VERSION
    check.close()


class RefusingWal(sqlite3.Connection):
    """A connection whose switch to WAL is refused at once, as SQLite refuses one of two
    processes asking for it together, a given number of times."""

    refusals = 0

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if sql == "PRAGMA journal_mode = WAL" and RefusingWal.refusals:
            RefusingWal.refusals -= 1
            refused = sqlite3.OperationalError("database is locked")
            refused.sqlite_errorcode = sqlite3.SQLITE_BUSY  # as SQLite's own carries it
            raise refused
        return super().execute(sql, parameters)


@pytest.fixture
def refusing(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        # The read-only look (a URI) is not the connection that switches to WAL.
        factory = sqlite3.Connection if "uri" in kwargs else RefusingWal
        connection: sqlite3.Connection = plain(*args, factory=factory, **kwargs)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_switch_to_wal_refused_at_once_is_asked_again(tmp_path: Path, refusing: None) -> None:
    RefusingWal.refusals = 3
    path = tmp_path / "fresh" / "journal.sqlite3"
    with Journal.open(path) as journal:
        assert journal.list_sessions() == []
    assert RefusingWal.refusals == 0


def test_a_switch_to_wal_refused_for_good_still_says_busy(tmp_path: Path, refusing: None) -> None:
    RefusingWal.refusals = 10**6
    path = tmp_path / "journal.sqlite3"
    with pytest.raises(JournalError, match="is busy"):
        database.connect(path, busy_timeout=0.2)
    RefusingWal.refusals = 0
