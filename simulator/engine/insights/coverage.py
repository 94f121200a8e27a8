"""What the answer covers: numbers and measured results, the question's keywords and
talking points, and the words it uses most."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.engine.insights.text import content_words, lower, stem, word_tokens

TOP_WORDS = 8
"""How many most-used words are reported."""

TALKING_POINT_SHARE = 0.5
"""The share of a talking point's content words that must appear for it to look covered."""


# --- numbers -----------------------------------------------------------------------------

# A currency sign before and a per cent sign after belong to the number, so an example
# reads "$3k" and "40%", as the answer had it, not "3k" and "40".
_NUMBER = re.compile(
    r"(?<![\w.$€£¥])(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s*(?:k|m|bn|x|ms|s)\b|\s?%)?"
)
_PERCENT = re.compile(r"\d\s*%|\bper\s?cent\b|\bpercentage points?\b")
_CURRENCY = re.compile(r"[$€£¥]\s*\d|\b\d[\d.,]*\s*(?:dollars|euros|pounds|usd|eur|gbp)\b")
_CHANGE = re.compile(
    r"\b(?:doubled|doubling|tripled|quadrupled|halved|halving|tenfold|twofold|threefold|"
    r"cut\s+(?:\w+\s+){0,3}in\s+half|\d+\s*x\s+(?:faster|slower|more|less|fewer|cheaper))\b"
)
_NUMBER_WORDS_TEXT = (
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion billions dozen dozens"
)
NUMBER_WORDS = frozenset(_NUMBER_WORDS_TEXT.split())
"""Numbers written as words that count as numbers ("one" does not: it is too common)."""


@dataclass(frozen=True)
class Numbers:
    """Numbers and measurable results in the answer."""

    digits: int
    """Numbers written with digits (12, 3.5, 40,000, 2x)."""
    number_words: int
    """Numbers written as words (three, thousand)."""
    percentages: int
    """Percentages (15%, 15 percent)."""
    currency: int
    """Amounts of money ($3k, 200 euros)."""
    changes: int
    """Words for a measured change (doubled, halved, cut in half, 3x faster)."""
    examples: tuple[str, ...]
    """Up to five of them (lower-cased)."""

    @property
    def total(self) -> int:
        """Every number and measured change found."""
        return self.digits + self.number_words + self.changes


def numbers(text: str) -> Numbers:
    """Find numbers, percentages, money and measured changes."""
    lowered = lower(text)
    digit_matches = [match.group().strip() for match in _NUMBER.finditer(lowered)]
    word_matches = [word for word in word_tokens(text) if word in NUMBER_WORDS]
    change_matches = [match.group() for match in _CHANGE.finditer(lowered)]
    percentages = len(_PERCENT.findall(lowered))
    currency = len(_CURRENCY.findall(lowered))
    examples = tuple(dict.fromkeys([*digit_matches, *change_matches, *word_matches]))[:5]
    return Numbers(
        len(digit_matches),
        len(word_matches),
        percentages,
        currency,
        len(change_matches),
        examples,
    )


# --- keywords and talking points -------------------------------------------------------


@dataclass(frozen=True)
class Keywords:
    """The question's keywords that the answer uses (plural and -ing/-ed forms count)."""

    covered: tuple[str, ...]
    """Keywords found, as the question spells them."""
    missing: tuple[str, ...]
    """Keywords not found."""


def _stemmed(text: str) -> list[str]:
    tokens = word_tokens(text)
    stems = {word: stem(word) for word in set(tokens)}
    return [stems[word] for word in tokens]


def keywords(text: str, wanted: Sequence[str]) -> Keywords:
    """Which of ``wanted`` the answer uses, case-insensitively, with simple stemming.

    A keyword of several words must appear as those words in a row ("load balancers"
    covers "load balancer").
    """
    stems = _stemmed(text)
    single = set(stems)
    joined = " " + " ".join(stems) + " "
    covered: list[str] = []
    missing: list[str] = []
    for keyword in dict.fromkeys(wanted):
        parts = _stemmed(keyword)
        if not parts:
            missing.append(keyword)
            continue
        hit = parts[0] in single if len(parts) == 1 else f" {' '.join(parts)} " in joined
        (covered if hit else missing).append(keyword)
    return Keywords(tuple(covered), tuple(missing))


@dataclass(frozen=True)
class TalkingPoint:
    """One talking point and how much of it the answer seems to cover."""

    point: str
    """The talking point, as the pack writes it."""
    share: float
    """The share of its content words that the answer uses (0 to 1)."""
    covered: bool
    """Whether at least half of its content words are there."""


def talking_points(text: str, points: Sequence[str]) -> tuple[TalkingPoint, ...]:
    """For each talking point, the share of its content words present in the answer."""
    present = {stem(word) for word in set(word_tokens(text))}
    results: list[TalkingPoint] = []
    for point in points:
        wanted = {stem(word) for word in content_words(point)}
        if not wanted:
            results.append(TalkingPoint(point, 0.0, False))
            continue
        share = len(wanted & present) / len(wanted)
        results.append(TalkingPoint(point, round(share, 3), share >= TALKING_POINT_SHARE))
    return tuple(results)


def top_words(text: str, limit: int = TOP_WORDS) -> tuple[tuple[str, int], ...]:
    """The most-used content words with their counts, most first, then alphabetical.

    Only words used at least twice are listed: a word used once is not a habit.
    """
    counts = Counter(content_words(text))
    ranked = sorted(
        ((word, count) for word, count in counts.items() if count > 1),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return tuple(ranked[:limit])
