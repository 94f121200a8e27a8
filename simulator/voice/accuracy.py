"""How often a recogniser mishears: the word error rate against what was really said.

Used by the tests and the benchmark on the committed recordings, and ready for comparing a
later engine with pocketsphinx the same way.
"""

from __future__ import annotations

import re

from simulator.engine.insights.delivery import VOCAL_FILLERS

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def words_of(text: str) -> list[str]:
    """The words of a text as a recogniser writes them: lower case, punctuation gone,
    filler sounds (um, uh ...) left out, since whether one is heard is measured apart."""
    return [word for word in _WORD.findall(text.lower()) if word not in VOCAL_FILLERS]


def edit_distance(reference: list[str], heard: list[str]) -> int:
    """Words substituted, dropped or added to turn ``reference`` into ``heard``."""
    row = list(range(len(heard) + 1))
    for index, word in enumerate(reference, start=1):
        diagonal, row[0] = row[0], index
        for column, other in enumerate(heard, start=1):
            above = row[column]
            row[column] = min(above + 1, row[column - 1] + 1, diagonal + (word != other))
            diagonal = above
    return row[-1]


def word_error_rate(reference: str, heard: str) -> float:
    """Word errors per word of the reference (0 is perfect; it can exceed 1)."""
    expected = words_of(reference)
    if not expected:
        return 0.0 if not words_of(heard) else 1.0
    return edit_distance(expected, words_of(heard)) / len(expected)
