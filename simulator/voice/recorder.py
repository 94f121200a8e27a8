"""Recording an answer from the microphone into a WAV file, safe against a crash.

PortAudio (through sounddevice) calls :meth:`Recorder._callback` on its own thread with
each block; the callback only copies the block into a queue. A writer thread appends the
blocks to the file, tells the listener (the live transcriber), keeps the level and the
time, and flushes the file at least every :data:`FLUSH_SECONDS`, so ``kill -9`` keeps what
was said up to then. Tests pass a fake stream through ``open_stream``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from simulator.voice.activity import level_of
from simulator.voice.audio import TARGET_RATE, Samples, to_mono, to_pcm16
from simulator.voice.extra import VoiceUnavailable, load
from simulator.voice.wavfile import WavWriter

FLUSH_SECONDS = 0.5
"""The longest the file goes without its samples and sizes written out."""


class AudioStream(Protocol):
    """What the recorder and the player need of a sounddevice stream."""

    samplerate: float
    """The rate the device runs at."""

    def start(self) -> None:
        """Start calling the callback."""

    def stop(self) -> None:
        """Stop calling the callback, once the blocks already taken are done."""

    def close(self) -> None:
        """Release the device."""


InputCallback = Callable[[Any, int, Any, Any], None]
"""sounddevice's input callback: (samples, frames, time, status)."""
OpenInput = Callable[[int, InputCallback], AudioStream]
"""Opens an input stream at a rate (frames a second) that calls the callback."""


class Listener(Protocol):
    """Hears every block as it is written (:class:`~simulator.voice.live.LiveTranscriber`)."""

    def feed(self, samples: Samples, rate: int) -> None:
        """One block of mono float samples at ``rate``."""


def open_microphone(rate: int, callback: InputCallback) -> AudioStream:
    """The default microphone at ``rate`` (or, when it cannot run at that rate, at its
    own), one channel of 16-bit samples. Raises VoiceUnavailable."""
    sounddevice = load("sounddevice")
    for wanted in (rate, None):
        try:
            stream: AudioStream = sounddevice.InputStream(
                samplerate=wanted,
                channels=1,
                dtype="int16",
                blocksize=0,
                latency="low",
                callback=callback,
            )
            return stream
        except sounddevice.PortAudioError as error:
            failure = error
    raise VoiceUnavailable(f"the microphone cannot be opened: {failure}")


@dataclass(frozen=True)
class Recording:
    """A finished recording."""

    path: Path
    """The WAV file."""
    duration: float
    """Seconds recorded."""
    rate: int
    """Frames a second in the file."""


class Recorder:
    """Records one answer into ``path``: :meth:`start`, then :meth:`stop`. The level and
    the time so far can be read at any moment (for the recording indicator)."""

    def __init__(
        self,
        path: Path,
        *,
        listener: Listener | None = None,
        open_stream: OpenInput = open_microphone,
        rate: int = TARGET_RATE,
    ) -> None:
        """A recorder into ``path`` (created with its folder on :meth:`start`) that hands
        every block to ``listener``."""
        self.path = Path(path)
        """The WAV file written."""
        self._listener = listener
        self._open = open_stream
        self._wanted_rate = rate
        self._blocks: queue.Queue[Samples | None] = queue.Queue()
        self._stream: AudioStream | None = None
        self._writer: WavWriter | None = None
        self._thread: threading.Thread | None = None
        self._level = 0.0
        self._error: BaseException | None = None
        self.rate = rate
        """Frames a second being recorded (the device's, once started)."""

    @property
    def level(self) -> float:
        """How loud the last block was, from 0 to 1."""
        return self._level

    @property
    def elapsed(self) -> float:
        """Seconds written so far."""
        writer = self._writer
        return writer.frames / writer.rate if writer is not None and writer.rate else 0.0

    @property
    def recording(self) -> bool:
        """Whether :meth:`start` was called and :meth:`stop` not yet."""
        return self._stream is not None

    def _callback(self, samples: Any, frames: int, time: Any, status: Any) -> None:
        # PortAudio's thread: copy and return; the writer does the rest.
        self._blocks.put(samples.copy())

    def start(self) -> None:
        """Open the microphone and the file and start recording. Raises VoiceUnavailable
        (no microphone, no PortAudio) or OSError (the file cannot be written)."""
        if self._stream is not None:
            raise RuntimeError("already recording")
        stream = self._open(self._wanted_rate, self._callback)
        try:
            self.rate = int(stream.samplerate)
            self._writer = WavWriter(self.path, self.rate)
        except BaseException:
            stream.close()
            raise
        self._thread = threading.Thread(target=self._write, name="recorder", daemon=True)
        self._thread.start()
        self._stream = stream
        stream.start()

    def _write(self) -> None:
        writer = self._writer
        assert writer is not None
        unflushed = 0
        try:
            while True:
                block = self._blocks.get()
                if block is None:
                    break
                mono = to_mono(block)
                writer.write(to_pcm16(mono))
                self._level = level_of(mono)
                unflushed += len(mono)
                if unflushed >= FLUSH_SECONDS * self.rate:
                    writer.flush()
                    unflushed = 0
                if self._listener is not None:
                    self._listener.feed(mono, self.rate)
        except BaseException as error:  # handed to the caller of stop()
            self._error = error

    def stop(self) -> Recording:
        """Stop recording, write the rest and close the file. Raises what writing met."""
        stream, thread, writer = self._stream, self._thread, self._writer
        if stream is None or thread is None or writer is None:
            raise RuntimeError("not recording")
        self._stream = None
        try:
            stream.stop()
        finally:
            stream.close()
            self._blocks.put(None)
            thread.join()
            writer.close()
        self._level = 0.0
        if self._error is not None:
            raise self._error
        return Recording(self.path, writer.frames / self.rate, self.rate)
