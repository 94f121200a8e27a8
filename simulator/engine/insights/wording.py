"""How the answer is worded: filler and hedge words, and "I" against "we"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.engine.insights.text import lower, word_tokens

FILLERS: tuple[str, ...] = (
    "um",
    "umm",
    "uh",
    "uhm",
    "erm",
    "like",
    "you know",
    "i mean",
    "basically",
    "actually",
    "literally",
    "totally",
)
"""Filler words and phrases (``like`` only when used as a filler, see :func:`fillers`)."""

HEDGES: tuple[str, ...] = (
    "i think maybe",
    "sort of",
    "kind of",
    "i guess",
    "i suppose",
    "i feel like",
    "just",
    "probably",
    "maybe",
    "perhaps",
    "somewhat",
    "hopefully",
)
"""Hedge words and phrases that soften what you say."""

_DETERMINER_TEXT = (
    "a an the this that these those what which any every some same each one other another "
    "no all different new"
)
_DETERMINERS = frozenset(_DETERMINER_TEXT.split())
_QUOTATIVE_TEXT = "was were is are i'm he's she's they're"
_QUOTATIVE = frozenset(_QUOTATIVE_TEXT.split())


@dataclass(frozen=True)
class Fillers:
    """Filler and hedge words found in the answer, each counted."""

    fillers: dict[str, int]
    """Filler phrase to how many times it occurs (only those found)."""
    hedges: dict[str, int]
    """Hedge phrase to how many times it occurs (only those found)."""
    filler_total: int
    """All fillers."""
    hedge_total: int
    """All hedges."""
    per_100_words: float
    """Fillers and hedges together per 100 words."""


_Phrase = tuple[tuple[str, ...], str, bool]
"""(words, phrase, whether it is a filler rather than a hedge)."""


def _phrase_index() -> dict[str, tuple[_Phrase, ...]]:
    """Phrases by their first word, longest first, so the longest match wins."""
    index: dict[str, list[_Phrase]] = {}
    for phrases, is_filler in ((FILLERS, True), (HEDGES, False)):
        for phrase in phrases:
            parts = tuple(phrase.split())
            index.setdefault(parts[0], []).append((parts, phrase, is_filler))
    return {
        first: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
        for first, entries in index.items()
    }


_PHRASES = _phrase_index()
_WORD_AND_COMMA = re.compile(r"([a-z0-9]+(?:'[a-z]+)*)(\s*,)?")


def _like_is_filler(tokens: Sequence[str], index: int, commas: set[int]) -> bool:
    """``like`` set off by a comma, or after "was"/"I'm" and friends (quoting: "I was like")."""
    if index in commas or index - 1 in commas:
        return True
    return (
        index > 0
        and tokens[index - 1] in _QUOTATIVE
        and (index + 1 >= len(tokens) or tokens[index + 1] in ("i", "you", "we", "oh", "well"))
    )


def fillers(text: str) -> Fillers:
    """Count filler and hedge phrases, longest first, so "I think maybe" is not also "maybe".

    "Like" counts only as a filler (next to a comma, or quoting as in "I was like, ...");
    "kind of"/"sort of" do not count after a determiner ("what kind of database").
    """
    tokens: list[str] = []
    commas: set[int] = set()  # indexes of tokens followed by a comma
    for match in _WORD_AND_COMMA.finditer(lower(text)):
        tokens.append(match.group(1))
        if match.group(2):
            commas.add(len(tokens) - 1)
    found_fillers: Counter[str] = Counter()
    found_hedges: Counter[str] = Counter()
    index = 0
    count = len(tokens)
    while index < count:
        step = 1
        for parts, phrase, is_filler in _PHRASES.get(tokens[index], ()):
            size = len(parts)
            if size > 1 and tuple(tokens[index : index + size]) != parts:
                continue
            if phrase == "like" and not _like_is_filler(tokens, index, commas):
                continue
            if phrase in ("kind of", "sort of") and index and tokens[index - 1] in _DETERMINERS:
                continue
            (found_fillers if is_filler else found_hedges)[phrase] += 1
            step = size
            break
        index += step
    filler_total = sum(found_fillers.values())
    hedge_total = sum(found_hedges.values())
    per_100 = round(100 * (filler_total + hedge_total) / count, 1) if count else 0.0
    return Fillers(
        dict(sorted(found_fillers.items())),
        dict(sorted(found_hedges.items())),
        filler_total,
        hedge_total,
        per_100,
    )


# --- I and we --------------------------------------------------------------------------

I_WORDS = frozenset(["i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"])
"""Words that speak of yourself."""

WE_WORDS = frozenset(["we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"])
"""Words that speak of a group you were part of."""


@dataclass(frozen=True)
class Pronouns:
    """How often the answer says "I" against "we"."""

    i_count: int
    """Uses of I, me, my and so on."""
    we_count: int
    """Uses of we, us, our and so on."""
    i_share: float | None
    """I-words as a share of both (0 to 1); None when there are neither."""


def pronouns(text: str) -> Pronouns:
    """Count I-words and we-words ("US" in capitals is a country, not "us")."""
    counts = Counter(word_tokens(text))
    i_count = sum(counts[word] for word in I_WORDS)
    we_count = sum(counts[word] for word in WE_WORDS)
    if counts["us"]:
        we_count -= len(re.findall(r"\bUS\b", text))
    total = i_count + we_count
    share = round(i_count / total, 3) if total else None
    return Pronouns(i_count, we_count, share)
