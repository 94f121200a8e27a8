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
import tempfile
import time
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

WAL_RETRY_SECONDS = 0.02
"""How long to wait before asking again for WAL mode when another process holds it up."""


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


def _timeout(busy_timeout: float | None) -> float:
    return BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout


def _read_only(path: Path, busy_timeout: float | None = None) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    timeout = _timeout(busy_timeout)
    connection = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return connection


def _damaged(path: Path, detail: object) -> JournalError:
    return JournalError(
        f"{path} is damaged or is not a mock-interview journal ({detail}). Move it aside to "
        "start a new journal, or restore it from a backup (journal.sqlite3.bak-v*)."
    )


# SQLite's primary result codes that say something other than "this file is damaged".
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 13, 14


def _unwritable(path: Path) -> str:
    """Why the journal's folder or files cannot be written, or "" when they can."""
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as error:
        return f"its folder {path.parent} cannot be written to ({error.strerror})"
    for target in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            handle = os.open(target, os.O_RDWR)
        except FileNotFoundError:
            continue
        except OSError as error:
            return f"{target.name} is read-only ({error.strerror})"
        os.close(handle)
    return ""


def _code(error: sqlite3.Error) -> int:
    """SQLite's primary result code for an error (0 when unknown)."""
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def plain_cause(error: sqlite3.Error, busy_timeout: float | None = None) -> str:
    """What an SQLite error met while reading or writing the journal means, in plain words
    (for messages such as "the journal could not be saved: ...")."""
    code = _code(error)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return (
            "the journal is busy: another program (perhaps a second mock-interview) has been "
            f"writing to it for more than {_timeout(busy_timeout):g} s ({error})"
        )
    if code == _SQLITE_FULL:
        return f"the disk is full ({error}); free some space"
    if code in (_SQLITE_READONLY, _SQLITE_PERM):
        return f"the journal is read-only ({error})"
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return f"the disk could not be read or written ({error})"
    return str(error)


def failure(path: Path, error: sqlite3.Error, busy_timeout: float | None = None) -> JournalError:
    """A plain message for an SQLite error met while opening the journal, by its cause.

    A journal that is busy, read-only or on a full disk is not damaged, and must never be
    called so: the advice for a damaged one is to move it aside.
    """
    code = _code(error)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return JournalError(
            f"{path} is busy: another program (perhaps a second mock-interview) has been "
            f"writing to it for more than {_timeout(busy_timeout):g} s ({error}). Nothing was "
            "changed; close the other program or try again in a moment."
        )
    if code == _SQLITE_FULL:
        return JournalError(
            f"{path} cannot be written: the disk is full ({error}). Free some space, then "
            "start again; nothing was changed."
        )
    if code in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_IOERR):
        why = _unwritable(path)
        if why:
            return JournalError(
                f"{path} cannot be opened for writing: {why}. Make it writable, or set "
                "MOCK_INTERVIEW_HOME to a folder that is; nothing was changed."
            )
        return JournalError(f"{path} cannot be opened: {error}")
    return _damaged(path, error)


def inspect(path: Path, busy_timeout: float | None = None) -> Inspection:
    """Check an existing database without writing to it: refuse garbage, damage, other
    programs' databases and newer schemas; take a backup if it is about to be migrated."""
    try:
        connection = _read_only(path, busy_timeout)
    except sqlite3.Error as error:
        raise JournalError(f"{path} cannot be opened: {error}") from None
    try:
        try:
            # One read transaction, so all three come from the same moment: a second
            # process creating the journal commits its tables and its version together,
            # and read apart they could show the tables without the version ("a database
            # of another program").
            connection.execute("BEGIN")
            version = user_version(connection)
            application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
            has_tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            raise failure(path, error, busy_timeout) from None
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
            raise failure(path, error, busy_timeout) from None
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


def _use_wal(connection: sqlite3.Connection, timeout: float) -> str:
    """Switch the journal to WAL (it stays so once any process has) and return the mode.

    Processes that create the journal at the same moment each hold a read lock when they
    ask for the switch; SQLite refuses one at once instead of letting both wait for ever,
    and a moment later the other has made the switch, so the refused one asks again.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            return str(connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as error:
            if _code(error) not in (_SQLITE_BUSY, _SQLITE_LOCKED) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def connect(path: Path, busy_timeout: float | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the journal at ``path``, checked and migrated.

    The connection is in autocommit mode (``isolation_level=None``: every write uses an
    explicit ``BEGIN IMMEDIATE``), may be used from any thread (the caller serialises use),
    and has WAL, ``synchronous=FULL``, foreign keys and a busy timeout set: how long a write
    waits for another process's transaction, :data:`BUSY_TIMEOUT_SECONDS` unless given.
    """
    timeout = _timeout(busy_timeout)
    try:
        exists = path.stat().st_size > 0
    except FileNotFoundError:
        exists = False
    except OSError as error:
        raise JournalError(f"{path} cannot be read: {error}") from None
    if exists:
        inspect(path, timeout)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise JournalError(f"cannot create the folder {path.parent}: {error}") from None
    try:
        connection = sqlite3.connect(
            path,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise JournalError(f"{path} cannot be opened: {error}") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        version = user_version(connection)  # again: another process may have migrated it
        if version > SCHEMA_VERSION:
            raise newer_version_error(path, version)
        connection.execute("PRAGMA foreign_keys = ON")
        mode = _use_wal(connection, timeout)
        if mode != "wal":
            raise JournalError(f"{path}: the journal needs WAL mode, but got {mode}")
        connection.execute("PRAGMA synchronous = FULL")
        # Copy every commit into the database file at once (a passive checkpoint, which
        # never waits for anyone), so the write-ahead log never holds the only copy of a
        # session: if it is deleted, after a crash or while open, nothing committed is lost.
        connection.execute("PRAGMA wal_autocheckpoint = 1")
        migrate(connection, path)
    except JournalError:
        connection.close()
        raise
    except sqlite3.Error as error:
        connection.close()
        raise failure(path, error, timeout) from None
    return connection
