"""The pocketsphinx recogniser: offline, with the US English model inside its wheel.

pocketsphinx 5 hears 16 kHz mono 16-bit PCM. Each utterance (cut at short silences by
:class:`~simulator.voice.activity.Segmenter`) is decoded whole as soon as it ends, which
lets the decoder normalise the utterance's loudness over all of it (its batch cepstral
mean) and means that when an answer stops only its last utterance is left to decode.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Mapping
from typing import Any

from simulator.engine.insights.delivery import TimedWord
from simulator.voice.activity import FRAME, Segmenter, activity, frame_levels
from simulator.voice.audio import TARGET_RATE, Resampler, Samples, to_mono, to_pcm16
from simulator.voice.extra import load
from simulator.voice.hesitation import Segment, heard_words, noise_dictionary
from simulator.voice.transcript import Transcript

ENGINE = "pocketsphinx"
"""The engine's name in config.json and in stored transcripts."""

BLOCK_SECONDS = 0.1
"""How much of a whole recording :meth:`PocketSphinx.transcribe` hands over at a time,
so a file is cut into utterances exactly as the same sound recorded live would be."""


def _decoder_with_fillers(pocketsphinx: Any, options: Mapping[str, Any]) -> Any:
    """A decoder whose noise dictionary also holds um and uh (see
    :data:`~simulator.voice.hesitation.NOISE_ENTRIES`), unless ``options`` names its own
    noise dictionary or another model (whose phones may differ)."""
    if "fdict" in options or "hmm" in options:
        return pocketsphinx.Decoder(loglevel="FATAL", **options)
    model = os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us", "noisedict")
    with open(model, encoding="utf-8") as source:
        text = noise_dictionary(source.read())
    # The decoder reads the file only while it is made, so it is gone again at once.
    handle, path = tempfile.mkstemp(prefix="mock-interview-", suffix=".dict")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        return pocketsphinx.Decoder(loglevel="FATAL", fdict=path, **options)
    finally:
        os.unlink(path)


def _faint_noise(seconds: float = 0.3) -> bytes:
    """A fixed run of faint noise (about -60 dB) as 16 kHz 16-bit PCM."""
    import numpy as np

    noise = np.random.default_rng(0).uniform(-0.001, 0.001, round(seconds * TARGET_RATE))
    return to_pcm16(noise)


class PocketSphinx:
    """The pocketsphinx recogniser (implements :class:`~simulator.voice.transcript.Recogniser`).

    The decoder loads its model (about a third of a second) on first use, or on
    :meth:`warm`. One decoder serves one utterance at a time.
    """

    name = ENGINE

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        """A recogniser with pocketsphinx's defaults, changed by ``options`` (decoder
        settings such as ``{"lw": 6.5}``, from config.json's ``voice.options``)."""
        self._options = dict(options or {})
        self._decoder: Any = None
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Load the model now (in a worker), so the first answer does not wait for it."""
        with self._lock:
            self._loaded()

    def _loaded(self) -> Any:
        if self._decoder is None:
            pocketsphinx = load("pocketsphinx")
            decoder = _decoder_with_fillers(pocketsphinx, self._options)
            # A new decoder hears its first utterance a little differently from every one
            # after it (a word's edge moves by 10 ms): one short utterance of faint noise
            # first makes every transcript the same however many came before it.
            decoder.start_utt()
            decoder.process_raw(_faint_noise(), full_utt=True)
            decoder.end_utt()
            self._decoder = decoder
        return self._decoder

    def decode(self, pcm: bytes, offset: float = 0.0) -> list[TimedWord]:
        """The words of one utterance of 16 kHz mono 16-bit PCM, timed from ``offset``."""
        with self._lock:
            decoder = self._loaded()
            decoder.start_utt()
            decoder.process_raw(pcm, full_utt=True)
            decoder.end_utt()
            frame_rate = float(decoder.config["frate"])
            # No best path at all (seg() gives None) is an utterance with no words.
            segments = [
                Segment(
                    str(segment.word),
                    offset + segment.start_frame / frame_rate,
                    offset + (segment.end_frame + 1) / frame_rate,
                )
                for segment in decoder.seg() or ()
            ]
            return heard_words(segments)

    def transcribe(self, samples: Samples, rate: int) -> Transcript:
        """The transcript of a whole recording."""
        stream = self.start()
        mono = to_mono(samples)
        block = max(1, round(rate * BLOCK_SECONDS))
        for start in range(0, len(mono), block):
            stream.feed(mono[start : start + block], rate)
        return stream.finish()

    def start(self) -> SphinxStream:
        """Follow a recording being made."""
        return SphinxStream(self)


class SphinxStream:
    """One recording heard block by block (implements
    :class:`~simulator.voice.transcript.RecognitionStream`)."""

    def __init__(self, recogniser: PocketSphinx) -> None:
        """A stream that decodes with ``recogniser``."""
        self._recogniser = recogniser
        self._resampler: Resampler | None = None
        self._segmenter = Segmenter()
        self._pending: Samples | None = None
        self._base = 0
        self._measured = 0
        self._total = 0
        self._words: list[TimedWord] = []

    def feed(self, samples: Samples, rate: int) -> None:
        """Hear the next block; every utterance it ends is decoded before this returns."""
        import numpy as np

        if self._resampler is None:
            self._resampler = Resampler(rate)
        elif rate != self._resampler.source_rate:
            raise ValueError(f"the rate changed from {self._resampler.source_rate} to {rate}")
        heard = self._resampler.process(to_mono(samples))
        self._total += len(heard)
        joined = heard if self._pending is None else np.concatenate([self._pending, heard])
        self._pending = joined
        whole = (self._total // FRAME) - self._measured
        if whole <= 0:
            return
        first = (self._measured - self._base) * FRAME
        levels = frame_levels(joined[first : first + whole * FRAME])
        self._measured += whole
        for start, end in self._segmenter.push(levels):
            self._decode(start, end)

    def _decode(self, start: int, end: int | None) -> None:
        """Decode frames ``start`` to ``end`` (None: to the last sample) and drop what is
        before ``end``."""
        pending = self._pending
        if pending is None:
            return
        first = (start - self._base) * FRAME
        last = len(pending) if end is None else (end - self._base) * FRAME
        piece = pending[first:last]
        self._pending = pending[last:]
        self._base = self._measured if end is None else end
        if len(piece):
            offset = start * FRAME / TARGET_RATE
            self._words.extend(self._recogniser.decode(to_pcm16(piece), offset))

    def finish(self) -> Transcript:
        """Decode what is left and give the whole transcript."""
        rest = self._segmenter.rest()
        if rest is not None:
            self._decode(rest[0], None)
        levels = self._segmenter.levels
        return Transcript(tuple(self._words), self._total / TARGET_RATE, ENGINE, activity(levels))
