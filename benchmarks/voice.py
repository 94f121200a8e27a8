"""Speaking an answer: how well, how fast and how soon after stop the recogniser hears it.

Three measurements on the committed test recordings (tests/voice/audio, made by
tests/voice/make_audio.py, with their texts in its manifest.json):

- word error rate: each recording transcribed whole, its words against what was said
  (filler sounds left out of both, as :mod:`simulator.voice.accuracy` does);
- real-time factor: seconds of processor and wall time to transcribe a long answer (the
  recordings joined end to end until it lasts the answer's length) per second of sound;
- stop to transcript: the same answer fed to the live transcriber at the pace it would
  come from a microphone (50 ms blocks, in real time), then the time from stop (the last
  block) until the whole transcript is there, as the screen would get it.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
AUDIO = REPO / "tests" / "voice" / "audio"
BLOCK_SECONDS = 0.05
"""How much sound each block from the "microphone" holds."""


@dataclass
class Voice:
    """What the voice measurements found."""

    errors: int
    """Words wrong, dropped or added, over every recording."""
    words: int
    """Words said in every recording."""
    answer_seconds: float
    """The length of the long answer."""
    wall_seconds: float
    """Wall time to transcribe it whole."""
    cpu_seconds: float
    """Processor time to transcribe it whole."""
    stop_to_transcript: float
    """Seconds from the last block to the finished transcript, fed live."""
    load_seconds: float
    """Seconds to load the recogniser's model (once, before anything is timed)."""

    @property
    def word_error_rate(self) -> float:
        """Errors per word said."""
        return self.errors / self.words if self.words else 0.0


def missing() -> str:
    """Why the voice rows cannot run ("" when they can)."""
    from simulator.voice.extra import missing_packages

    absent = missing_packages()
    return f"skipped: the voice extra is not installed ({', '.join(absent)})" if absent else ""


def long_answer(seconds: float) -> tuple[Any, int]:
    """The committed recordings joined, shortest first and round after round, until
    ``seconds`` are reached (whole recordings only, so no word is cut).

    Shortest first keeps a short answer near the length asked for: the rows' labels give
    that length, and the live rows feed the whole answer in real time."""
    import numpy as np

    from simulator.voice.wavfile import read_wav

    names = sorted(json.loads((AUDIO / "manifest.json").read_text("utf-8")))
    pieces = sorted((read_wav(AUDIO / name).samples for name in names), key=len)
    joined: list[Any] = []
    total = 0
    while total < seconds * 16000:
        for piece in pieces:
            joined.append(piece)
            total += len(piece)
            if total >= seconds * 16000:
                break
    return np.concatenate(joined), 16000


def _word_errors(recogniser: Any) -> tuple[int, int]:
    from simulator.voice.accuracy import edit_distance, words_of
    from simulator.voice.wavfile import read_wav

    manifest = json.loads((AUDIO / "manifest.json").read_text("utf-8"))
    errors = words = 0
    for name, expected in sorted(manifest.items()):
        audio = read_wav(AUDIO / name)
        heard = recogniser.transcribe(audio.samples, audio.rate).text
        reference = words_of(expected["text"])
        errors += edit_distance(reference, words_of(heard))
        words += len(reference)
    return errors, words


def _live(recogniser: Any, samples: Any, rate: int) -> float:
    """Feed the answer in real time; seconds from the last block to the transcript."""
    from simulator.voice.live import LiveTranscriber

    live = LiveTranscriber(recogniser.start())
    block = round(rate * BLOCK_SECONDS)
    started = time.perf_counter()
    for number, start in enumerate(range(0, len(samples), block)):
        due = started + number * BLOCK_SECONDS
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        live.feed(samples[start : start + block], rate)
    stopped = time.perf_counter()
    live.finish(timeout=120)
    return time.perf_counter() - stopped


def measure(answer_seconds: float) -> Voice:
    """Every voice measurement; needs the voice extra."""
    from simulator.voice.sphinx import PocketSphinx

    started = time.perf_counter()
    recogniser = PocketSphinx()
    recogniser.warm()
    load = time.perf_counter() - started
    errors, words = _word_errors(recogniser)
    samples, rate = long_answer(answer_seconds)
    wall, cpu = time.perf_counter(), time.process_time()
    recogniser.transcribe(samples, rate)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    stop = _live(recogniser, samples, rate)
    return Voice(errors, words, len(samples) / rate, wall, cpu, stop, load)
