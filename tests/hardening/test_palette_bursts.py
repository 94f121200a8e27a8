"""The command palette under keys that arrive together with ctrl+p: the real app in a pty.

A terminal delivers ctrl+p and the next key in one read when they are typed fast (or sent
by a macro). Each burst below is one write: ctrl+p and one of pagedown, down, enter,
escape, tab or a letter, twenty times each. The app must never stop or show its error
screen, and must still quit cleanly afterwards.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from pty_app import CTRL_Q, Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

CTRL_P = "\x10"
ESCAPE = "\x1b"
FOLLOWING = {
    "pagedown": "\x1b[6~",
    "down": "\x1b[B",
    "enter": "\r",
    "escape": ESCAPE,
    "tab": "\t",
    "letter": "s",
}


def test_ctrl_p_followed_at_once_by_any_key_never_crashes(home: Path) -> None:
    terminal = Terminal(home)
    try:
        terminal.wait_for("enter starts")
        time.sleep(0.5)
        for name, key in FOLLOWING.items():
            for _ in range(20):
                terminal.send(CTRL_P + key, 0.05)
                terminal.send(ESCAPE, 0.05)  # close the palette (or leave what it opened)
                assert terminal.process.poll() is None, f"the app stopped after ctrl+p {name}"
        time.sleep(0.5)
        screen = terminal.output.decode("utf-8", "replace")
        assert "unexpected error" not in screen
        assert "Something went wrong" not in screen
        assert not (home / "data" / "logs" / "errors.log").exists()
        for _ in range(4):  # back out of whatever the palette's commands opened
            terminal.send(ESCAPE, 0.2)
        terminal.send(CTRL_Q)
        terminal.send("\r", 0.5)  # a leave-the-session question, if one is open
        assert terminal.process.wait(30) == 0
    finally:
        terminal.close()
