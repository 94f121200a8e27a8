"""The interviewer's voice: a speech program (espeak-ng, ``say`` or SAPI) reading a line.

The program runs without a shell; the persona's voice settings become separate arguments
and the text goes in on standard input, so nothing in a pack can become a command or an
option. Tests pass a fake ``spawn``.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Protocol

from simulator.packs.records import PersonaVoice

PYTTSX3_SCRIPT = (
    "import sys, pyttsx3\n"
    "engine = pyttsx3.init()\n"
    "rate = int(sys.argv[1])\n"
    "if rate: engine.setProperty('rate', rate)\n"
    "engine.say(sys.stdin.read())\n"
    "engine.runAndWait()\n"
)
"""Speaks standard input through pyttsx3 (SAPI on Windows) at the rate given (0: its own)."""


class Process(Protocol):
    """What the speaker needs of a running program (a ``subprocess.Popen``)."""

    stdin: IO[bytes] | None

    def poll(self) -> int | None:
        """The exit code, or None while it runs."""

    def wait(self, timeout: float | None = None) -> int:
        """Wait for it to end."""

    def terminate(self) -> None:
        """Ask it to stop."""


Spawn = Callable[[Sequence[str]], Process]
"""Starts a program from its arguments, its standard input a pipe."""


def _spawn(arguments: Sequence[str]) -> Process:
    return subprocess.Popen(
        list(arguments),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@dataclass(frozen=True)
class SpeechProgram:
    """A program that speaks text from its standard input."""

    name: str
    """``espeak-ng``, ``espeak``, ``say`` or ``pyttsx3``."""
    path: str
    """The program run (for pyttsx3, this Python)."""

    def arguments(self, voice: PersonaVoice | None, language: str = "en") -> list[str]:
        """The command line that speaks standard input with ``voice``."""
        voice = voice or PersonaVoice()
        if self.name in ("espeak-ng", "espeak"):
            name = language.lower() or "en"
            if voice.variant:
                name += f"+{voice.variant}"
            found = [self.path, "-v", name]
            if voice.rate is not None:
                found += ["-s", str(voice.rate)]
            if voice.pitch is not None:
                found += ["-p", str(voice.pitch)]
            return [*found, "--stdin"]
        if self.name == "say":
            rate = [] if voice.rate is None else ["-r", str(voice.rate)]
            return [self.path, *rate, "-f", "-"]
        return [self.path, "-c", PYTTSX3_SCRIPT, str(voice.rate or 0)]


Which = Callable[[str], str | None]
"""Finds a program on the PATH (``shutil.which``)."""


def find_speech_program(
    which: Which = shutil.which, has_module: Callable[[str], bool] | None = None
) -> SpeechProgram | None:
    """The first speech program found: espeak-ng, espeak, ``say`` (macOS), then pyttsx3
    (SAPI on Windows); None when there is none."""
    for name in ("espeak-ng", "espeak", "say"):
        path = which(name)
        if path:
            return SpeechProgram(name, path)
    if has_module is None:
        import importlib.util

        def has_module(module: str) -> bool:
            return importlib.util.find_spec(module) is not None

    if has_module("pyttsx3"):
        return SpeechProgram("pyttsx3", sys.executable)
    return None


class Speaker:
    """Reads the interviewer's lines aloud, one at a time: a new line stops the last."""

    def __init__(
        self,
        program: SpeechProgram,
        voice: PersonaVoice | None = None,
        language: str = "en",
        spawn: Spawn = _spawn,
    ) -> None:
        """A speaker using ``program`` with the persona's ``voice`` in ``language``."""
        self.program = program
        """The speech program used."""
        self.voice = voice
        """The persona's voice settings (None: the program's own)."""
        self.language = language
        """The pack's language (espeak-ng picks its voice by it)."""
        self._spawn = spawn
        self._process: Process | None = None
        self._lock = threading.Lock()

    @property
    def speaking(self) -> bool:
        """Whether a line is being read."""
        process = self._process
        return process is not None and process.poll() is None

    def say(self, text: str) -> None:
        """Start reading ``text`` aloud (returns at once). Raises OSError when the program
        cannot be started."""
        with self._lock:
            self._stop_locked()
            process = self._spawn(self.program.arguments(self.voice, self.language))
            self._process = process
            if process.stdin is not None:
                try:
                    process.stdin.write(text.encode("utf-8"))
                    process.stdin.close()
                except OSError:  # it ended already: nothing more to say
                    pass

    def wait(self, timeout: float | None = None) -> None:
        """Wait until the line has been read. Raises subprocess.TimeoutExpired."""
        process = self._process
        if process is not None:
            process.wait(timeout)

    def stop(self) -> None:
        """Stop reading at once."""
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(2)
