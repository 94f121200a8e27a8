"""The interviewer's voice: the speech program's arguments (never a shell), the text on
standard input, one line at a time; finding a program."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Sequence

import pytest

from simulator.packs.records import PersonaVoice
from simulator.voice.speaker import Speaker, SpeechProgram, find_speech_program


class FakeProcess:
    def __init__(self, arguments: Sequence[str]) -> None:
        self.arguments = list(arguments)
        self.stdin = io.BytesIO()
        self.said = b""
        self.running = True
        self.terminated = False
        original_close = self.stdin.close

        def close() -> None:
            self.said = self.stdin.getvalue()
            original_close()

        self.stdin.close = close  # type: ignore[method-assign]

    def poll(self) -> int | None:
        return None if self.running else 0

    def wait(self, timeout: float | None = None) -> int:
        self.running = False
        return 0

    def terminate(self) -> None:
        self.terminated = True
        self.running = False


class Spawner:
    def __init__(self) -> None:
        self.processes: list[FakeProcess] = []

    def __call__(self, arguments: Sequence[str]) -> FakeProcess:
        self.processes.append(FakeProcess(arguments))
        return self.processes[-1]


ESPEAK = SpeechProgram("espeak-ng", "/usr/bin/espeak-ng")


def test_the_persona_voice_becomes_separate_arguments() -> None:
    voice = PersonaVoice(rate=160, pitch=35, variant="f3")
    assert ESPEAK.arguments(voice, "en-GB") == [
        "/usr/bin/espeak-ng", "-v", "en-gb+f3", "-s", "160", "-p", "35", "--stdin",
    ]  # fmt: skip
    assert ESPEAK.arguments(None) == ["/usr/bin/espeak-ng", "-v", "en", "--stdin"]
    say = SpeechProgram("say", "/usr/bin/say")
    assert say.arguments(voice) == ["/usr/bin/say", "-r", "160", "-f", "-"]
    assert say.arguments(None) == ["/usr/bin/say", "-f", "-"]
    sapi = SpeechProgram("pyttsx3", sys.executable).arguments(voice)
    assert sapi[:2] == [sys.executable, "-c"] and sapi[-1] == "160"


def test_the_text_goes_in_on_standard_input_never_as_an_argument() -> None:
    spawn = Spawner()
    speaker = Speaker(ESPEAK, PersonaVoice(pitch=70), spawn=spawn)
    line = "--version; rm -rf ~ $(reboot) [b]Hi[/b]"
    speaker.say(line)
    process = spawn.processes[0]
    assert process.said == line.encode()
    assert line not in process.arguments
    assert speaker.speaking
    speaker.wait()
    assert not speaker.speaking


def test_a_new_line_stops_the_last_and_stop_stops_it() -> None:
    spawn = Spawner()
    speaker = Speaker(ESPEAK, spawn=spawn)
    speaker.say("Hello, I'm Priya.")
    speaker.say("Tell me about yourself.")
    first, second = spawn.processes
    assert first.terminated and not second.terminated
    speaker.stop()
    assert second.terminated and not speaker.speaking


def test_a_program_is_found_in_order() -> None:
    found = {"say": "/usr/bin/say", "espeak": "/usr/bin/espeak"}
    program = find_speech_program(found.get, lambda module: False)
    assert program == SpeechProgram("espeak", "/usr/bin/espeak")
    assert find_speech_program({"say": "/usr/bin/say"}.get) == SpeechProgram("say", "/usr/bin/say")
    assert find_speech_program(lambda name: None, lambda module: module == "pyttsx3") == (
        SpeechProgram("pyttsx3", sys.executable)
    )
    assert find_speech_program(lambda name: None, lambda module: False) is None


def test_a_real_process_is_given_the_line_and_waited_for() -> None:
    # A stand-in for the speech program that reads its input and ends: nothing is heard.
    reader = [sys.executable, "-c", "import sys; sys.stdin.read()"]
    speaker = Speaker(ESPEAK, spawn=lambda _: subprocess.Popen(reader, stdin=subprocess.PIPE))
    speaker.say("Thanks, that's all from me.")
    speaker.wait(10)
    assert not speaker.speaking


@pytest.mark.parametrize("variant", [None, "m2"])
def test_espeak_voice_names(variant: str | None) -> None:
    arguments = ESPEAK.arguments(PersonaVoice(variant=variant), "pt-BR")
    assert arguments[2] == ("pt-br" if variant is None else "pt-br+m2")
