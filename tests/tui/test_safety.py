"""What the app refuses and how it tells of a crash (simulator.tui.safety)."""

from __future__ import annotations

from pathlib import Path

from simulator.tui.keys import KEYS, _at
from simulator.tui.safety import REFUSED_ACTIONS, stopped_note


def test_the_note_after_a_crash_says_how_to_resume_and_where_the_details_are() -> None:
    note = stopped_note("ValueError: bad", Path("/logs/errors.log"))
    assert "(ValueError: bad)" in note
    assert "press r to resume" in note
    assert note.endswith("The details are in /logs/errors.log.")
    assert stopped_note("ValueError: bad", None).endswith("resume. ")


def test_screenshots_and_screen_juggling_are_refused() -> None:
    assert {"screenshot", "push_screen", "simulate_key"} <= REFUSED_ACTIONS


def test_a_place_s_keys_become_table_rows_in_order() -> None:
    rows = _at(
        "Home", ("r", "Resume", "resume"), ("h", "History", "history"), ("1-2", "Two", "a b")
    )
    assert [(row.key, row.where, row.what, row.ids) for row in rows] == [
        ("r", "Home", "Resume", ("resume",)),
        ("h", "Home", "History", ("history",)),
        ("1-2", "Home", "Two", ("a", "b")),
    ]
    assert len({(row.key, row.where) for row in KEYS}) == len(KEYS)
