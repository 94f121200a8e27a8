"""The answer's size against its time: words against what fits when spoken, seconds
against the limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from simulator.engine.insights.text import words

WORDS_PER_MINUTE = 130
"""A comfortable speaking pace, used to turn a time limit into a word budget."""

TOO_SHORT_SHARE = 0.4
"""Below this share of the word budget an answer is "too short"."""

LONG_SHARE = 1.15
"""Above this share of the word budget an answer is "long for the time"."""

LengthVerdict = Literal["empty", "too short", "about right", "long for the time"]
"""How the answer's length compares with what fits in its time when spoken."""


@dataclass(frozen=True)
class Length:
    """The answer's length against its time limit, at about 130 spoken words a minute."""

    words: int
    """Words written."""
    budget: int
    """Words that fit in the time limit when spoken (0 when there is no limit)."""
    speaking_seconds: float
    """Seconds it would take to say the answer aloud."""
    verdict: LengthVerdict
    """Empty, too short (under 40% of the budget), about right, or long (over 115%)."""


def length(text: str, time_limit: float) -> Length:
    """How long the answer is, and whether that fits its time limit when spoken."""
    count = len(words(text))
    budget = round(max(0.0, time_limit) * WORDS_PER_MINUTE / 60)
    verdict: LengthVerdict
    if count == 0:
        verdict = "empty"
    elif budget == 0:
        verdict = "about right"
    elif count < TOO_SHORT_SHARE * budget:
        verdict = "too short"
    elif count > LONG_SHARE * budget:
        verdict = "long for the time"
    else:
        verdict = "about right"
    return Length(count, budget, round(count * 60 / WORDS_PER_MINUTE, 1), verdict)


@dataclass(frozen=True)
class TimeUse:
    """The time taken against the limit."""

    limit: int
    """Seconds allowed."""
    used: float
    """Seconds taken."""
    overtime: float
    """Seconds over the limit (0 when within)."""


def time_use(time_limit: int, time_used: float) -> TimeUse:
    """The time taken against the limit (rounded to milliseconds)."""
    return TimeUse(time_limit, round(time_used, 3), round(max(0.0, time_used - time_limit), 3))
