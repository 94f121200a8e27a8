"""The keymap section of config.json: usable entries kept, the others named and left out."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.common import locations
from simulator.services.config import Config, load_config, save_config
from simulator.services.keymap import read_keymap
from simulator.services.theme_setting import save_theme

KNOWN = {"submit", "hint", "help"}
PATH = Path("/home/someone/.config/mock-interview/config.json")


def config_with(keymap: object) -> Config:
    return Config(extra={"keymap": keymap})


def test_no_keymap_is_no_change() -> None:
    setting = read_keymap(Config(), KNOWN, PATH)
    assert setting.keymap == {} and setting.problems == []


def test_good_entries_are_kept_with_spaces_around_commas_dropped() -> None:
    setting = read_keymap(config_with({"submit": "f5", "hint": "ctrl+g, f6"}), KNOWN, PATH)
    assert setting.keymap == {"submit": "f5", "hint": "ctrl+g,f6"}
    assert setting.problems == []


def test_an_unknown_id_is_named_with_the_file_and_the_rest_still_apply() -> None:
    setting = read_keymap(config_with({"sbumit": "f5", "hint": "f6"}), KNOWN, PATH)
    assert setting.keymap == {"hint": "f6"}
    [problem] = setting.problems
    assert str(PATH) in problem and "keymap" in problem and "'sbumit'" in problem
    assert "not a binding id" in problem


def test_keys_that_are_not_text_or_not_keys_are_named() -> None:
    setting = read_keymap(config_with({"submit": 5, "hint": "", "help": "ctrl + g"}), KNOWN, PATH)
    assert setting.keymap == {}
    assert len(setting.problems) == 3
    assert all(str(PATH) in problem for problem in setting.problems)
    assert "'submit' must be text" in setting.problems[0]
    assert "'hint'" in setting.problems[1] and "'help'" in setting.problems[2]


def test_a_keymap_that_is_not_an_object_is_named_and_ignored() -> None:
    setting = read_keymap(config_with(["submit", "f5"]), KNOWN, PATH)
    assert setting.keymap == {}
    [problem] = setting.problems
    assert str(PATH) in problem and "keymap must be an object" in problem


def test_the_keymap_survives_saving_the_theme(home: Path) -> None:
    path = locations.config_file()
    save_config(path, config_with({"submit": "f5", "typo": 3}))
    save_theme("nord", lambda: "nord")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["theme"] == "nord"
    assert written["keymap"] == {"submit": "f5", "typo": 3}
    assert load_config(path).extra["keymap"] == {"submit": "f5", "typo": 3}
