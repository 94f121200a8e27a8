"""The README's key table is the app's key table, row for row, keymap ids too."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.tui.keys import KEYS

REPO = Path(__file__).resolve().parent.parent


def readme_key_rows() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """The key table's rows: key, where, what, and the keymap ids (none for Textual's)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        match = re.fullmatch(r"\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|", line.strip())
        if match:
            ids = tuple(re.findall(r"`([^`]+)`", match.group(4)))
            rows.append((match.group(1), match.group(2).strip(), match.group(3).strip(), ids))
    return rows


def test_readme_key_table_matches_the_app() -> None:
    expected = [(entry.key, entry.where, entry.what, entry.ids) for entry in KEYS]
    assert readme_key_rows() == expected


def readme_command_rows() -> dict[str, str]:
    """The README's command table: command line to what it does."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        match = re.fullmatch(
            r"\| `(mock-interview[^`]*)` \| ([^|]+(?:\\\|[^|]*)*) \|", line.strip()
        )
        if match:
            rows[match.group(1).replace("\\|", "|")] = match.group(2).strip()
    return rows


def cli_commands() -> dict[str, list[str]]:
    """Every command the parser knows, with the options and arguments of its own."""
    import argparse

    from simulator.cli import _common_options, build_parser

    shared = {option for action in _common_options()._actions for option in action.option_strings}
    found: dict[str, list[str]] = {}

    def walk(parser: argparse.ArgumentParser, words: list[str]) -> None:
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subparsers or words:
            own = []
            for action in parser._actions:
                if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                    continue
                longs = [o for o in action.option_strings if o.startswith("--")]
                if action.option_strings and not set(action.option_strings) & shared:
                    own.append(longs[0] if longs else action.option_strings[0])
            found[" ".join(["mock-interview", *words])] = own
        for group in subparsers:
            for name, child in group.choices.items():
                walk(child, [*words, name])

    walk(build_parser(), [])
    return found


def test_readme_command_table_lists_every_command_and_option() -> None:
    rows = readme_command_rows()
    for command, options in cli_commands().items():
        if command in ("mock-interview log", "mock-interview packs", "mock-interview voice"):
            continue  # groups: their commands are the rows
        matching = [line for line in rows if line == command or line.startswith(command + " ")]
        assert matching, f"the README's command table has no row for {command!r}"
        for option in options:
            assert any(option in line for line in matching), (
                f"{command}: {option} not in the table"
            )


def test_readme_keymap_example_is_a_keymap_the_app_takes() -> None:
    import json

    from simulator.services.config import Config
    from simulator.services.keymap import read_keymap
    from simulator.tui.keys import BINDING_IDS

    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.DOTALL)
    examples = [json.loads(block) for block in blocks if '"keymap"' in block]
    assert examples, "the README shows a keymap"
    for example in examples:
        setting = read_keymap(Config(extra=example), BINDING_IDS, REPO / "config.json")
        assert setting.problems == [] and setting.keymap
