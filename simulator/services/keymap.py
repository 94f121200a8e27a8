"""The ``keymap`` section of config.json: other keys for the app's actions.

It maps a binding id (the README's key table lists them) to the keys that should do that
action instead, such as ``{"submit": "f5", "hint": "ctrl+g,f2"}``. An entry that cannot be
used is left out with a message naming the file and the entry; the rest still apply.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from simulator.services.config import Config

FIELD = "keymap"
"""The section's name in config.json."""

KEY = re.compile(r"[^\s,]+")
"""One key as Textual names it: ``f5``, ``ctrl+g``, ``question_mark``..."""


@dataclass
class KeymapSetting:
    """The usable part of the keymap, and what was wrong with the rest."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id to keys (several separated by commas)."""
    problems: list[str] = field(default_factory=list)
    """One plain sentence per entry left out."""


def _keys_problem(value: object) -> str:
    """Why ``value`` is not a list of keys ("" when it is one)."""
    if not isinstance(value, str):
        return f'must be text such as "f5" (or "f5,ctrl+g" for two keys), not {value!r}'
    parts = [part.strip() for part in value.split(",")]
    if not all(KEY.fullmatch(part) for part in parts):
        return f'{value!r} is not a key or a list of keys such as "f5" or "f5,ctrl+g"'
    return ""


def read_keymap(config: Config, known: Collection[str], path: Path) -> KeymapSetting:
    """The ``keymap`` of ``config`` (read from ``path``), checked against the binding ids
    the app has (``known``)."""
    setting = KeymapSetting()
    raw = config.extra.get(FIELD)
    if raw is None:
        return setting
    where = f"{path}: {FIELD}"
    if not isinstance(raw, dict):
        setting.problems.append(
            f"{where} must be an object of binding ids and keys, such as "
            f'{{"submit": "f5"}}; the usual keys are used'
        )
        return setting
    for binding, keys in raw.items():
        if binding not in known:
            setting.problems.append(
                f"{where}: {binding!r} is not a binding id (the README's key table lists "
                "them); it is left out"
            )
            continue
        problem = _keys_problem(keys)
        if problem:
            setting.problems.append(f"{where}: {binding!r} {problem}; it is left out")
            continue
        setting.keymap[binding] = ",".join(part.strip() for part in keys.split(","))
    return setting
