"""The insight rows under an answer in self-scoring (simulator/tui/widgets/insight_rows.py)."""

from __future__ import annotations

from simulator.engine.insights.bundle import analyse
from simulator.tui.widgets.insight_rows import number_rows


def shown(text: str) -> list[tuple[str, str]]:
    """The number rows for an answer, as plain text."""
    insights = analyse(text, None, "behavioral", 120, 60.0)
    return [(label, value.plain) for label, value in number_rows(insights)]


def test_numbers_give_their_count_then_the_examples_in_brackets() -> None:
    assert shown("We cut costs by 40% and saved $3k a month.") == [("Numbers", "2 (40%, $3k)")]


def test_one_number_does_not_read_as_two_counts() -> None:
    """It read "Numbers 1  1" for an answer that had the digit 1 in it."""
    assert shown("I shipped it in 1 week.") == [("Numbers", "1 (1)")]


def test_no_numbers_says_none() -> None:
    assert shown("We talked it through.") == [("Numbers", "none")]
