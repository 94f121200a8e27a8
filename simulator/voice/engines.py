"""Choosing the recogniser from the settings (config.json's ``voice`` section).

``{"voice": {"engine": "pocketsphinx"}}`` is the default and the only engine today;
``"options"`` passes decoder settings through. A later engine (a Whisper-class model the
user points to with ``"model": "/path"``) is added to :data:`ENGINES` and nothing else
changes: the screens only ever see a :class:`~simulator.voice.transcript.Recogniser`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from simulator.voice.sphinx import ENGINE as POCKETSPHINX
from simulator.voice.sphinx import PocketSphinx
from simulator.voice.transcript import Recogniser

DEFAULT_ENGINE = POCKETSPHINX
"""The engine used when the settings name none."""


class VoiceConfigError(Exception):
    """The ``voice`` settings cannot be used; the message names the setting."""


def _pocketsphinx(settings: Mapping[str, Any]) -> Recogniser:
    options = settings.get("options", {})
    if not isinstance(options, Mapping):
        raise VoiceConfigError("config.json: voice.options must be an object of decoder settings")
    return PocketSphinx(options)


ENGINES: dict[str, Callable[[Mapping[str, Any]], Recogniser]] = {POCKETSPHINX: _pocketsphinx}
"""Each engine's name and how to make it from the ``voice`` settings."""


def recogniser_from_config(settings: Mapping[str, Any] | None = None) -> Recogniser:
    """The recogniser the ``voice`` settings ask for (config.json's ``"voice"`` object; None
    or empty for the default). Raises :class:`VoiceConfigError` for an unknown engine."""
    settings = settings or {}
    if not isinstance(settings, Mapping):
        raise VoiceConfigError(
            'config.json: voice must be an object, such as {"engine": "pocketsphinx"}'
        )
    engine = settings.get("engine", DEFAULT_ENGINE)
    make = ENGINES.get(engine) if isinstance(engine, str) else None
    if make is None:
        known = ", ".join(sorted(ENGINES))
        raise VoiceConfigError(
            f"config.json: voice.engine {engine!r} is not a recogniser this version knows "
            f"(known: {known})"
        )
    return make(settings)
