"""What a recogniser gives back, and the small interface every recogniser offers.

An engine (pocketsphinx today; a Whisper-class model the user points to later) implements
:class:`Recogniser`. It can transcribe a whole recording at once, or follow one while it
is being made: :meth:`Recogniser.start` gives a :class:`RecognitionStream` that is fed
blocks as they arrive and, when the answer stops, finishes the little that is left.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from simulator.engine.insights.delivery import Activity, Span, TimedWord
from simulator.voice.audio import Samples


@dataclass(frozen=True)
class Transcript:
    """The words heard in a recording, each with its time, and where there was voice."""

    words: tuple[TimedWord, ...]
    """Every word in order, fillers such as ``um`` included (those guessed from a sound
    that was no word marked so); silences and noises left out."""
    duration: float
    """Seconds of sound heard."""
    engine: str
    """Which recogniser made it, such as ``pocketsphinx``."""
    activity: Activity | None = None
    """Where the recording was loud enough to be voice (None when not measured)."""

    @property
    def text(self) -> str:
        """The words as one line of text."""
        return " ".join(word.word for word in self.words)

    def to_json(self) -> dict[str, Any]:
        """A JSON-compatible dict (what the journal keeps)."""
        data: dict[str, Any] = {
            "engine": self.engine,
            "text": self.text,
            "duration": round(self.duration, 3),
            "words": [_word_json(word) for word in self.words],
        }
        if self.activity is not None:
            data["voiced"] = [[span.start, span.end] for span in self.activity.voiced]
            data["snr_db"] = self.activity.snr_db
        return data


def _word_json(word: TimedWord) -> dict[str, Any]:
    """One word as JSON; ``guessed`` only when true, as older transcripts have none."""
    data: dict[str, Any] = {
        "word": word.word,
        "start": round(word.start, 2),
        "end": round(word.end, 2),
    }
    if word.guessed:
        data["guessed"] = True
    return data


def transcript_from_json(data: Mapping[str, Any]) -> Transcript:
    """A :class:`Transcript` back from :meth:`Transcript.to_json`."""
    words = tuple(
        TimedWord(
            str(item["word"]),
            float(item["start"]),
            float(item["end"]),
            bool(item.get("guessed", False)),
        )
        for item in data["words"]
    )
    activity = None
    if "voiced" in data:
        voiced = tuple(Span(float(start), float(end)) for start, end in data["voiced"])
        activity = Activity(voiced, float(data.get("snr_db", 0.0)))
    return Transcript(words, float(data["duration"]), str(data["engine"]), activity)


class RecognitionStream(Protocol):
    """One recording being transcribed while it is made."""

    def feed(self, samples: Samples, rate: int) -> None:
        """Hear the next block: samples of any shape and type (see
        :func:`simulator.voice.audio.to_mono`) at ``rate``, the same for every block."""

    def finish(self) -> Transcript:
        """Hear the rest and give the whole transcript; the stream is then done."""


class Recogniser(Protocol):
    """A speech recogniser that works offline."""

    name: str
    """Its short name, as in config.json's ``voice.engine``."""

    def transcribe(self, samples: Samples, rate: int) -> Transcript:
        """The transcript of a whole recording at ``rate`` (mono or with channels)."""

    def start(self) -> RecognitionStream:
        """Begin following a recording that is being made."""
