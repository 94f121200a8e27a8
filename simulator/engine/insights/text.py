"""The words of an answer as the insights count them: tokens, simple stems, stop words."""

from __future__ import annotations

import functools
import re

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*")
"""A word: letters and digits, with an apostrophe inside (``don't``)."""

_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each else
    even ever every few for from further get got had has have having he her here hers herself
    him himself his how i i'd i'll i'm i've if in into is it it's its itself just let me more
    most much my myself no nor not now of off on once one only or other our ours ourselves out
    over own really same she should so some such than that that's the their theirs them
    themselves then there there's these they they're this those through to too under until up
    upon us very was we we'd we'll we're we've were what when where which while who whom why
    will with would you you'd you'll you're you've your yours yourself yourselves um uh erm
    like basically actually literally maybe probably guess think thing things lot lots way
    well yes yeah okay ok said say says going go went make made many still though through
    something anything everything someone anyone s t don't didn't doesn't isn't wasn't can't
    couldn't won't wouldn't shouldn't
"""

STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Common words left out of the most-used words and of talking-point matching."""


def lower(text: str) -> str:
    """Lower-cased, with curly apostrophes made straight."""
    return text.lower().replace("’", "'")


@functools.lru_cache(maxsize=4)
def word_tokens(text: str) -> tuple[str, ...]:
    """The words of ``text``, cached because :func:`~simulator.engine.insights.analyse`
    asks for them several times."""
    return tuple(WORD.findall(lower(text)))


def words(text: str) -> list[str]:
    """The text's words, lower-cased, apostrophes kept inside words (``don't``)."""
    return list(word_tokens(text))


def stem(word: str) -> str:
    """A very small stemmer, enough to match plurals and -ing/-ed forms of a keyword.

    ``stories`` and ``story`` give ``story``; ``caching``, ``caches`` and ``cache`` give
    ``cach``; ``planned`` and ``plan`` give ``plan``; ``processes`` gives ``process``.
    """
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and not w.endswith("ss") and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """The text's words without stop words, numbers or one-letter words."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1 and not w.isdigit()]
