"""Remembering the chosen theme for the next start, in the settings file."""

from __future__ import annotations

import threading
from collections.abc import Callable

from simulator.common import locations
from simulator.services.config import load_config, save_config

_lock = threading.Lock()
"""Settings-file writes happen one at a time."""


def save_theme(theme: str, chosen: Callable[[], str]) -> None:
    """Write ``theme`` into the settings file, keeping everything else in it, unless
    ``chosen()`` (the theme chosen by now) is another: a newer choice is saved by its own
    call. Raises :class:`~simulator.services.config.ConfigError` or :class:`OSError`."""
    with _lock:
        if theme != chosen():
            return
        path = locations.config_file()
        config = load_config(path)
        config.theme = theme
        save_config(path, config)
