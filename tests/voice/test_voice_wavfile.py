"""WAV files written as recorded, read back whatever their kind, mended after a crash."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

np = pytest.importorskip("numpy", reason="the voice extra is not installed")
soundfile = pytest.importorskip("soundfile", reason="the voice extra is not installed")

from simulator.voice.audio import to_pcm16  # noqa: E402
from simulator.voice.wavfile import WavError, WavWriter, read_wav, repair_wav  # noqa: E402


def ramp(count: int) -> object:
    """Samples that say where they are: a crash test can tell which ones survived."""
    return ((np.arange(count) % 2000) / 2000 - 0.5).astype(np.float32)


def test_what_is_written_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "answer.wav"
    samples = ramp(16000)
    with WavWriter(path, 16000) as writer:
        writer.write(to_pcm16(samples[:5000]))
        writer.write(to_pcm16(samples[5000:]))
        assert writer.frames == 16000
    audio = read_wav(path)
    assert audio.rate == 16000
    assert audio.duration == 1.0
    assert np.max(np.abs(audio.samples - samples)) < 1 / 16000
    data, rate = soundfile.read(str(path), dtype="float32")  # a valid file for any reader
    assert rate == 16000 and len(data) == 16000


def test_a_flushed_file_is_readable_before_it_is_closed(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    writer = WavWriter(path, 16000)
    writer.write(to_pcm16(ramp(8000)))
    writer.flush()
    assert len(soundfile.read(str(path))[0]) == 8000
    assert read_wav(path).duration == 0.5
    writer.close()


def test_samples_after_the_last_flush_are_read_and_repaired(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    writer = WavWriter(path, 16000)
    writer.write(to_pcm16(ramp(8000)))
    writer.flush()
    with path.open("ab") as stream:  # written, but the program died before the header
        stream.write(to_pcm16(ramp(12000)[8000:]))
        stream.write(b"\x01")  # and half a frame
    assert len(soundfile.read(str(path))[0]) == 8000  # other readers stop at the header
    assert len(read_wav(path).samples) == 12000
    assert repair_wav(path) is True
    assert len(soundfile.read(str(path))[0]) == 12000
    assert path.stat().st_size == 44 + 24000
    assert repair_wav(path) is False


def test_a_file_cut_short_is_read_up_to_its_end(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    with WavWriter(path, 16000) as writer:
        writer.write(to_pcm16(ramp(16000)))
    with path.open("r+b") as stream:
        stream.truncate(44 + 10001)  # the header says 32000 bytes
    assert len(read_wav(path).samples) == 5000
    assert repair_wav(path) is True
    assert len(soundfile.read(str(path))[0]) == 5000


def test_placeholder_sizes_are_read_to_the_end(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    with WavWriter(path, 8000) as writer:
        writer.write(to_pcm16(ramp(800)))
    data = bytearray(path.read_bytes())
    data[4:8] = data[40:44] = struct.pack("<I", 0xFFFFFFFF)
    path.write_bytes(bytes(data))
    assert read_wav(path).duration == 0.1


def test_a_chunk_after_the_samples_is_not_read_as_sound(tmp_path: Path) -> None:
    path = tmp_path / "tagged.wav"
    with WavWriter(path, 16000) as writer:
        writer.write(to_pcm16(ramp(1600)))
    with path.open("ab") as stream:
        stream.write(b"LIST" + struct.pack("<I", 4) + b"INFO")
    assert len(read_wav(path).samples) == 1600
    assert repair_wav(path) is False


@pytest.mark.parametrize(
    ("subtype", "channels", "rate"),
    [("PCM_16", 2, 44100), ("PCM_24", 1, 22050), ("FLOAT", 2, 48000), ("PCM_U8", 1, 8000)],
)
def test_other_kinds_of_wav(tmp_path: Path, subtype: str, channels: int, rate: int) -> None:
    path = tmp_path / "other.wav"
    mono = ramp(rate // 2)
    soundfile.write(str(path), np.stack([mono] * channels, axis=1), rate, subtype=subtype)
    audio = read_wav(path)
    assert audio.rate == rate
    assert len(audio.samples) == rate // 2
    assert np.max(np.abs(audio.samples - mono)) < 0.01


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a WAV file"),
        (b"ID3\x03 an mp3 file of sorts", "not a WAV file"),
        (b"RIFF\x04\x00\x00\x00WAVE", "not a complete WAV file"),
    ],
)
def test_what_is_not_a_wav_file_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(WavError, match=message) as caught:
        read_wav(path)
    assert str(path) in str(caught.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WavError, match="cannot be read"):
        read_wav(tmp_path / "none.wav")
