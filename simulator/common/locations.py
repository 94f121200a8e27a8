"""Where mock-interview keeps its files.

Every path is computed on demand and nothing is created here: the app factory and the
commands create what they need, so importing this module has no side effects.
``MOCK_INTERVIEW_HOME`` puts data, config and cache under one folder (portable use, tests).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

APP_NAME = "mock-interview"
HOME_VARIABLE = "MOCK_INTERVIEW_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


def _folder(name: str, platform_dir: Callable[..., str]) -> Path:
    """``name`` under ``MOCK_INTERVIEW_HOME`` when it is set, else the platform's folder."""
    home = _home()
    if home is not None:
        return home / name
    return Path(platform_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The folder for the journal, the user's packs and logs."""
    return _folder("data", platformdirs.user_data_dir)


def config_dir() -> Path:
    """The folder for the user's settings."""
    return _folder("config", platformdirs.user_config_dir)


def cache_dir() -> Path:
    """The folder for caches that can be deleted at any time."""
    return _folder("cache", platformdirs.user_cache_dir)


def user_packs_dir() -> Path:
    """The user's own pack folder, where ``packs install`` copies packs."""
    home = _home()
    if home is not None:
        return home / "packs"
    return data_dir() / "packs"


def config_file() -> Path:
    """The user's settings file."""
    return config_dir() / "config.json"


def journal_file() -> Path:
    """The SQLite journal."""
    return data_dir() / "journal.sqlite3"


def pack_cache_dir() -> Path:
    """Where parsed packs are cached as JSON."""
    return cache_dir() / "packs"


def log_dir() -> Path:
    """Where error logs are written."""
    return data_dir() / "logs"


def screenshots_dir() -> Path:
    """Where the palette's Screenshot is saved: ``DIR/screenshots`` under
    ``MOCK_INTERVIEW_HOME``, else the Downloads folder when there is one (Textual's choice),
    else ``screenshots`` in the data folder."""
    home = _home()
    if home is not None:
        return home / "screenshots"
    downloads = Path(platformdirs.user_downloads_dir())
    return downloads if downloads.is_dir() else data_dir() / "screenshots"


def builtin_packs_dir() -> Path:
    """The built-in packs: inside the wheel, or the repo's top-level folder when editable."""
    package = Path(__file__).resolve().parent.parent  # simulator/, two up from common/
    bundled = package / "question_packs"
    if bundled.is_dir():
        return bundled
    return package.parent / "question_packs"
