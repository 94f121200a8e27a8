"""How a spoken answer was delivered, from the words' times and the sound itself: speaking
time against the limit, pace, pauses, filler sounds and the longest stretch without a pause.

Pure functions on plain data: the words the recogniser heard, each with its start and end
in seconds, and optionally where the recording was loud enough to be voice
(:class:`Activity`, worked out by :mod:`simulator.voice.activity`). Each measure says what
it measured and how sure it can be (:class:`Measure`), because a recogniser mishears and a
noisy room hides pauses.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from simulator.engine.insights import wording

PAUSE_SECONDS = 2.0
"""A silence at least this long, between words of the answer, is a pause."""

VOCAL_FILLERS = frozenset(["um", "umm", "uh", "uhm", "er", "erm", "hmm", "mm", "ah"])
"""Sounds that fill a gap rather than say something (the recogniser writes them as words)."""

CLEAR_SNR_DB = 20.0
"""Speech this many decibels above the room's noise: pauses are clearly heard."""
FAIR_SNR_DB = 10.0
"""Below this, quiet words and noise are hard to tell apart."""

Certainty = Literal["high", "medium", "low"]
"""How far a measure can be trusted."""


@dataclass(frozen=True, slots=True)
class TimedWord:
    """One word as heard, with its start and end in seconds from the recording's start."""

    word: str
    """The word, lower case, as the recogniser spells it (fillers such as ``um`` too)."""
    start: float
    """Seconds from the start of the recording."""
    end: float
    """Seconds from the start of the recording."""
    guessed: bool = False
    """True for a filler written in for a sound that was no word (a hesitation guessed
    from its length and the silence around it), not a word the recogniser heard."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the recording, in seconds from its start."""

    start: float
    """Where it starts."""
    end: float
    """Where it ends."""

    @property
    def length(self) -> float:
        """Its length in seconds."""
        return self.end - self.start


@dataclass(frozen=True)
class Activity:
    """Where the recording was loud enough to be voice, and how clear that was."""

    voiced: tuple[Span, ...]
    """The loud stretches, in order, not overlapping."""
    snr_db: float
    """How far speech stood above the room's noise, in decibels."""


@dataclass(frozen=True)
class Measure:
    """One delivery measure, with what it measured and how sure it is."""

    name: str
    """A stable key: ``speaking_time``, ``words_per_minute``, ``pauses``,
    ``fillers_per_minute`` or ``longest_without_pause``."""
    value: float
    """The number measured."""
    unit: str
    """What the number counts: ``seconds``, ``words a minute``, ``pauses``, ``a minute``."""
    measured: str
    """What was measured, in a plain sentence."""
    certainty: Certainty
    """How far it can be trusted."""
    why: str
    """Why it is as sure as it is."""


@dataclass(frozen=True)
class Delivery:
    """Every delivery measure of one spoken answer."""

    duration: float
    """Seconds recorded."""
    speaking_time: float
    """Seconds from the first sound of speech to the last."""
    time_limit: int
    """The question's limit in seconds (0: none)."""
    over_limit: float
    """Seconds of speaking past the limit (0 when within it)."""
    word_count: int
    """Words heard, fillers left out."""
    words_per_minute: float
    """Words heard per minute of speaking time."""
    pauses: tuple[Span, ...]
    """Silences of :data:`PAUSE_SECONDS` or more between the first and the last speech."""
    fillers: dict[str, int]
    """Filler sound or phrase to how many times it was heard."""
    fillers_per_minute: float
    """Fillers per minute of speaking time."""
    longest_without_pause: float
    """The longest stretch of speaking between pauses, in seconds."""
    measures: tuple[Measure, ...]
    """The measures above, each with what it measured and how sure it is."""
    guessed_fillers: int = 0
    """How many of :attr:`fillers` are guessed from sounds that were no word (see
    :attr:`TimedWord.guessed`)."""

    def to_json(self) -> dict[str, Any]:
        """A JSON-compatible dict (what the journal keeps and the command line prints)."""
        return {
            "duration": self.duration,
            "speaking_time": self.speaking_time,
            "time_limit": self.time_limit,
            "over_limit": self.over_limit,
            "word_count": self.word_count,
            "words_per_minute": self.words_per_minute,
            "pauses": [{"start": pause.start, "end": pause.end} for pause in self.pauses],
            "fillers": dict(self.fillers),
            "fillers_per_minute": self.fillers_per_minute,
            "guessed_fillers": self.guessed_fillers,
            "longest_without_pause": self.longest_without_pause,
            "measures": [
                {
                    "name": measure.name,
                    "value": measure.value,
                    "unit": measure.unit,
                    "measured": measure.measured,
                    "certainty": measure.certainty,
                    "why": measure.why,
                }
                for measure in self.measures
            ],
        }


def delivery_from_json(data: Mapping[str, Any]) -> Delivery:
    """A :class:`Delivery` back from :meth:`Delivery.to_json` (a stored answer's)."""
    return Delivery(
        duration=float(data["duration"]),
        speaking_time=float(data["speaking_time"]),
        time_limit=int(data["time_limit"]),
        over_limit=float(data["over_limit"]),
        word_count=int(data["word_count"]),
        words_per_minute=float(data["words_per_minute"]),
        pauses=tuple(Span(float(p["start"]), float(p["end"])) for p in data["pauses"]),
        fillers={str(word): int(count) for word, count in data["fillers"].items()},
        fillers_per_minute=float(data["fillers_per_minute"]),
        longest_without_pause=float(data["longest_without_pause"]),
        measures=tuple(
            Measure(
                str(item["name"]),
                float(item["value"]),
                str(item["unit"]),
                str(item["measured"]),
                item["certainty"],
                str(item["why"]),
            )
            for item in data["measures"]
        ),
        guessed_fillers=int(data.get("guessed_fillers", 0)),
    )


def _merged(spans: Iterable[Span]) -> list[Span]:
    """The spans in order, overlapping ones joined."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda item: item.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def sound(words: Sequence[TimedWord], activity: Activity | None = None) -> list[Span]:
    """Where there is evidence of speech: a word heard there, or sound loud enough to be
    voice. A pause is where neither is."""
    spans = [Span(word.start, max(word.start, word.end)) for word in words]
    if activity is not None:
        spans.extend(activity.voiced)
    return _merged(spans)


def find_pauses(spoken: Sequence[Span], minimum: float = PAUSE_SECONDS) -> list[Span]:
    """The gaps of ``minimum`` seconds or more between stretches of speech (the quiet before
    the first and after the last are not pauses)."""
    return [
        Span(before.end, after.start)
        for before, after in itertools.pairwise(spoken)
        if after.start - before.end >= minimum
    ]


def longest_stretch(spoken: Sequence[Span], pauses: Sequence[Span]) -> float:
    """The longest stretch from the start of speech, or a pause's end, to the next pause
    or the end of speech."""
    if not spoken:
        return 0.0
    edges = [spoken[0].start]
    for pause in pauses:
        edges.extend((pause.start, pause.end))
    edges.append(spoken[-1].end)
    return max(edges[index + 1] - edges[index] for index in range(0, len(edges), 2))


def count_fillers(words: Sequence[TimedWord]) -> dict[str, int]:
    """Filler sounds heard as words (um, uh ...) and filler phrases in what was said
    ("you know", "basically" ...), each counted."""
    found: Counter[str] = Counter()
    for word in words:
        if word.word in VOCAL_FILLERS:
            found[word.word] += 1
    spoken = " ".join(word.word for word in words if word.word not in VOCAL_FILLERS)
    found.update(wording.fillers(spoken).fillers)
    return dict(sorted(found.items()))


def _clarity(activity: Activity | None) -> tuple[Certainty, str]:
    """How clearly pauses and speaking time can be told from the sound."""
    if activity is None:
        return "medium", "from the times of the words the recogniser heard only"
    if activity.snr_db >= CLEAR_SNR_DB:
        return "high", (
            f"from the sound itself, the voice clear above the room's noise "
            f"({activity.snr_db:.0f} dB), and the times of the words heard"
        )
    if activity.snr_db >= FAIR_SNR_DB:
        return "medium", (
            f"the voice stood only {activity.snr_db:.0f} dB above the room's noise; quiet "
            "words may be taken for silence"
        )
    return "low", (
        f"the room was nearly as loud as the voice ({activity.snr_db:.0f} dB apart), so "
        "pauses and noise are hard to tell apart"
    )


def _minutes(seconds: float) -> float:
    return seconds / 60 if seconds >= 1 else 0.0


def _per_minute(count: float, seconds: float) -> float:
    minutes = _minutes(seconds)
    return round(count / minutes, 1) if minutes else 0.0


def delivery(
    words: Sequence[TimedWord],
    duration: float,
    time_limit: int = 0,
    activity: Activity | None = None,
) -> Delivery:
    """The delivery measures of an answer of ``duration`` seconds, from the words heard
    and, when given, where the recording held voice."""
    spoken = sound(words, activity)
    pauses = find_pauses(spoken)
    speaking = round(spoken[-1].end - spoken[0].start, 2) if spoken else 0.0
    fillers = count_fillers(words)
    content = sum(1 for word in words if word.word not in VOCAL_FILLERS)
    measured = Delivery(
        duration=round(duration, 2),
        speaking_time=speaking,
        time_limit=time_limit,
        over_limit=round(max(0.0, speaking - time_limit), 2) if time_limit > 0 else 0.0,
        word_count=content,
        words_per_minute=_per_minute(content, speaking),
        pauses=tuple(Span(round(p.start, 2), round(p.end, 2)) for p in pauses),
        fillers=fillers,
        fillers_per_minute=_per_minute(sum(fillers.values()), speaking),
        longest_without_pause=round(longest_stretch(spoken, pauses), 2),
        measures=(),
        guessed_fillers=sum(1 for word in words if word.guessed and word.word in VOCAL_FILLERS),
    )
    return replace(measured, measures=_measures(measured, activity))


def _pace_certainty(measured: Delivery) -> tuple[Certainty, str]:
    if measured.word_count >= 20 and measured.speaking_time >= 10:
        return "medium", (
            "counts the words the recogniser heard; on clear speech it misses or adds "
            "about one word in five"
        )
    return "low", "too few words or seconds to give a steady pace"


def _filler_why(measured: Delivery) -> str:
    """Why the filler count is only a rough one, and how much of it is a guess."""
    why = (
        'the recogniser often hears an um or uh as a short word such as "a" or "and" (it '
        "missed about one in three on synthetic test speech, and real speech is harder)"
    )
    guessed = measured.guessed_fillers
    if not guessed:
        return why
    total = sum(measured.fillers.values())
    if guessed == total:
        counted = "the one counted is a sound" if total == 1 else f"all {total} counted are sounds"
    else:
        sounds = "1 is a sound" if guessed == 1 else f"{guessed} are sounds"
        counted = f"of the {total} counted, {sounds}"
    return (
        f"{why}; {counted} with no word, taken for a filler by its length and the "
        "silence next to it (a guess)"
    )


def _measures(measured: Delivery, activity: Activity | None) -> tuple[Measure, ...]:
    """Each measure with what it measured and how sure it is."""
    clarity, clear_why = _clarity(activity)
    limit = measured.time_limit
    against = f" against a limit of {limit} s" if limit > 0 else " (the question has no limit)"
    pause = f"{PAUSE_SECONDS:g} s"
    return (
        Measure(
            "speaking_time",
            measured.speaking_time,
            "seconds",
            f"seconds from your first word to your last{against}",
            clarity,
            clear_why,
        ),
        Measure(
            "words_per_minute",
            measured.words_per_minute,
            "words a minute",
            "words spoken a minute, fillers left out",
            *_pace_certainty(measured),
        ),
        Measure(
            "pauses",
            float(len(measured.pauses)),
            "pauses",
            f"silences of {pause} or more between your first word and your last",
            clarity,
            clear_why,
        ),
        Measure(
            "fillers_per_minute",
            measured.fillers_per_minute,
            "a minute",
            "filler sounds and phrases (um, uh, you know ...) a minute, as far as the "
            "recogniser hears them",
            "low",
            _filler_why(measured),
        ),
        Measure(
            "longest_without_pause",
            measured.longest_without_pause,
            "seconds",
            f"the longest stretch of speaking without a pause of {pause}",
            clarity,
            clear_why,
        ),
    )
