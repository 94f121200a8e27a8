"""Shared by the voice tests: where the committed recordings are, and fake devices."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

AUDIO = Path(__file__).resolve().parent / "audio"
"""The committed recordings, made by make_audio.py."""


def manifest() -> dict[str, Any]:
    """What each committed recording says, and where its silences are."""
    data: dict[str, Any] = json.loads((AUDIO / "manifest.json").read_text("utf-8"))
    return data


class FakeInputStream:
    """Stands in for sounddevice.InputStream: the test pushes blocks with :meth:`push`."""

    def __init__(self, rate: int, callback: Callable[[Any, int, Any, Any], None]) -> None:
        self.samplerate = float(rate)
        self.callback = callback
        self.started = self.stopped = self.closed = False

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def close(self) -> None:
        self.closed = True

    def push(self, block: Any) -> None:
        """One block from the "microphone", as PortAudio would hand it over."""
        self.callback(block, len(block), None, None)


class FakeOutputStream:
    """Stands in for sounddevice.OutputStream: a thread asks for blocks, as PortAudio does,
    and keeps what it was given."""

    def __init__(self, rate: int, callback: Callable[[Any, int, Any, Any], None]) -> None:
        import numpy as np

        self.samplerate = float(rate)
        self.callback = callback
        self.played: list[Any] = []
        self.stopped = self.closed = False
        self._np = np
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._halt = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._halt.is_set() and len(self.played) < 10_000:
            out = self._np.full((256, 1), 9.0, dtype=self._np.float32)
            self.callback(out, 256, None, None)
            self.played.append(out[:, 0].copy())

    def stop(self) -> None:
        self._halt.set()
        self.stopped = True
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()

    def close(self) -> None:
        self.closed = True
