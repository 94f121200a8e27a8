"""WAV files: written as they are recorded so a crash loses at most a second, and read back
whatever their rate or channels, mended when the writer never finished.

:class:`WavWriter` writes 16-bit PCM with a header whose sizes it brings up to date each
time it flushes. A file cut short by ``kill -9`` or a power cut therefore has a header that
is right up to the last flush; :func:`read_wav` reads the samples written after it too, and
:func:`repair_wav` writes the true sizes into the file.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from simulator.common.closing import ClosedOnExit
from simulator.voice.audio import Audio, to_mono
from simulator.voice.extra import load

HEADER_SIZE = 44
"""Bytes before the samples in the files :class:`WavWriter` writes."""

_PCM = 1
_EXTENSIBLE = 0xFFFE


class WavError(Exception):
    """A file is not a WAV file that can be read; the message says why, naming the file."""


@dataclass(frozen=True)
class WavLayout:
    """Where a WAV file's samples are and what they look like."""

    format: int
    """1 for integer PCM (also when written as WAVE_FORMAT_EXTENSIBLE), 3 for float."""
    channels: int
    """Channels per frame."""
    rate: int
    """Frames a second."""
    bits: int
    """Bits per sample."""
    data_offset: int
    """Where the samples start in the file."""
    data_size: int
    """Bytes of samples that can be read: the header's size, or up to the end of the file
    when the header says less than the file holds (the writer stopped before updating it)
    or more (the file was cut short)."""
    declared_size: int
    """The data size the header gives."""

    @property
    def frame_bytes(self) -> int:
        """Bytes per frame (all channels of one sample)."""
        return self.channels * self.bits // 8


def _header(channels: int, rate: int, data_size: int) -> bytes:
    block = channels * 2
    return b"".join(
        (
            b"RIFF",
            struct.pack("<I", min(0xFFFFFFFF, 36 + data_size)),
            b"WAVEfmt ",
            struct.pack("<IHHIIHH", 16, _PCM, channels, rate, rate * block, block, 16),
            b"data",
            struct.pack("<I", min(0xFFFFFFFF, data_size)),
        )
    )


class WavWriter(ClosedOnExit):
    """A 16-bit PCM WAV file written a block at a time; :meth:`flush` makes everything so
    far readable, even if the program is killed straight after."""

    def __init__(self, path: Path, rate: int, channels: int = 1) -> None:
        """Create (or replace) ``path``, with its folder, and write the header."""
        self.path = Path(path)
        """The file written."""
        self.rate = rate
        """Frames a second."""
        self.channels = channels
        """Channels per frame."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file: BinaryIO | None = self.path.open("wb")
        self._written = 0
        self._file.write(_header(channels, rate, 0))

    @property
    def frames(self) -> int:
        """Frames written so far."""
        return self._written // (2 * self.channels)

    def write(self, pcm: bytes) -> None:
        """Append 16-bit little-endian samples (whole frames)."""
        if self._file is None:
            raise ValueError(f"{self.path} is closed")
        self._file.write(pcm)
        self._written += len(pcm)

    def flush(self, sync: bool = False) -> None:
        """Put the samples and then the sizes in the header into the file (the samples
        first: a header never claims more than is there); with ``sync``, onto the disk."""
        stream = self._file
        if stream is None:
            return
        stream.flush()
        stream.seek(4)
        stream.write(struct.pack("<I", min(0xFFFFFFFF, 36 + self._written)))
        stream.seek(40)
        stream.write(struct.pack("<I", min(0xFFFFFFFF, self._written)))
        stream.seek(0, os.SEEK_END)
        stream.flush()
        if sync:
            os.fsync(stream.fileno())

    def close(self) -> None:
        """Flush onto the disk and close."""
        if self._file is not None:
            self.flush(sync=True)
            self._file.close()
            self._file = None


def _chunks(data: bytes, path: Path) -> tuple[dict[bytes, tuple[int, int]], int]:
    """Each chunk's (offset of its body, declared size) by id, and the bytes after the
    data chunk's declared end that look like no chunk (samples the header missed)."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise WavError(f"{path} is not a WAV file (no RIFF/WAVE header)")
    found: dict[bytes, tuple[int, int]] = {}
    offset = 12
    while offset + 8 <= len(data):
        name = data[offset : offset + 4]
        (size,) = struct.unpack("<I", data[offset + 4 : offset + 8])
        found.setdefault(name, (offset + 8, size))
        if name == b"data":
            end = offset + 8 + size
            if end < len(data) and not _looks_like_chunk(data, end + (size & 1)):
                return found, len(data) - end
            return found, 0
        offset += 8 + size + (size & 1)
    return found, 0


def _looks_like_chunk(data: bytes, offset: int) -> bool:
    if offset + 8 > len(data):
        return False
    name = data[offset : offset + 4]
    (size,) = struct.unpack("<I", data[offset + 4 : offset + 8])
    return all(32 <= byte < 127 for byte in name) and offset + 8 + size <= len(data)


def wav_layout(data: bytes, path: Path) -> WavLayout:
    """Where the samples are in a WAV file's bytes; raises :class:`WavError`."""
    chunks, extra = _chunks(data, path)
    if b"fmt " not in chunks or b"data" not in chunks:
        raise WavError(f"{path} is not a complete WAV file (no fmt or data chunk)")
    start, size = chunks[b"fmt "]
    if size < 16:
        raise WavError(f"{path}: its format chunk is too short")
    fmt, channels, rate, _, _, bits = struct.unpack("<HHIIHH", data[start : start + 16])
    if fmt == _EXTENSIBLE and size >= 26:
        (fmt,) = struct.unpack("<H", data[start + 24 : start + 26])
    if channels < 1 or rate < 1 or bits < 8:
        raise WavError(f"{path}: {channels} channels at {rate} Hz, {bits} bits is not sound")
    offset, declared = chunks[b"data"]
    available = max(0, len(data) - offset)
    readable = min(declared, available) + extra
    block = channels * bits // 8
    return WavLayout(fmt, channels, rate, bits, offset, readable - readable % block, declared)


def _numpy_dtype(layout: WavLayout) -> str | None:
    """The numpy type of the samples when numpy can read them directly, else None."""
    if layout.format == _PCM and layout.bits in (8, 16, 32):
        return {8: "u1", 16: "<i2", 32: "<i4"}[layout.bits]
    if layout.format == 3 and layout.bits in (32, 64):
        return {32: "<f4", 64: "<f8"}[layout.bits]
    return None


def read_wav(path: Path) -> Audio:
    """A WAV file as mono float samples at its own rate: any rate, any channels, integer or
    float samples; a file whose writer was killed is read up to where it stops.
    Raises :class:`WavError` (and :class:`~simulator.voice.extra.VoiceUnavailable` when
    the voice extra is missing)."""
    path = Path(path)
    data = _read_bytes(path)
    layout = wav_layout(data, path)
    kind = _numpy_dtype(layout)
    if kind is None:
        return _read_with_soundfile(path)
    numpy = load("numpy")
    body = data[layout.data_offset : layout.data_offset + layout.data_size]
    samples = numpy.frombuffer(body, dtype=kind).reshape(-1, layout.channels)
    return Audio(to_mono(samples), layout.rate)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise WavError(f"{path} cannot be read: {error.strerror or error}") from None


def _read_with_soundfile(path: Path) -> Audio:
    """24-bit, A-law and other kinds numpy cannot read directly, through libsndfile."""
    soundfile = load("soundfile")
    try:
        samples, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (RuntimeError, soundfile.LibsndfileError) as error:
        raise WavError(f"{path} cannot be read as sound: {error}") from None
    return Audio(to_mono(samples), int(rate))


def repair_wav(path: Path) -> bool:
    """Write the true sizes into the header of a WAV file whose writer stopped early, and
    drop a half-written last frame. Returns whether anything changed."""
    path = Path(path)
    data = _read_bytes(path)
    layout = wav_layout(data, path)
    if layout.declared_size == layout.data_size:
        return False
    # The sizes disagree only when the data chunk runs to the end of the file.
    length = layout.data_offset + layout.data_size
    with path.open("r+b") as stream:
        stream.truncate(length)
        stream.seek(4)
        stream.write(struct.pack("<I", min(0xFFFFFFFF, length - 8)))
        stream.seek(layout.data_offset - 4)
        stream.write(struct.pack("<I", min(0xFFFFFFFF, layout.data_size)))
        stream.flush()
        os.fsync(stream.fileno())
    return True
