"""Whether a behavioral answer tells a STAR story: situation, task, action and result,
each found by cue phrases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from simulator.engine.insights.text import WORD, word_tokens

StarPart = Literal["situation", "task", "action", "result"]
"""The four parts of a STAR story."""

STAR_PARTS: tuple[StarPart, ...] = ("situation", "task", "action", "result")
"""The parts in story order."""

STAR_CUES: dict[StarPart, tuple[str, ...]] = {
    "situation": (
        "when i was",
        "when i worked",
        "at my last job",
        "at my previous",
        "in my last role",
        "in my previous role",
        "in my role as",
        "the situation",
        "background",
        "context",
        "at the time",
        "a few years ago",
        "last year",
        "last spring",
        "last summer",
        "last autumn",
        "last fall",
        "last winter",
        "back in",
        "while working",
        "i was working",
        "i worked at",
        "i was a",
        "our team was",
        "we were",
        "there was",
        "the company",
        "the project",
    ),
    "task": (
        "my task",
        "the task",
        "i was responsible",
        "my responsibility",
        "responsible for",
        "my job was",
        "my role was",
        "my part was",
        "i needed to",
        "i had to",
        "we needed to",
        "we had to",
        "the goal was",
        "our goal",
        "my goal",
        "the challenge was",
        "the problem was",
        "i was asked to",
        "i was given",
        "assigned",
        "the deadline",
        "deadline",
    ),
    "action": (
        "i decided",
        "i started",
        "i created",
        "i built",
        "i wrote",
        "i organised",
        "i organized",
        "i led",
        "i set up",
        "i proposed",
        "i suggested",
        "i spoke",
        "i talked",
        "i met",
        "i asked",
        "i reached out",
        "i worked with",
        "i analysed",
        "i analyzed",
        "i implemented",
        "i designed",
        "i changed",
        "i made",
        "i ran",
        "i scheduled",
        "i took",
        "so i",
        "then i",
        "next i",
        "first i",
        "firstly",
    ),
    "result": (
        "as a result",
        "the result",
        "the outcome",
        "in the end",
        "resulted in",
        "which led to",
        "this led to",
        "that led to",
        "ended up",
        "we reduced",
        "we increased",
        "reduced",
        "increased",
        "decreased",
        "improved",
        "saved",
        "grew",
        "cut",
        "finally",
        "ultimately",
        "i learned",
        "i learnt",
        "the lesson",
        "since then",
        "from then on",
        "afterwards",
        "on time",
        "%",
    ),
}
"""Cue phrases that suggest each part of a STAR story is there."""


@dataclass(frozen=True)
class Star:
    """Which parts of a STAR story the answer seems to have, from cue phrases."""

    found: dict[str, tuple[str, ...]]
    """Each part to the cue phrases seen for it (empty when none)."""

    @property
    def present(self) -> tuple[str, ...]:
        """The parts with at least one cue, in story order."""
        return tuple(part for part in STAR_PARTS if self.found.get(part))

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts with no cue, in story order."""
        return tuple(part for part in STAR_PARTS if not self.found.get(part))


_Cue = tuple[tuple[str, ...], str, str]
"""(words, part, cue)."""


def _cue_index() -> tuple[dict[str, tuple[_Cue, ...]], dict[tuple[str, str], tuple[_Cue, ...]]]:
    """Word cues of one word by that word, and longer ones by their first two words."""
    singles: dict[str, list[_Cue]] = {}
    pairs: dict[tuple[str, str], list[_Cue]] = {}
    for part, cues in STAR_CUES.items():
        for cue in cues:
            parts = tuple(WORD.findall(cue))
            if len(parts) == 1:
                singles.setdefault(parts[0], []).append((parts, part, cue))
            elif parts:
                pairs.setdefault((parts[0], parts[1]), []).append((parts, part, cue))
    return (
        {key: tuple(entries) for key, entries in singles.items()},
        {key: tuple(entries) for key, entries in pairs.items()},
    )


_SINGLE_CUES, _PAIR_CUES = _cue_index()
_SYMBOL_CUES = tuple(
    (part, cue) for part, cues in STAR_CUES.items() for cue in cues if not WORD.findall(cue)
)


def star(text: str) -> Star:
    """Look for cue phrases of situation, task, action and result (one pass over the words)."""
    tokens = word_tokens(text)
    seen: set[str] = set()
    for index, token in enumerate(tokens):
        for _, _, cue in _SINGLE_CUES.get(token, ()):
            seen.add(cue)
        if index + 1 < len(tokens):
            for parts, _, cue in _PAIR_CUES.get((token, tokens[index + 1]), ()):
                if len(parts) == 2 or tokens[index : index + len(parts)] == parts:
                    seen.add(cue)
    seen.update(cue for _, cue in _SYMBOL_CUES if cue in text)
    found: dict[str, tuple[str, ...]] = {
        part: tuple(cue for cue in STAR_CUES[part] if cue in seen) for part in STAR_PARTS
    }
    return Star(found)
