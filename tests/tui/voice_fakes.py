"""Fake microphone, speakers, recogniser and speech program for driving speaking in the app.

The recorder itself is real (it writes a real WAV file into the journal's recordings
folder); only the devices and, unless a test asks for pocketsphinx, the recogniser are
fakes. Tests using them need numpy (the voice extra) and skip without it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VOICE_TESTS = Path(__file__).resolve().parents[1] / "voice"
if str(VOICE_TESTS) not in sys.path:
    sys.path.insert(0, str(VOICE_TESTS))

from textual.pilot import Pilot  # noqa: E402
from voice_helpers import AUDIO, FakeInputStream, FakeOutputStream  # noqa: E402

from simulator.engine.insights.delivery import TimedWord  # noqa: E402
from simulator.services.context import Context  # noqa: E402
from simulator.services.voice_kit import VoiceKit  # noqa: E402
from simulator.tui.app import MockInterviewApp  # noqa: E402
from simulator.tui.screens.interview import InterviewScreen  # noqa: E402
from simulator.tui.widgets.recording_bar import RecordingBar  # noqa: E402
from simulator.voice.transcript import Recogniser, Transcript  # noqa: E402

from tui_helpers import to_first_question  # noqa: E402

MakeApp = Callable[..., MockInterviewApp]


class PacedOutputStream(FakeOutputStream):
    """Speakers that take their time: each 256-sample block takes 16 ms, as in real time."""

    def _run(self) -> None:
        while not self._halt.is_set() and len(self.played) < 10_000:
            out = self._np.full((256, 1), 9.0, dtype=self._np.float32)
            self.callback(out, 256, None, None)
            self.played.append(out[:, 0].copy())
            time.sleep(0.016)


class FakeStream:
    """A recognition stream that counts the samples fed and hears the words it was given."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.fed = 0
        self.rate = 16000

    def feed(self, samples: Any, rate: int) -> None:
        self.fed += len(samples)
        self.rate = rate

    def finish(self) -> Transcript:
        seconds = self.fed / self.rate if self.rate else 0.0
        step = seconds / max(1, len(self.words))
        timed = tuple(
            TimedWord(word, round(index * step, 2), round((index + 0.8) * step, 2))
            for index, word in enumerate(self.words)
        )
        return Transcript(timed, seconds, "fake")


class FakeRecogniser:
    """Hears the words ``words()`` gives in whatever it is fed."""

    name = "fake"

    def __init__(self, words: Callable[[], list[str]]) -> None:
        self.words = words

    def start(self) -> FakeStream:
        return FakeStream(self.words())

    def transcribe(self, samples: Any, rate: int) -> Transcript:
        stream = self.start()
        stream.feed(samples, rate)
        return stream.finish()


@dataclass
class FakeSpeaker:
    """Keeps the lines it was asked to say."""

    lines: list[str] = field(default_factory=list)
    stops: int = 0

    def say(self, text: str) -> None:
        self.lines.append(text)

    def stop(self) -> None:
        self.stops += 1


@dataclass
class Fakes:
    """Every fake device, and the kit that hands them to the app."""

    words: list[str] = field(
        default_factory=lambda: ["we", "cut", "the", "build", "time", "in", "half"]
    )
    recogniser: Recogniser | None = None
    microphones: list[FakeInputStream] = field(default_factory=list)
    speakers: list[FakeOutputStream] = field(default_factory=list)
    speaker: FakeSpeaker = field(default_factory=FakeSpeaker)
    paced: bool = False
    no_microphone: str = ""
    missing: list[str] = field(default_factory=list)

    def open_input(self, rate: int, callback: Callable[..., None]) -> FakeInputStream:
        if self.no_microphone:
            from simulator.voice.extra import VoiceUnavailable

            raise VoiceUnavailable(self.no_microphone)
        self.microphones.append(FakeInputStream(rate, callback))
        return self.microphones[-1]

    def open_output(self, rate: int, callback: Callable[..., None]) -> FakeOutputStream:
        kind = PacedOutputStream if self.paced else FakeOutputStream
        self.speakers.append(kind(rate, callback))
        return self.speakers[-1]

    def kit(self) -> VoiceKit:
        return VoiceKit(
            open_input=self.open_input,
            open_output=self.open_output,
            make_recogniser=lambda _settings: (
                self.recogniser or FakeRecogniser(lambda: self.words)
            ),
            make_speaker=lambda _voice, _language: self.speaker,
            missing=lambda: list(self.missing),
        )

    def speak(self, seconds: float, level: float = 0.3, block: int = 800) -> None:
        """Push ``seconds`` of a steady tone into the open microphone, in 50 ms blocks."""
        import numpy as np

        total = round(seconds * 16000)
        tone = (np.sin(np.arange(total) * 2 * np.pi * 220 / 16000) * level * 32767).astype(
            np.int16
        )
        self.push(tone, block)

    def speak_file(self, name: str, block: int = 800) -> float:
        """Push a committed recording into the open microphone; its length in seconds."""
        import numpy as np

        from simulator.voice.wavfile import read_wav

        audio = read_wav(AUDIO / name)
        pcm = np.round(audio.samples * 32768).clip(-32768, 32767).astype(np.int16)
        self.push(pcm, block)
        return audio.duration

    def push(self, pcm: Any, block: int) -> None:
        stream = self.microphones[-1]
        for start in range(0, len(pcm), block):
            stream.push(pcm[start : start + block].reshape(-1, 1))


def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll ``check`` (off the app's loop: for threads such as the recorder's)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.01)
    return check()


def app_with(make_app: MakeApp, fakes: Fakes) -> MockInterviewApp:
    context = Context.create()
    context.voice = fakes.kit()
    return make_app(context)


async def until(pilot: Pilot[int], check: Callable[[], bool], timeout: float = 15.0) -> None:
    """Let the app run until ``check()`` holds."""
    for _ in range(int(timeout / 0.02)):
        if check():
            return
        await pilot.pause(0.02)
    assert check(), "timed out"


def interview(app: MockInterviewApp) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


def bar_text(app: MockInterviewApp) -> str:
    bar = app.screen.query_one(RecordingBar)
    return str(bar.render()) if bar.display else ""


def notices(app: MockInterviewApp) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


async def ready_to_speak(app: MockInterviewApp, pilot: Pilot[int]) -> InterviewScreen:
    await to_first_question(app, pilot, "rigorous-tech-lead")
    screen = interview(app)
    await until(pilot, lambda: screen.voice_state == "idle")  # nothing left to recover
    return screen


async def record(app: MockInterviewApp, pilot: Pilot[int], fakes: Fakes, seconds: float) -> None:
    """f2, speak for ``seconds``, f2, and wait for the transcript."""
    screen = interview(app)
    await pilot.press("f2")
    await until(pilot, lambda: screen.voice_state == "recording")
    fakes.speak(seconds)
    spoken = screen._spoken
    assert spoken is not None
    await until(pilot, lambda: spoken.elapsed >= seconds)
    await until(pilot, lambda: "Recording" in bar_text(app))
    await pilot.press("f2")
    await until(pilot, lambda: screen.voice_state == "idle")
