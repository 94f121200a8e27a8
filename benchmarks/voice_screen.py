"""Stop to transcript on screen: the whole app, a spoken answer and f2.

The app runs headless (Textual's test driver) with a fake microphone that is fed the
committed recordings joined into a long answer, in real time, while the real pocketsphinx
transcribes it as the app does. The time runs from the f2 that stops the recording until
the transcript is in the answer box and the screen has been refreshed with it.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

from benchmarks.voice import BLOCK_SECONDS, long_answer


class Microphone:
    """A stand-in for sounddevice's input stream; :meth:`feed` plays the answer into it."""

    def __init__(self, rate: int, callback: Callable[[Any, int, Any, Any], None]) -> None:
        self.samplerate = float(rate)
        self.callback = callback

    def start(self) -> None:
        """Nothing to start."""

    def stop(self) -> None:
        """Nothing to stop."""

    def close(self) -> None:
        """Nothing to release."""

    def feed(self, samples: Any, rate: int) -> None:
        """The answer as 16-bit blocks of :data:`BLOCK_SECONDS`, at the pace they are said."""
        import numpy as np

        pcm = np.round(samples * 32768).clip(-32768, 32767).astype(np.int16)
        block = round(rate * BLOCK_SECONDS)
        started = time.perf_counter()
        for number, start in enumerate(range(0, len(pcm), block)):
            pause = started + number * BLOCK_SECONDS - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            piece = pcm[start : start + block].reshape(-1, 1)
            self.callback(piece, len(piece), None, None)


async def _until(pilot: Any, check: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there")
        await pilot.pause(0.01)


async def _drive(answer_seconds: float) -> float:
    from simulator.services.context import Context
    from simulator.services.practice import StartOptions
    from simulator.services.voice_kit import VoiceKit
    from simulator.tui.app import create_app
    from simulator.voice.sphinx import PocketSphinx

    recogniser = PocketSphinx()
    recogniser.warm()
    microphones: list[Microphone] = []

    def microphone(rate: int, callback: Callable[[Any, int, Any, Any], None]) -> Microphone:
        microphones.append(Microphone(rate, callback))
        return microphones[-1]

    context = Context.create()
    context.voice = VoiceKit(
        open_input=microphone, make_recogniser=lambda _settings: recogniser, missing=list
    )
    app = create_app(context, start=StartOptions("rigorous-tech-lead", question_count=1))
    samples, rate = long_answer(answer_seconds)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: app.practice is not None)
        practice = app.practice
        assert practice is not None
        while practice.session.step().question is None:
            await pilot.press("ctrl+s")
            await pilot.pause()
        screen: Any = app.screen
        await _until(pilot, lambda: getattr(screen, "voice_state", "") == "idle")
        await pilot.press("f2")
        await _until(pilot, lambda: screen.voice_state == "recording")
        feeding = threading.Thread(target=microphones[0].feed, args=(samples, rate))
        feeding.start()
        while feeding.is_alive():
            await pilot.pause(0.05)
        editor = screen.query_one("#answer")
        stopped = time.perf_counter()
        await pilot.press("f2")
        await _until(pilot, lambda: bool(editor.text))
        await pilot.pause()  # the refresh that draws it
        drawn = time.perf_counter() - stopped
        await app.action_quit()
    return drawn


def stop_to_screen(answer_seconds: float) -> float:
    """Seconds from the f2 that stops an answer of ``answer_seconds`` to its transcript on
    screen; needs the voice extra."""
    return asyncio.run(_drive(answer_seconds))
