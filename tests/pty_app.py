"""The real app in a pseudo-terminal, for the tests that kill it and start it again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

CTRL_S = "\x13"
CTRL_Q = "\x11"


class Terminal:
    """The app in a pseudo-terminal, its output drained in the background."""

    def __init__(self, home: Path, *args: str) -> None:
        """Start ``mock-interview ARGS...`` (the app's home screen without arguments)."""
        import pty

        self.master, slave = pty.openpty()
        os.set_blocking(self.master, True)
        env = {
            **os.environ,
            "MOCK_INTERVIEW_HOME": str(home),
            "TERM": "xterm-256color",
            "COLUMNS": "100",
            "LINES": "30",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "simulator", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()
        self.lock = threading.Lock()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.output += chunk

    def mark(self) -> int:
        """Where the output is now; :meth:`wait_for` can look only at what comes after."""
        with self.lock:
            return len(self.output)

    def send(self, text: str, pause: float = 0.0) -> None:
        data = text.encode("utf-8")
        while data:  # the pseudo-terminal takes a few kilobytes at a time
            written = os.write(self.master, data[:4096])
            data = data[written:]
        time.sleep(pause)

    def wait_for(self, needle: str, timeout: float = 60.0, since: int = 0) -> None:
        deadline = time.monotonic() + timeout
        wanted = needle.encode()
        while time.monotonic() < deadline:
            with self.lock:
                if wanted in self.output[since:]:
                    return
            if self.process.poll() is not None:
                raise AssertionError(f"the app ended (code {self.process.returncode})")
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared on the screen")

    def start_session(self) -> None:
        """From home: start a session with the highlighted interviewer and reach its first
        question. Enter is tried again while the packs are still loading."""
        self.wait_for("enter starts")
        for _attempt in range(20):
            since = self.mark()
            self.send("\r")
            try:
                self.wait_for("ctrl+s when you are ready", timeout=3, since=since)
                break
            except AssertionError:
                continue
        self.send(CTRL_S, 0.8)  # prep -> greeting
        since = self.mark()
        self.send(CTRL_S)  # greeting -> the first question
        self.wait_for("Question 1", since=since)

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        os.close(self.master)


def journal_rows(home: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(home / "data" / "journal.sqlite3")
    try:
        return list(connection.execute(query))
    finally:
        connection.close()
