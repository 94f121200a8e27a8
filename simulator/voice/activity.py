"""Where a recording holds voice, from its loudness in 10 ms frames.

:class:`Loudness` measures each frame of a 16 kHz stream as it comes; :func:`activity`
turns those levels into the loud stretches and the speech-to-noise ratio the delivery
measures use; :class:`Segmenter` cuts the stream into utterances at short silences, so
the recogniser can work through each one while the answer goes on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from simulator.engine.insights.delivery import Activity, Span
from simulator.voice.audio import TARGET_RATE, Samples

FRAME = TARGET_RATE // 100
"""Samples in a 10 ms frame at 16 kHz."""
FRAME_SECONDS = 0.01
"""Seconds in a frame."""

SILENT_DB = -100.0
"""The level given to digital silence."""
QUIETEST_VOICE_DB = -55.0
"""Nothing quieter than this (in decibels of full scale) counts as voice."""
MIN_MARGIN_DB = 8.0
"""Voice is at least this far above the room's noise."""
BRIDGE_SECONDS = 0.25
"""Quiet gaps shorter than this inside speech (between syllables, a stop consonant) are
part of it."""
SHORTEST_VOICE_SECONDS = 0.06
"""A loud stretch shorter than this is a click, not voice."""


def frame_levels(samples: Samples) -> list[float]:
    """The level in decibels of full scale of each whole 10 ms frame of 16 kHz samples."""
    import numpy as np

    count = len(samples) // FRAME
    if not count:
        return []
    frames = np.asarray(samples[: count * FRAME], dtype=np.float64).reshape(count, FRAME)
    power = np.mean(frames * frames, axis=1)
    levels = 10 * np.log10(np.maximum(power, 1e-10))
    return [float(level) for level in np.maximum(levels, SILENT_DB)]


def _percentile(levels: list[float], share: float) -> float:
    ordered = sorted(levels)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


NOISE_SHARE = 0.1
"""The room's noise is the level a tenth of the frames stay below."""
SPEECH_SHARE = 0.95
"""Speech is the level only one frame in twenty goes above."""


def _limit(noise: float, speech: float) -> float:
    margin = max(MIN_MARGIN_DB, 0.35 * (speech - noise))
    return max(QUIETEST_VOICE_DB, noise + margin)


def threshold(levels: list[float]) -> tuple[float, float, float]:
    """(the level above which a frame is voice, the room's noise, the speech level)."""
    if not levels:
        return QUIETEST_VOICE_DB, SILENT_DB, SILENT_DB
    noise = _percentile(levels, NOISE_SHARE)
    speech = _percentile(levels, SPEECH_SHARE)
    return _limit(noise, speech), noise, speech


class LevelCounts:
    """How many frames were at each level (in half-decibel steps), so the threshold of a
    long recording is found as it grows without sorting all its frames each time."""

    STEPS = 2
    """Steps per decibel."""

    def __init__(self) -> None:
        """No frames yet."""
        self._counts = [0] * (int(-SILENT_DB) * self.STEPS + 1)
        self._total = 0

    def add(self, levels: list[float]) -> None:
        """Count more frames."""
        top = len(self._counts) - 1
        for level in levels:
            self._counts[min(top, max(0, round((level - SILENT_DB) * self.STEPS)))] += 1
        self._total += len(levels)

    def _percentile(self, share: float) -> float:
        wanted = min(self._total - 1, int(share * self._total))
        seen = 0
        for step, count in enumerate(self._counts):
            seen += count
            if seen > wanted:
                return SILENT_DB + step / self.STEPS
        return 0.0

    def limit(self) -> float:
        """The level above which a frame is voice, as :func:`threshold` finds it."""
        if not self._total:
            return QUIETEST_VOICE_DB
        return _limit(self._percentile(NOISE_SHARE), self._percentile(SPEECH_SHARE))


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(first, past the last) frame of each run of true flags."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, flag in enumerate(flags):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(flags)))
    return runs


def activity(levels: list[float]) -> Activity:
    """The loud stretches of a recording (short gaps bridged, clicks dropped) and how far
    its speech stood above its noise."""
    limit, noise, speech = threshold(levels)
    runs = _runs([level > limit for level in levels])
    bridge = round(BRIDGE_SECONDS / FRAME_SECONDS)
    joined: list[tuple[int, int]] = []
    for start, end in runs:
        if joined and start - joined[-1][1] < bridge:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    shortest = round(SHORTEST_VOICE_SECONDS / FRAME_SECONDS)
    voiced = tuple(
        Span(round(start * FRAME_SECONDS, 2), round(end * FRAME_SECONDS, 2))
        for start, end in joined
        if end - start >= shortest
    )
    snr = min(60.0, speech - noise) if voiced else 0.0
    return Activity(voiced, round(snr, 1))


def level_of(samples: Samples) -> float:
    """How loud a block is, from 0 (silence, -60 dB or less) to 1 (full scale), for a
    recording meter."""
    import numpy as np

    if not len(samples):
        return 0.0
    data = np.asarray(samples, dtype=np.float64)
    power = float(np.mean(data * data))
    decibels = 10 * math.log10(power) if power > 0 else SILENT_DB
    return min(1.0, max(0.0, (decibels + 60) / 60))


@dataclass
class Segmenter:
    """Cuts a 16 kHz stream into utterances: after speech, a silence of ``pause`` seconds
    ends one, and one is never longer than ``longest`` seconds (it is then cut at its
    quietest frame of the last ``search`` seconds). Stretches without voice are not
    returned: there is nothing in them to recognise."""

    pause: float = 0.4
    """Seconds of quiet that end an utterance."""
    longest: float = 8.0
    """Seconds an utterance may last before it is cut anyway."""
    search: float = 3.0
    """Seconds before the forced cut searched for the quietest frame."""
    levels: list[float] = field(default_factory=list)
    """Every frame's level so far (kept for :func:`activity` at the end)."""
    _start: int = 0
    _quiet: int = 0
    _spoken: bool = False
    _limit: float = QUIETEST_VOICE_DB
    _counts: LevelCounts = field(default_factory=LevelCounts)

    def push(self, levels: list[float]) -> list[tuple[int, int]]:
        """Add frames' levels; returns the utterances they end, as (first frame, past the
        last frame)."""
        # Once per block: the room's noise is learnt as the recording goes on.
        self._counts.add(levels)
        self._limit = self._counts.limit()
        cuts: list[tuple[int, int]] = []
        for level in levels:
            self.levels.append(level)
            cut = self._step(level > self._limit)
            if cut is not None:
                cuts.append(cut)
        return cuts

    def _step(self, voice: bool) -> tuple[int, int] | None:
        here = len(self.levels)
        if voice:
            self._spoken, self._quiet = True, 0
        else:
            self._quiet += 1
        if self._spoken and self._quiet >= round(self.pause / FRAME_SECONDS):
            return self._cut(here - self._quiet // 2)
        if here - self._start >= round(self.longest / FRAME_SECONDS):
            first = max(self._start + 1, here - round(self.search / FRAME_SECONDS))
            quietest = min(range(first, here), key=lambda index: self.levels[index])
            return self._cut(quietest + 1)
        return None

    def _cut(self, at: int) -> tuple[int, int] | None:
        piece = (self._start, at)
        spoken = self._spoken
        after = self.levels[at:]
        self._start = at
        self._spoken = any(level > self._limit for level in after)
        self._quiet = 0 if self._spoken else len(after)
        return piece if spoken else None

    def rest(self) -> tuple[int, int] | None:
        """What is left after the last cut, when it holds voice."""
        end = len(self.levels)
        piece = (self._start, end)
        spoken = self._spoken and end > self._start
        self._start, self._spoken, self._quiet = end, False, 0
        return piece if spoken else None
