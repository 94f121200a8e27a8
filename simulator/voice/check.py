"""``voice check``: is each part of speaking ready here, and if not, what is missing.

Three parts: the microphone (sounddevice, PortAudio and an input device), the recogniser
(pocketsphinx and its model, or the engine config.json names) and speech output (a speech
program). Each lookup can be replaced, so tests need no device and no program.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.voice.engines import DEFAULT_ENGINE, VoiceConfigError
from simulator.voice.extra import INSTALL_HINT, VoiceUnavailable, load
from simulator.voice.speaker import SpeechProgram, find_speech_program


@dataclass(frozen=True)
class Part:
    """One part of speaking and whether it is ready."""

    name: str
    """``microphone``, ``recogniser`` or ``speech output``."""
    ready: bool
    """Whether it works here."""
    detail: str
    """What was found, or what is missing and how to get it."""

    def to_json(self) -> dict[str, object]:
        """For ``voice check --json``."""
        return {"name": self.name, "ready": self.ready, "detail": self.detail}


def microphone() -> Part:
    """The default input device, through sounddevice and PortAudio."""
    try:
        sounddevice = load("sounddevice")
        device = sounddevice.query_devices(kind="input")
    except VoiceUnavailable as error:
        return Part("microphone", False, str(error))
    except Exception as error:  # PortAudio's own errors, when no input device exists
        return Part("microphone", False, f"no microphone was found ({error})")
    name = str(device.get("name", "the default input")) if isinstance(device, Mapping) else ""
    rate = device.get("default_samplerate") if isinstance(device, Mapping) else None
    at = f" at {float(rate):g} Hz" if isinstance(rate, int | float) else ""
    return Part("microphone", True, f"{name or 'the default input'}{at}")


def recogniser(settings: Mapping[str, Any] | None = None) -> Part:
    """The engine config.json names (pocketsphinx by default) and its model."""
    engine = (settings or {}).get("engine", DEFAULT_ENGINE)
    if engine != DEFAULT_ENGINE:
        from simulator.voice.engines import recogniser_from_config

        try:
            recogniser_from_config(settings)
        except (VoiceConfigError, VoiceUnavailable) as error:
            return Part("recogniser", False, str(error))
        return Part("recogniser", True, str(engine))
    try:
        pocketsphinx = load("pocketsphinx")
        load("numpy")
    except VoiceUnavailable as error:
        return Part("recogniser", False, str(error))
    model = Path(pocketsphinx.get_model_path()) / "en-us"
    if not model.is_dir():
        return Part("recogniser", False, f"pocketsphinx's English model is missing ({model})")
    from importlib.metadata import PackageNotFoundError, version

    try:
        named = f"pocketsphinx {version('pocketsphinx')}"
    except PackageNotFoundError:
        named = "pocketsphinx"
    return Part("recogniser", True, f"{named} with its English model (offline)")


def speech_output(find: Callable[[], SpeechProgram | None] | None = None) -> Part:
    """A program that reads the interviewer's lines aloud (found by ``find``, by default
    :func:`~simulator.voice.speaker.find_speech_program`)."""
    program = (find or find_speech_program)()
    if program is None:
        return Part(
            "speech output",
            False,
            "no speech program found: install espeak-ng (Linux: the espeak-ng package); "
            "macOS has say; on Windows, pip install pyttsx3",
        )
    return Part("speech output", True, f"{program.name} ({program.path})")


def check(settings: Mapping[str, Any] | None = None) -> list[Part]:
    """Every part, in order: microphone, recogniser, speech output."""
    return [microphone(), recogniser(settings), speech_output()]


def hint(parts: list[Part]) -> str:
    """The one line to show when speaking cannot work ("" when the recogniser and the
    microphone are ready)."""
    missing = [part for part in parts if not part.ready and part.name != "speech output"]
    if not missing:
        return ""
    if any(INSTALL_HINT in part.detail for part in missing):
        return INSTALL_HINT
    return f"Speaking answers needs {missing[0].name}: {missing[0].detail}"
