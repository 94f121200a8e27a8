"""From a recording to what the self-scoring screen shows: its transcript and its delivery."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.engine.insights.delivery import Delivery, delivery
from simulator.voice.transcript import Recogniser, Transcript
from simulator.voice.wavfile import read_wav


@dataclass(frozen=True)
class SpokenAnswer:
    """A spoken answer, heard: its transcript and the delivery measures."""

    transcript: Transcript
    """The words heard, with their times."""
    delivery: Delivery
    """Speaking time, pace, pauses, fillers and the longest stretch without a pause."""

    def to_json(self) -> dict[str, Any]:
        """The object ``voice transcribe --json`` prints: the transcript's text and words
        with the delivery measures."""
        measures = self.delivery.to_json()
        transcript = self.transcript.to_json()
        return {
            "text": transcript["text"],
            "duration": measures["duration"],
            "speaking_time": measures["speaking_time"],
            "words_per_minute": measures["words_per_minute"],
            "pauses": measures["pauses"],
            "fillers": measures["fillers"],
            "fillers_per_minute": measures["fillers_per_minute"],
            "guessed_fillers": measures["guessed_fillers"],
            "longest_without_pause": measures["longest_without_pause"],
            "time_limit": measures["time_limit"],
            "over_limit": measures["over_limit"],
            "words": transcript["words"],
            "engine": transcript["engine"],
            "measures": measures["measures"],
        }


def hear(transcript: Transcript, duration: float, time_limit: int = 0) -> SpokenAnswer:
    """The delivery measures of a transcript (of a recording of ``duration`` seconds)."""
    measured = delivery(transcript.words, duration, time_limit, transcript.activity)
    return SpokenAnswer(transcript, measured)


def transcribe_file(path: Path, recogniser: Recogniser, time_limit: int = 0) -> SpokenAnswer:
    """Transcribe a WAV file (any rate, mono or stereo) and measure its delivery. Raises
    :class:`~simulator.voice.wavfile.WavError` and
    :class:`~simulator.voice.extra.VoiceUnavailable`."""
    audio = read_wav(path)
    return hear(recogniser.transcribe(audio.samples, audio.rate), audio.duration, time_limit)
