"""``voice check``'s parts, each ready or saying what is missing; the recogniser chosen
from config.json."""

from __future__ import annotations

import types
from typing import Any

import pytest

from simulator.voice import check as voice_check
from simulator.voice import engines
from simulator.voice.extra import INSTALL_HINT, VoiceUnavailable, load, missing_packages
from simulator.voice.speaker import SpeechProgram


def without(*names: str) -> Any:
    """A stand-in for :func:`load` that has lost some packages."""

    def load_some(name: str) -> types.ModuleType:
        if name in names:
            raise VoiceUnavailable(f"{name} is not installed. {INSTALL_HINT}")
        return load(name)

    return load_some


def test_a_missing_package_is_named_with_the_install_hint() -> None:
    with pytest.raises(VoiceUnavailable, match="no_such_voice_package is not installed"):
        load("no_such_voice_package")
    assert missing_packages(("json", "no_such_voice_package")) == ["no_such_voice_package"]


def test_parts_say_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice_check, "load", without("sounddevice", "pocketsphinx"))
    monkeypatch.setattr(voice_check, "find_speech_program", lambda: None)
    parts = voice_check.check()
    assert [part.name for part in parts] == ["microphone", "recogniser", "speech output"]
    assert not any(part.ready for part in parts)
    assert INSTALL_HINT in parts[0].detail and INSTALL_HINT in parts[1].detail
    assert "espeak-ng" in parts[2].detail
    assert voice_check.hint(parts) == INSTALL_HINT
    assert parts[0].to_json() == {"name": "microphone", "ready": False, "detail": parts[0].detail}


def test_a_missing_microphone_is_the_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.SimpleNamespace(query_devices=lambda kind: (_ for _ in ()).throw(OSError("x")))
    monkeypatch.setattr(voice_check, "load", lambda name: fake)
    part = voice_check.microphone()
    assert not part.ready and "no microphone" in part.detail
    ready = voice_check.Part("recogniser", True, "pocketsphinx")
    assert voice_check.hint([part, ready]).startswith("Speaking answers needs microphone")
    assert voice_check.hint([ready]) == ""


def test_a_microphone_found(monkeypatch: pytest.MonkeyPatch) -> None:
    device = {"name": "USB headset", "default_samplerate": 48000.0}
    fake = types.SimpleNamespace(query_devices=lambda kind: device)
    monkeypatch.setattr(voice_check, "load", lambda name: fake)
    assert voice_check.microphone() == voice_check.Part(
        "microphone", True, "USB headset at 48000 Hz"
    )


def test_speech_output_found() -> None:
    part = voice_check.speech_output(lambda: SpeechProgram("say", "/usr/bin/say"))
    assert part == voice_check.Part("speech output", True, "say (/usr/bin/say)")


def test_the_recogniser_is_ready_with_its_model() -> None:
    pytest.importorskip("pocketsphinx", reason="the voice extra is not installed")
    part = voice_check.recogniser()
    assert part.ready, part.detail
    assert "pocketsphinx" in part.detail and "English model" in part.detail


def test_an_unknown_engine_is_not_ready() -> None:
    part = voice_check.recogniser({"engine": "whisper", "model": "/models/small.bin"})
    assert not part.ready
    assert "voice.engine 'whisper'" in part.detail and "pocketsphinx" in part.detail


def test_the_recogniser_comes_from_the_settings() -> None:
    assert engines.recogniser_from_config(None).name == "pocketsphinx"
    assert engines.recogniser_from_config({"engine": "pocketsphinx"}).name == "pocketsphinx"
    with pytest.raises(engines.VoiceConfigError, match=r"voice\.engine 'whisper' is not"):
        engines.recogniser_from_config({"engine": "whisper"})
    with pytest.raises(engines.VoiceConfigError, match=r"voice\.engine 7"):
        engines.recogniser_from_config({"engine": 7})
    with pytest.raises(engines.VoiceConfigError, match=r"voice\.options must be an object"):
        engines.recogniser_from_config({"options": ["lw", 6]})
    with pytest.raises(engines.VoiceConfigError, match="voice must be an object"):
        engines.recogniser_from_config("pocketsphinx")  # type: ignore[arg-type]
