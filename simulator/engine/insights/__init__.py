"""Offline answer insights: plain counts that say only what they saw, never a verdict on you.

Each insight is a small pure function with a small frozen dataclass as its result, kept
by kind: :mod:`.budget` (length and time), :mod:`.wording` (fillers, hedges, I and we),
:mod:`.coverage` (numbers, keywords, talking points, most-used words) and
:mod:`.star_story` (STAR parts), all counting the words of :mod:`.text`.
:func:`analyse` (in :mod:`.bundle`) bundles them for one answer and
:meth:`Insights.to_json` turns the bundle into the JSON-compatible dict the snapshot
stores. Everything is linear in the answer's length, so a very long answer stays fast.
"""

from simulator.engine.insights.budget import Length, TimeUse, length
from simulator.engine.insights.bundle import Insights, analyse
from simulator.engine.insights.coverage import (
    Keywords,
    Numbers,
    TalkingPoint,
    keywords,
    numbers,
    talking_points,
    top_words,
)
from simulator.engine.insights.star_story import STAR_PARTS, Star, star
from simulator.engine.insights.text import stem
from simulator.engine.insights.wording import Fillers, Pronouns, fillers, pronouns

__all__ = [
    "STAR_PARTS",
    "Fillers",
    "Insights",
    "Keywords",
    "Length",
    "Numbers",
    "Pronouns",
    "Star",
    "TalkingPoint",
    "TimeUse",
    "analyse",
    "fillers",
    "keywords",
    "length",
    "numbers",
    "pronouns",
    "star",
    "stem",
    "talking_points",
    "top_words",
]
