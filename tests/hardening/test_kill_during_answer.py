"""A 100 KB answer survives kill -9: the real app under a pseudo-terminal.

The answer mixes scripts, emoji (with joiners, skin tones and flags) and combining marks.
It reaches the app the way a terminal delivers it: pasted in chunks (bracketed paste), and
the last part typed key by key. 1.5 s after the last key has reached the screen the app is
killed with SIGKILL; started again, it offers to resume, and the answer comes back byte for
byte: in the journal's drafts before the restart, and in the saved session after it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from pty_app import CTRL_Q, Terminal, journal_rows

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
PARAGRAPH = (
    "Situation: our café's build took 40 min — naïve caching, "
    "Ελληνικά, Русский, 中文字符, 日本語のテキスト, 한국어, العربية, עברית, हिन्दी, ภาษาไทย. "
    "Emoji: 👩\u200d💻 👨\u200d👩\u200d👧\u200d👦 👍🏽 🇳🇴 🇯🇵 ❤\ufe0f. "
    "Combining: e\u0301 a\u0308 n\u0303 Z\u0324\u0308a\u0310\u0327 q\u0323\u0307.\n"
)
TYPED_TAIL = "Result: 3× faster, ✓ ¡olé! END-OF-ANSWER-7F3A"


def long_answer(size: int = 100_000) -> str:
    """A mixed-script answer of at least ``size`` UTF-8 bytes, each line numbered."""
    lines: list[str] = []
    total = 0
    while total < size:
        line = f"{len(lines) + 1:04d} {PARAGRAPH}"
        lines.append(line)
        total += len(line.encode("utf-8"))
    return "".join(lines)


PASTED = long_answer()
ANSWER = PASTED + TYPED_TAIL


def test_a_100_kb_unicode_answer_survives_kill_9_byte_for_byte(home: Path) -> None:
    assert len(ANSWER.encode("utf-8")) >= 100_000
    first = Terminal(home)
    try:
        first.start_session()
        time.sleep(0.5)
        chunk = 10_000
        for start in range(0, len(PASTED), chunk):  # pasted, a chunk at a time
            first.send(PASTE_START + PASTED[start : start + chunk] + PASTE_END, 0.05)
        since = first.mark()
        for start in range(0, len(TYPED_TAIL), 8):  # then typed, a few keys at a time
            first.send(TYPED_TAIL[start : start + 8], 0.02)
        first.wait_for("END-OF-ANSWER-7F3A", timeout=60, since=since)  # the last key is in
        time.sleep(1.5)
        os.killpg(first.process.pid, signal.SIGKILL)
        assert first.process.wait(10) == -signal.SIGKILL
    finally:
        first.close()

    drafts = [
        str(text)
        for slot, text in journal_rows(home, "SELECT slot, text FROM drafts")
        if str(slot).startswith("answer:")
    ]
    assert len(drafts) == 1
    assert drafts[0].encode("utf-8") == ANSWER.encode("utf-8")

    second = Terminal(home)
    try:
        second.wait_for("Press r to resume")
        second.send("r")
        second.wait_for("Question 1")
        second.wait_for("END-OF-ANSWER-7F3A")  # the editor shows the end of the answer
        time.sleep(0.5)
        second.send(CTRL_Q)
        assert second.process.wait(30) == 0
    finally:
        second.close()
    (row,) = journal_rows(home, "SELECT snapshot FROM sessions")
    snapshot = json.loads(str(row[0]))
    current = next(a for a in snapshot["answers"] if a["id"] == snapshot["current_answer_id"])
    assert current["text"].encode("utf-8") == ANSWER.encode("utf-8")


STEADY = "We moved the import to a queue. STEADY-END"
"""About 7 s of typing at the pace below: over ten times the autosave's deadline."""


def test_steady_typing_at_human_pace_is_kept_up_to_a_second_before_kill_9(home: Path) -> None:
    # One key every 100-250 ms for about 7 s never leaves a pause a pause-only autosave
    # would notice: before the deadline rule, all of it was lost.
    pace = random.Random(12)
    terminal = Terminal(home)
    sent: list[float] = []
    try:
        terminal.start_session()
        time.sleep(0.5)
        for char in STEADY:
            terminal.send(char)
            sent.append(time.monotonic())
            time.sleep(pace.uniform(0.1, 0.25))
        time.sleep(max(0.0, sent[-1] + 0.3 - time.monotonic()))
        killed = time.monotonic()
        os.killpg(terminal.process.pid, signal.SIGKILL)
        assert terminal.process.wait(10) == -signal.SIGKILL
    finally:
        terminal.close()
    assert sent[-1] - sent[0] >= 5
    kept_by = sum(1 for at in sent if at <= killed - 1.2)

    second = Terminal(home)
    try:
        second.wait_for("Press r to resume")
        second.send("r")
        second.wait_for("Question 1")
        time.sleep(0.5)
        second.send(CTRL_Q)
        assert second.process.wait(30) == 0
    finally:
        second.close()
    (row,) = journal_rows(home, "SELECT snapshot FROM sessions")
    snapshot = json.loads(str(row[0]))
    current = next(a for a in snapshot["answers"] if a["id"] == snapshot["current_answer_id"])
    assert STEADY.startswith(current["text"])
    assert len(current["text"]) >= kept_by, (current["text"], STEADY[:kept_by])
