"""The real app under a pseudo-terminal: type, get killed, come back, and find the text."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

CTRL_S = "\x13"
CTRL_Q = "\x11"
ANSWER = "My proudest moment: naïve café ✓ — we cut build times by 40% in 3 weeks."


class Terminal:
    """The app running in a pseudo-terminal, with its output drained in the background."""

    def __init__(self, home: Path) -> None:
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
            [sys.executable, "-m", "simulator"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def send(self, text: str, pause: float = 0.8) -> None:
        os.write(self.master, text.encode())
        time.sleep(pause)

    def wait_for(self, needle: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle.encode() in self.output:
                return
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} never appeared on the screen")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        os.close(self.master)


def journal_rows(home: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(home / "data" / "journal.sqlite3") as connection:
        return list(connection.execute(query))


def test_killed_mid_answer_resumes_with_text_intact(home: Path) -> None:
    first = Terminal(home)
    try:
        first.wait_for("enter starts")
        time.sleep(1.0)  # the journal opens just after the packs load
        first.send("\r", 1.5)  # start a session with the highlighted interviewer
        first.wait_for("ctrl+s when you are ready")
        first.send(CTRL_S)  # prep -> greeting
        first.send(CTRL_S)  # greeting -> first question
        first.wait_for("Question 1")
        first.send(ANSWER, 0)
        time.sleep(1.5)
        os.killpg(first.process.pid, signal.SIGKILL)
    finally:
        first.close()

    drafts = journal_rows(home, "SELECT slot, text FROM drafts")
    assert any(slot.startswith("answer:") and text == ANSWER for slot, text in drafts)  # type: ignore[union-attr]

    second = Terminal(home)
    try:
        second.wait_for("Press r to resume")
        second.send("r", 1.5)
        second.wait_for("Question 1")
        second.send(CTRL_Q, 0)
        assert second.process.wait(15) == 0
    finally:
        second.close()
    (state,) = journal_rows(home, "SELECT snapshot FROM sessions")
    import json

    snapshot = json.loads(str(state[0]))
    current = next(a for a in snapshot["answers"] if a["id"] == snapshot["current_answer_id"])
    assert current["text"] == ANSWER
