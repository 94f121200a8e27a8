"""Opening the journal's SQLite file safely: checks, backup, settings and migrations.

An existing file is first looked at through a read-only connection, so a file that is
damaged, not a journal, or written by a newer version is refused without a byte of it
changing. Only then is it opened for writing, backed up if its schema is about to change,
and migrated.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from simulator.journal.errors import JournalError
from simulator.journal.migrations import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    migrate,
    newer_version_error,
    user_version,
)

BUSY_TIMEOUT_SECONDS = 5.0
"""How long a write waits for another process's transaction before giving up."""


@dataclass(frozen=True)
class Inspection:
    """What a read-only look at an existing database found."""

    version: int
    """Its ``user_version``."""
    has_tables: bool
    """Whether it holds any schema at all."""


def backup_path(path: Path, version: int) -> Path:
    """Where the copy taken before migrating from ``version`` goes."""
    return path.with_name(f"{path.name}.bak-v{version}")


def _read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return connection


def _damaged(path: Path, detail: object) -> JournalError:
    return JournalError(
        f"{path} is damaged or is not a mock-interview journal ({detail}). Move it aside to "
        "start a new journal, or restore it from a backup (journal.sqlite3.bak-v*)."
    )


def inspect(path: Path) -> Inspection:
    """Check an existing database without writing to it: refuse garbage, damage, other
    programs' databases and newer schemas; take a backup if it is about to be migrated."""
    try:
        connection = _read_only(path)
    except sqlite3.Error as error:
        raise JournalError(f"{path} cannot be opened: {error}") from None
    try:
        try:
            version = user_version(connection)
            application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
            has_tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        except sqlite3.Error as error:
            raise _damaged(path, error) from None
        if version > SCHEMA_VERSION and application_id in (0, APPLICATION_ID):
            raise newer_version_error(path, version)
        if application_id not in (0, APPLICATION_ID) or (version == 0 and has_tables):
            raise JournalError(
                f"{path} is an SQLite database of another program, not a mock-interview "
                "journal; it was left untouched"
            )
        try:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
        except sqlite3.Error as error:
            raise _damaged(path, error) from None
        if problems != ["ok"]:
            raise _damaged(path, "; ".join(str(problem) for problem in problems))
        if has_tables and version < SCHEMA_VERSION:
            _backup(connection, backup_path(path, version))
        return Inspection(version=version, has_tables=has_tables)
    finally:
        connection.close()


def _backup(source: sqlite3.Connection, target: Path) -> None:
    # Written under a temporary name and renamed, so a crash or a second process never
    # leaves half a backup under the real name.
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        copy = sqlite3.connect(temporary)
        try:
            source.backup(copy)
        finally:
            copy.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise JournalError(f"could not back up the journal to {target} ({error})") from None


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the journal at ``path``, checked and migrated.

    The connection is in autocommit mode (``isolation_level=None``: every write uses an
    explicit ``BEGIN IMMEDIATE``), may be used from any thread (the caller serialises use),
    and has WAL, ``synchronous=FULL``, foreign keys and a busy timeout set.
    """
    try:
        exists = path.stat().st_size > 0
    except FileNotFoundError:
        exists = False
    except OSError as error:
        raise JournalError(f"{path} cannot be read: {error}") from None
    if exists:
        inspect(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise JournalError(f"cannot create the folder {path.parent}: {error}") from None
    try:
        connection = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise JournalError(f"{path} cannot be opened: {error}") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        version = user_version(connection)  # again: another process may have migrated it
        if version > SCHEMA_VERSION:
            raise newer_version_error(path, version)
        connection.execute("PRAGMA foreign_keys = ON")
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise JournalError(f"{path}: the journal needs WAL mode, but got {mode}")
        connection.execute("PRAGMA synchronous = FULL")
        migrate(connection, path)
    except JournalError:
        connection.close()
        raise
    except sqlite3.Error as error:
        connection.close()
        raise _damaged(path, error) from None
    return connection
