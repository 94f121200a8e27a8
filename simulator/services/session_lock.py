"""A lock file per open session, so two windows of mock-interview never share one."""

from __future__ import annotations

import logging
import os

from simulator.common import locations
from simulator.journal import JournalError

log = logging.getLogger(__name__)


def process_start_time(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), where the system says
    (Linux's /proc); None elsewhere or when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rpartition(")")[2].split()
        with open("/proc/stat", encoding="ascii", errors="replace") as system:
            boot = next(float(line.split()[1]) for line in system if line.startswith("btime "))
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


class SessionLock:
    """A lock file saying which process has a session open, so two windows never share one.

    The file holds the process id and the time that process started. A lock is stale, and
    taken over, when its process no longer runs, or when a process with that id runs but
    started at another time: the id was reused after a crash or kill. (A lock of an older
    version, with the id alone, is stale when that process started after the lock was
    written.)
    """

    def __init__(self, session_id: str) -> None:
        self.path = locations.data_dir() / "locks" / f"{session_id}.lock"
        self.held = False

    @staticmethod
    def _alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def _held_by_another(self) -> bool:
        try:
            text = self.path.read_text(encoding="ascii")
            written = self.path.stat().st_mtime
            parts = text.split()
            owner = int(parts[0]) if parts else 0
            recorded = float(parts[1]) if len(parts) > 1 else None
        except (OSError, ValueError, UnicodeDecodeError):
            return False
        if not owner or owner == os.getpid() or not self._alive(owner):
            return False
        started = process_start_time(owner)
        if started is None:
            return True  # only the id to go by: assume it is that window
        if recorded is not None:
            return abs(started - recorded) < 1.0
        return started <= written + 1.0

    def acquire(self) -> None:
        """Take the lock; raises :class:`JournalError` if another running window holds it."""
        if self._held_by_another():
            raise JournalError(
                "this session is open in another mock-interview window; finish it there, "
                "or close that window first"
            )
        started = process_start_time(os.getpid())
        mark = str(os.getpid()) if started is None else f"{os.getpid()} {started:.2f}"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(mark, encoding="ascii")
            self.held = True
        except OSError as error:  # no lock is better than no practice
            log.warning("could not write session lock %s: %s", self.path, error)

    def release(self) -> None:
        """Give the lock up (only if this process holds it)."""
        if not self.held:
            return
        self.held = False
        try:
            parts = self.path.read_text(encoding="ascii").split()
            if parts and parts[0] == str(os.getpid()):
                self.path.unlink()
        except OSError:
            pass
