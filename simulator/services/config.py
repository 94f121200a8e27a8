"""The user's settings: a small JSON file under the config directory."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.common.files import write_atomically


@dataclass
class Config:
    """Settings the user can change; unknown keys in the file are kept as they were."""

    theme: str = ""
    """The Textual theme's name; empty for the default."""
    pack_folders: list[str] = field(default_factory=list)
    """Extra pack folders, searched after the user's own."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version does not know, written back untouched."""


class ConfigError(Exception):
    """The settings file exists but cannot be used."""


def load_config(path: Path) -> Config:
    """Read the settings file; a missing file gives the defaults."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(f"{path}: the settings file cannot be read ({error})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the settings file must hold a JSON object")
    theme = raw.pop("theme", "")
    folders = raw.pop("pack_folders", [])
    if not isinstance(theme, str):
        raise ConfigError(f"{path}: theme must be text")
    if not isinstance(folders, list) or not all(isinstance(item, str) for item in folders):
        raise ConfigError(f"{path}: pack_folders must be a list of folder paths")
    return Config(theme=theme, pack_folders=folders, extra=raw)


def save_config(path: Path, config: Config) -> None:
    """Write the settings file atomically, so a crash never leaves half a file."""
    data = {**config.extra, "theme": config.theme, "pack_folders": config.pack_folders}
    write_atomically(path, json.dumps(data, indent=2) + "\n", make_folder=True)
