"""From the decoder's segments to words, with hesitations (um, uh) found among its noises.

pocketsphinx's language model rates "um" and "uh" as rare, so it hardly ever writes them:
a hesitation comes out as ``[SPEECH]`` (a voiced sound that is no word), as one of the
filler words added to its noise dictionary (:data:`NOISE_ENTRIES`), or as a real word
that sounds alike ("a" for "uh", "i'm" for "um"), which cannot be told apart. The first
two are taken for a filler only when they look like one: long enough to be a syllable,
short enough not to be mumbling, and set off by silence on one side (a hesitation
stands apart; the tail of a word runs straight on from it). Such fillers are marked
``guessed``: the delivery measures say they are a guess.

Measured on synthetic speech (docs/architecture.md, "How fillers are counted").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from simulator.engine.insights.delivery import VOCAL_FILLERS, TimedWord

SOUNDS = {"[SPEECH]": "um", "++UM++": "um", "++UH++": "uh"}
"""Decoder words for a voiced sound that is no word, and the filler each is written as."""
NOISE_ENTRIES = ("++UM++ AH M", "++UH++ AH")
"""Lines added to the model's noise dictionary, so the decoder can hear um and uh without
its language model; "er" (ER) is left out: it matched the end of "her" or "answer" in
clean sentences far more often than a spoken "er"."""
QUIET = frozenset(["<s>", "</s>", "<sil>"])
"""Decoder words for silence (the start and end of an utterance too)."""
SHORTEST = 0.12
"""Seconds: a shorter sound is the edge of a word, not a filler."""
LONGEST = 1.2
"""Seconds: a longer sound is mumbling, not one filler."""
JOINED = 0.05
"""Seconds: sounds closer than this are one sound the decoder split in two."""


@dataclass(frozen=True)
class Segment:
    """One word of the decoder's best path, as it spells it, with its time in seconds."""

    word: str
    """Such as ``well``, ``every(2)``, ``<sil>``, ``[SPEECH]`` or ``++UM++``."""
    start: float
    """Seconds from the start of the recording."""
    end: float
    """Seconds from the start of the recording."""


def _spelt(word: str) -> str:
    """A dictionary word without its pronunciation number: ``every(2)`` is ``every``."""
    if word.endswith(")") and "(" in word:
        return word[: word.rindex("(")]
    return word


def _kind(word: str) -> str:
    """``quiet``, ``sound`` (a hesitation, maybe), ``filler`` (um or uh as a word),
    ``noise`` (other markers) or ``word``."""
    if word in QUIET:
        return "quiet"
    if word in SOUNDS:
        return "sound"
    if not word or word[0] in "<[+":
        return "noise"
    return "filler" if _spelt(word).lower() in VOCAL_FILLERS else "word"


def _joined(segments: Iterable[Segment]) -> list[tuple[str, Segment]]:
    """Each segment with its kind, noises left out and a sound split in two made one."""
    kept: list[tuple[str, Segment]] = []
    for segment in segments:
        kind = _kind(segment.word)
        if kind == "noise":
            continue
        if kind == "sound" and kept and kept[-1][0] == "sound":
            last = kept[-1][1]
            if segment.start - last.end < JOINED:
                kept[-1] = (kind, Segment(last.word, last.start, segment.end))
                continue
        kept.append((kind, segment))
    return kept


def _stands_apart(kinds: Sequence[str], words: Sequence[str], index: int) -> bool:
    """Whether the sound at ``index`` has a silence inside the utterance next to it, or
    is the whole utterance."""
    before = words[index - 1] if index else "<s>"
    after = words[index + 1] if index + 1 < len(words) else "</s>"
    if "<sil>" in (before, after):
        return True
    quiet_before = index == 0 or kinds[index - 1] == "quiet"
    quiet_after = index + 1 == len(kinds) or kinds[index + 1] == "quiet"
    return quiet_before and quiet_after


def heard_words(segments: Iterable[Segment]) -> list[TimedWord]:
    """The words of one utterance's segments: silences and noises left out, and the
    sounds and filler words that look like a hesitation kept as fillers (sounds marked
    ``guessed``)."""
    kept = _joined(segments)
    kinds = [kind for kind, _ in kept]
    words = [segment.word for _, segment in kept]
    found: list[TimedWord] = []
    for index, (kind, segment) in enumerate(kept):
        if kind == "quiet":
            continue
        start, end = round(segment.start, 2), round(segment.end, 2)
        if kind == "word":
            found.append(TimedWord(_spelt(segment.word).lower(), start, end))
            continue
        if not SHORTEST <= segment.end - segment.start <= LONGEST:
            continue
        if not _stands_apart(kinds, words, index):
            continue
        if kind == "sound":
            found.append(TimedWord(SOUNDS[segment.word], start, end, guessed=True))
        else:
            found.append(TimedWord(_spelt(segment.word).lower(), start, end))
    return found


def noise_dictionary(model: str) -> str:
    """The model's noise dictionary (its text) with :data:`NOISE_ENTRIES` added."""
    lines = [line for line in model.splitlines() if line.strip()]
    present = {line.split()[0] for line in lines}
    lines.extend(entry for entry in NOISE_ENTRIES if entry.split()[0] not in present)
    return "\n".join(lines) + "\n"
