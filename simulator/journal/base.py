"""The journal's connection: opening and closing it, and its read and write transactions.

One SQLite connection, guarded by a lock so any thread may call any method (the TUI calls
from thread workers). Every write is one short ``BEGIN IMMEDIATE`` transaction, committed
before the method returns. :class:`~simulator.journal.store.Journal` builds every read and
write on this.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from simulator.common import locations
from simulator.common.closing import ClosedOnExit
from simulator.journal.database import connect, plain_cause
from simulator.journal.errors import JournalError

Clock = Callable[[], float]
"""Seconds since the epoch; injectable for tests."""


class JournalBase(ClosedOnExit):
    """An open journal database with its lock and clock (use :meth:`open`)."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock = time.time):
        """Wrap an open, migrated connection (use :meth:`open`)."""
        self._connection: sqlite3.Connection | None = connection
        self._lock = threading.RLock()
        self._clock = clock
        self.path = path
        """The database file."""

    @classmethod
    def open(cls, path: Path | None = None, *, clock: Clock = time.time) -> Self:
        """Open the journal at ``path`` (default: :func:`locations.journal_file`), creating
        its folder and file if needed, checking and migrating it."""
        target = locations.journal_file() if path is None else Path(path)
        return cls(connect(target), target, clock)

    def close(self) -> None:
        """Close the database; further calls raise JournalError."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _now(self) -> float:
        """Now, on the journal's clock."""
        return self._clock()

    def _open_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise JournalError("the journal is closed")
        return self._connection

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._open_connection()
            try:
                yield connection
            except sqlite3.Error as error:
                raise JournalError(
                    f"the journal could not be read: {plain_cause(error)}"
                ) from None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._open_connection()
            try:
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                raise JournalError(
                    f"the journal could not be saved: {plain_cause(error)}"
                ) from None
