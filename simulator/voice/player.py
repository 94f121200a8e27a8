"""Playing a recording back through the speakers.

PortAudio asks :meth:`Player._callback` for each block on its own thread; the player hands
out the next samples, then silence once the recording is over, and a small thread closes
the stream. Tests pass a fake stream through ``open_stream``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from simulator.voice.audio import Audio
from simulator.voice.extra import VoiceUnavailable, load
from simulator.voice.recorder import AudioStream

OutputCallback = Callable[[Any, int, Any, Any], None]
"""sounddevice's output callback: (buffer to fill, frames, time, status)."""
OpenOutput = Callable[[int, OutputCallback], AudioStream]
"""Opens a one-channel float output stream at a rate that calls the callback."""


def open_speakers(rate: int, callback: OutputCallback) -> AudioStream:
    """The default output device at ``rate``, one channel of float samples. Raises
    VoiceUnavailable."""
    sounddevice = load("sounddevice")
    try:
        stream: AudioStream = sounddevice.OutputStream(
            samplerate=rate, channels=1, dtype="float32", callback=callback
        )
    except sounddevice.PortAudioError as error:
        raise VoiceUnavailable(f"the speakers cannot be opened: {error}") from None
    return stream


class Player:
    """Plays one recording at a time: :meth:`play`, :meth:`stop`, and the position."""

    def __init__(self, open_stream: OpenOutput = open_speakers) -> None:
        """A player that opens its output with ``open_stream``."""
        self._open = open_stream
        self._audio: Audio | None = None
        self._position = 0
        self._done = threading.Event()
        self._done.set()
        self._closer: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def playing(self) -> bool:
        """Whether a recording is being played."""
        return not self._done.is_set()

    @property
    def position(self) -> float:
        """Seconds played of the current (or last) recording."""
        audio = self._audio
        return self._position / audio.rate if audio is not None and audio.rate else 0.0

    def play(self, audio: Audio) -> None:
        """Play ``audio`` from the start (stopping anything playing). Raises
        VoiceUnavailable when there is no output device."""
        self.stop()
        with self._lock:
            self._audio, self._position = audio, 0
            self._done.clear()
            try:
                stream = self._open(audio.rate, self._callback)
                stream.start()
            except BaseException:
                self._done.set()
                raise
            self._closer = threading.Thread(
                target=self._close_when_done, args=(stream,), name="player", daemon=True
            )
            self._closer.start()

    def _callback(self, out: Any, frames: int, time: Any, status: Any) -> None:
        audio = self._audio
        if audio is None or self._done.is_set():
            out.fill(0)
            return
        start = self._position
        piece = audio.samples[start : start + frames]
        out[: len(piece), 0] = piece
        out[len(piece) :, 0] = 0
        self._position = start + len(piece)
        if self._position >= len(audio.samples):
            self._done.set()

    def _close_when_done(self, stream: AudioStream) -> None:
        self._done.wait()
        try:
            stream.stop()
        finally:
            stream.close()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the recording has played (or been stopped); whether it has."""
        finished = self._done.wait(timeout)
        closer = self._closer
        if finished and closer is not None:
            closer.join(timeout)
        return finished

    def stop(self) -> None:
        """Stop playing at once."""
        self._done.set()
        closer = self._closer
        if closer is not None and closer is not threading.current_thread():
            closer.join()
