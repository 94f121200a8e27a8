"""``mock-interview voice transcribe`` and ``voice check`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.common import locations
from simulator.voice import check as voice_check
from simulator.voice.extra import INSTALL_HINT

AUDIO = Path(__file__).resolve().parents[1] / "voice" / "audio"


def needs_the_extra() -> None:
    pytest.importorskip("pocketsphinx", reason="the voice extra is not installed")
    pytest.importorskip("numpy", reason="the voice extra is not installed")


def test_transcribe_json(capsys: pytest.CaptureFixture[str]) -> None:
    needs_the_extra()
    assert main(["voice", "transcribe", str(AUDIO / "pause.wav"), "--json", "--limit", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {
        "text",
        "duration",
        "speaking_time",
        "words_per_minute",
        "pauses",
        "fillers",
        "words",
    }
    assert "five engineers" in data["text"]
    assert data["duration"] == pytest.approx(8.5, abs=0.01)
    assert data["over_limit"] > 0
    assert len(data["pauses"]) == 1 and set(data["pauses"][0]) == {"start", "end"}
    assert isinstance(data["fillers"], dict)
    assert [word["word"] for word in data["words"]][:3] == data["text"].split()[:3]
    assert {measure["name"] for measure in data["measures"]} >= {"pauses", "speaking_time"}


def test_transcribe_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    needs_the_extra()
    assert main(["voice", "transcribe", str(AUDIO / "filler.wav")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "measured the results" in lines[0]
    assert any(line.startswith("Fillers: um") for line in lines)
    assert any("as far as the recogniser hears them" in line for line in lines)
    assert any(line == "Pauses of 2 s or more: 0" for line in lines)


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot be read"), (b"not sound", "is not a WAV file")],
)
def test_an_unreadable_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    needs_the_extra()
    path = tmp_path / "answer.wav"
    if content is not None:
        path.write_bytes(content)
    assert main(["voice", "transcribe", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and message in captured.err
    assert str(path) in captured.err and "Traceback" not in captured.err


def test_without_the_extra_the_hint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import simulator.commands.voice as commands

    monkeypatch.setattr(commands, "missing_packages", lambda: ["pocketsphinx"])
    assert main(["voice", "transcribe", str(AUDIO / "pause.wav")]) == 1
    assert capsys.readouterr().err == f"error: {INSTALL_HINT}\n"


def test_an_unknown_engine_in_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    needs_the_extra()
    locations.config_file().parent.mkdir(parents=True)
    locations.config_file().write_text('{"voice": {"engine": "whisper"}}', "utf-8")
    assert main(["voice", "transcribe", str(AUDIO / "pause.wav")]) == 1
    assert "voice.engine 'whisper' is not a recogniser" in capsys.readouterr().err


def test_a_negative_limit(capsys: pytest.CaptureFixture[str]) -> None:
    needs_the_extra()
    assert main(["voice", "transcribe", str(AUDIO / "pause.wav"), "--limit", "-1"]) == 1
    assert "--limit" in capsys.readouterr().err


def fake_parts(monkeypatch: pytest.MonkeyPatch, microphone: bool) -> None:
    monkeypatch.setattr(
        voice_check,
        "microphone",
        lambda: voice_check.Part("microphone", microphone, "USB headset" if microphone else "no"),
    )
    monkeypatch.setattr(
        voice_check, "recogniser", lambda settings: voice_check.Part("recogniser", True, "ps")
    )
    monkeypatch.setattr(
        voice_check, "speech_output", lambda: voice_check.Part("speech output", True, "say")
    )


def test_check_all_ready(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_parts(monkeypatch, microphone=True)
    assert main(["voice", "check"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "microphone: ready: USB headset",
        "recogniser: ready: ps",
        "speech output: ready: say",
    ]
    assert captured.err == ""


def test_check_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_parts(monkeypatch, microphone=False)
    assert main(["voice", "check", "--json"]) == 1
    parts = json.loads(capsys.readouterr().out)
    assert parts[0] == {"name": "microphone", "ready": False, "detail": "no"}
    assert [part["ready"] for part in parts] == [False, True, True]
    assert main(["voice", "check"]) == 1
    captured = capsys.readouterr()
    assert "microphone: not ready: no" in captured.out
    assert captured.err == "Speaking answers needs microphone: no\n"


def test_check_on_this_machine_never_fails_loudly(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["voice", "check"])
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert [line.split(":")[0] for line in captured.out.splitlines()] == [
        "microphone",
        "recogniser",
        "speech output",
    ]
    assert "Traceback" not in captured.err
