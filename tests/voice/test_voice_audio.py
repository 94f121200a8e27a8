"""Samples: to mono, to 16 kHz (in chunks exactly as at once), to 16-bit PCM."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy", reason="the voice extra is not installed")

from simulator.voice.audio import Resampler, resample, to_mono, to_pcm16  # noqa: E402


def tone(frequency: float, rate: int, seconds: float) -> object:
    times = np.arange(int(rate * seconds)) / rate
    return (0.5 * np.sin(2 * np.pi * frequency * times)).astype(np.float32)


def loudest_frequency(samples: object, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.argmax(spectrum) * rate / len(samples))  # type: ignore[arg-type]


def test_channels_are_averaged_and_integers_scaled() -> None:
    stereo = np.array([[32767, -32768], [16384, 16384]], dtype=np.int16)
    assert to_mono(stereo).tolist() == pytest.approx([-0.5 / 32768, 0.5])
    assert to_mono(np.array([0, 255], dtype=np.uint8)).tolist() == pytest.approx([-1.0, 127 / 128])
    assert to_mono(np.zeros(3, dtype=np.float64)).dtype == np.float32
    with pytest.raises(ValueError, match="dimensions"):
        to_mono(np.zeros((2, 2, 2)))


def test_pcm16_clips_at_full_scale_and_keeps_16_bit_samples_exactly() -> None:
    every = np.arange(-32768, 32768, dtype=np.int16)
    assert np.array_equal(np.frombuffer(to_pcm16(to_mono(every)), dtype="<i2"), every)
    pcm = to_pcm16(np.array([0.0, 1.0, -1.0, 2.0, -0.5], dtype=np.float32))
    assert np.frombuffer(pcm, dtype="<i2").tolist() == [0, 32767, -32768, 32767, -16384]


@pytest.mark.parametrize("rate", [8000, 22050, 44100, 48000])
def test_a_tone_keeps_its_pitch_and_length(rate: int) -> None:
    out = resample(tone(440, rate, 2.0), rate)
    assert len(out) == pytest.approx(32000, abs=2)
    assert loudest_frequency(out, 16000) == pytest.approx(440, abs=1)


def test_sound_above_the_new_limit_is_filtered_out() -> None:
    # 12 kHz cannot exist at 16 kHz; without the filter it would fold down to 4 kHz.
    out = resample(tone(12000, 48000, 1.0), 48000)
    assert float(np.sqrt(np.mean(out**2))) < 0.01


def test_chunks_give_what_the_whole_gives() -> None:
    signal = tone(300, 44100, 1.0) + tone(1000, 44100, 1.0) * 0.3
    whole = Resampler(44100).process(signal)
    chunked = Resampler(44100)
    sizes = [1, 7, 441, 1000, 2, 4410]
    pieces, start = [], 0
    while start < len(signal):
        size = sizes[len(pieces) % len(sizes)]
        pieces.append(chunked.process(signal[start : start + size]))
        start += size
    joined = np.concatenate(pieces)
    assert len(joined) == len(whole)
    assert np.max(np.abs(joined - whole)) < 1e-5


def test_rates_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Resampler(0)
