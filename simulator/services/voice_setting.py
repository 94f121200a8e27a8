"""Whether the interviewer reads their lines aloud: ``"voice": {"interviewer_speaks": true}``
in config.json, beside the recogniser's settings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from simulator.common import locations
from simulator.services.config import Config, ConfigError, load_config, save_config

SETTING = "interviewer_speaks"
"""The key in config.json's ``voice`` section."""

_lock = threading.Lock()
"""Settings-file writes happen one at a time."""


def interviewer_speaks(config: Config) -> bool:
    """Whether the interviewer's lines are read aloud (off unless turned on)."""
    section = config.extra.get("voice")
    return isinstance(section, dict) and section.get(SETTING) is True


def set_interviewer_speaks(config: Config, on: bool) -> None:
    """Turn the interviewer's voice on or off in ``config`` (not yet in the file). Raises
    :class:`ConfigError` when config.json's ``voice`` is not an object."""
    section: Any = config.extra.setdefault("voice", {})
    if not isinstance(section, dict):
        raise ConfigError(
            'config.json: voice must be an object, such as {"engine": "pocketsphinx"}'
        )
    section[SETTING] = on


def save_interviewer_speaks(on: bool, chosen: Callable[[], bool]) -> None:
    """Write the setting into the settings file, keeping everything else in it, unless
    ``chosen()`` (the setting by now) is the other: a newer choice is saved by its own
    call. Raises :class:`ConfigError` or :class:`OSError`."""
    with _lock:
        if on != chosen():
            return
        path = locations.config_file()
        config = load_config(path)
        set_interviewer_speaks(config, on)
        save_config(path, config)
