"""Keys typed together are applied in the order they were typed: the real app in a pty.

A terminal delivers a paste followed by ctrl+s, or a fast typist's keys, in one read. Each
burst below is one write to the pseudo-terminal: the text of an answer (or of the prep
notes, or of a real-interview log) and the key that submits it. Every text must be saved
exactly, and none of it may land in the next answer.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from pty_app import CTRL_Q, CTRL_S, Terminal, journal_rows

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

TAB = "\t"
ESCAPE = "\x1b"
DOWN = "\x1b[B"


def answer_text(number: int) -> str:
    """An answer long enough that a submit overtaking it would cut it short."""
    return (
        f"Answer number {number}: we cut the build from 40 to 9 minutes by caching "
        f"dependencies and splitting the slow tests; END-{number}"
    )


def test_five_answers_each_followed_by_ctrl_s_in_one_write_are_saved_whole(home: Path) -> None:
    terminal = Terminal(home, "practice", "--persona", "friendly-recruiter", "--questions", "6")
    try:
        terminal.wait_for("ctrl+s when you are ready")
        notes = "Prep notes: research the team, bring the migration story, ask about on-call."
        since = terminal.mark()
        terminal.send(notes + CTRL_S)  # typed notes and the key to go on, in one write
        terminal.wait_for("ctrl+s to continue", since=since)
        since = terminal.mark()
        terminal.send(CTRL_S)
        terminal.wait_for("ctrl+s submits", since=since)
        terminal.send("".join(answer_text(number) + CTRL_S for number in range(1, 6)))
        terminal.send(CTRL_Q)  # quitting saves everything, after the keys before it
        assert terminal.process.wait(60) == 0
    finally:
        terminal.close()

    answers = [
        str(text)
        for (text,) in journal_rows(
            home, "SELECT text FROM answers WHERE text != '' ORDER BY position"
        )
    ]
    assert answers == [answer_text(number) for number in range(1, 6)]
    (snapshot,) = journal_rows(home, "SELECT snapshot FROM sessions")
    assert json.loads(str(snapshot[0]))["prep_notes"] == notes


def test_a_real_interview_log_typed_with_ctrl_s_in_one_write_is_saved_whole(home: Path) -> None:
    terminal = Terminal(home)
    try:
        terminal.wait_for("enter starts")
        for _attempt in range(20):  # the journal may still be opening
            since = terminal.mark()
            terminal.send("l")
            try:
                terminal.wait_for("Real interviews", timeout=3, since=since)
                break
            except AssertionError:
                continue
        since = terminal.mark()
        terminal.send("n")
        terminal.wait_for("Log a real interview", since=since)
        company, role = "Acme Widgets and Sons Ltd", "Staff data engineer, payments platform"
        since = terminal.mark()
        terminal.send(company + TAB + role + CTRL_S)
        terminal.wait_for("Saved", since=since)
        terminal.send(ESCAPE + CTRL_Q)
        assert terminal.process.wait(60) == 0
    finally:
        terminal.close()

    assert journal_rows(home, "SELECT company, role FROM real_interviews") == [(company, role)]


def test_space_down_in_one_write_ticks_each_highlighted_checklist_item(home: Path) -> None:
    terminal = Terminal(home, "practice", "--persona", "career-coach")
    try:
        terminal.wait_for("ctrl+s when you are ready")
        since = terminal.mark()
        terminal.send(CTRL_S)
        terminal.wait_for("ctrl+s to continue", since=since)
        since = terminal.mark()
        terminal.send(CTRL_S)
        terminal.wait_for("ctrl+s submits", since=since)
        terminal.send(TAB, 0.5)  # from the answer to the drill's checklist
        terminal.send(" " + DOWN + " " + DOWN + DOWN + " ")  # tick 1, 2 and 4, in one write
        terminal.send(CTRL_Q)
        assert terminal.process.wait(60) == 0
    finally:
        terminal.close()
    (snapshot,) = journal_rows(home, "SELECT snapshot FROM sessions")
    (answer,) = json.loads(str(snapshot[0]))["answers"]
    ticked = list(answer["checklist"].values())
    expected = [False] * len(ticked)
    for position in (0, 1, min(3, len(ticked) - 1)):  # down stops at the last item
        expected[position] = not expected[position]
    assert ticked == expected
