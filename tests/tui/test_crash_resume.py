"""The real app under a pseudo-terminal: type, get killed, come back, and find the text."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from pty_app import CTRL_Q, Terminal, journal_rows

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

ANSWER = "My proudest moment: naïve café ✓ — we cut build times by 40% in 3 weeks."


def test_killed_mid_answer_resumes_with_text_intact(home: Path) -> None:
    first = Terminal(home)
    try:
        first.start_session()
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
    snapshot = json.loads(str(state[0]))
    current = next(a for a in snapshot["answers"] if a["id"] == snapshot["current_answer_id"])
    assert current["text"] == ANSWER
