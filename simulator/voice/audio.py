"""Sound as numbers: mono float samples, any rate to 16 kHz, and 16-bit PCM.

numpy comes with the voice extra; it is imported inside the functions, never at import.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

Samples = Any
"""A numpy array of samples: one column per channel, or one dimension for mono. Written
as Any so the code type-checks the same with numpy installed or not (it comes with the
voice extra)."""

TARGET_RATE = 16_000
"""The rate the recogniser hears: 16 kHz, mono."""

FILTER_TAPS = 63
"""Length of the low-pass filter used before lowering the rate (odd, so it is symmetric)."""


@dataclass(frozen=True)
class Audio:
    """A recording in memory: mono float32 samples from -1 to 1, and their rate."""

    samples: Samples
    """One dimension, float32."""
    rate: int
    """Samples a second."""

    @property
    def duration(self) -> float:
        """Seconds of sound."""
        return len(self.samples) / self.rate if self.rate else 0.0


def to_mono(samples: Samples) -> Samples:
    """float32 mono from int or float samples of any shape: channels are averaged, and
    integers are scaled to -1..1."""
    import numpy as np

    data = np.asarray(samples)
    if data.dtype.kind in "iu":
        info = np.iinfo(data.dtype)
        middle = (int(info.max) + int(info.min) + 1) / 2
        data = (data.astype(np.float32) - middle) / (int(info.max) - middle + 1)
    data = data.astype(np.float32, copy=False)
    if data.ndim == 2:
        data = data.mean(axis=1, dtype=np.float32)
    elif data.ndim != 1:
        raise ValueError(f"samples must have one or two dimensions, not {data.ndim}")
    return data


def to_pcm16(samples: Samples) -> bytes:
    """Mono float samples as little-endian 16-bit PCM (clipped at full scale). The scale
    is that of :func:`to_mono`, so 16-bit samples come back exactly as they were."""
    import numpy as np

    scaled = np.round(np.asarray(samples, dtype=np.float32) * 32768.0)
    return bytes(np.clip(scaled, -32768, 32767).astype("<i2").tobytes())


def _low_pass(cutoff: float) -> Samples:
    """A windowed-sinc low-pass filter; ``cutoff`` is a share of the source rate (0..0.5)."""
    import numpy as np

    middle = (FILTER_TAPS - 1) / 2
    positions = np.arange(FILTER_TAPS) - middle
    taps = 2 * cutoff * np.sinc(2 * cutoff * positions) * np.blackman(FILTER_TAPS)
    return (taps / taps.sum()).astype(np.float32)


class Resampler:
    """Changes the rate of a stream of mono samples, chunk by chunk, with the same result
    as changing it all at once (the filter and the position carry over between chunks)."""

    def __init__(self, source_rate: int, target_rate: int = TARGET_RATE) -> None:
        """Convert from ``source_rate`` to ``target_rate`` samples a second."""
        if source_rate <= 0 or target_rate <= 0:
            raise ValueError("sample rates must be positive")
        self.source_rate = source_rate
        """Samples a second coming in."""
        self.target_rate = target_rate
        """Samples a second going out."""
        self._step = source_rate / target_rate
        self._taps: Samples | None = None
        if source_rate > target_rate:
            # Below the new Nyquist frequency, with room for the filter's slope.
            self._taps = _low_pass(0.45 * target_rate / source_rate)
        self._history: Samples | None = None
        self._last: float | None = None
        self._position = 0.0

    def _filtered(self, chunk: Samples) -> Samples:
        import numpy as np

        if self._taps is None:
            return chunk
        if self._history is None:
            self._history = np.zeros(FILTER_TAPS - 1, dtype=np.float32)
        joined = np.concatenate([self._history, chunk])
        self._history = joined[-(FILTER_TAPS - 1) :]
        return np.convolve(joined, self._taps, mode="valid").astype(np.float32)

    def process(self, chunk: Samples) -> Samples:
        """The next stretch of output for the next mono float32 chunk of input."""
        import numpy as np

        data = np.asarray(chunk, dtype=np.float32)
        if self.source_rate == self.target_rate or not len(data):
            return data
        filtered = self._filtered(data)
        if self._last is None:
            buffer = filtered
        else:
            buffer = np.concatenate([np.array([self._last], dtype=np.float32), filtered])
        end = len(buffer) - 1
        if end < self._position:
            self._last, self._position = float(buffer[-1]), self._position - end
            return np.zeros(0, dtype=np.float32)
        count = math.floor((end - self._position) / self._step) + 1
        positions = self._position + self._step * np.arange(count)
        out = np.interp(positions, np.arange(len(buffer)), buffer).astype(np.float32)
        self._position = float(positions[-1]) + self._step - end
        self._last = float(buffer[-1])
        return out


def resample(samples: Samples, rate: int, target_rate: int = TARGET_RATE) -> Samples:
    """Mono float samples at ``rate`` as mono float samples at ``target_rate``."""
    return Resampler(rate, target_rate).process(to_mono(samples))
