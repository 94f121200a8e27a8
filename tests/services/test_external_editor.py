"""Editing text in the user's editor: which one, the file it gets, and what comes back."""

from __future__ import annotations

import stat
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from simulator.services.external_editor import EditorError, edit_text, editor_command

FAKE_EDITOR = """\
import sys
from pathlib import Path

path = Path(sys.argv[-1])
path.write_text(path.read_text(encoding="utf-8").upper() + "\\nPS: edited\\n", encoding="utf-8")
"""


def test_visual_comes_before_editor_and_arguments_are_split() -> None:
    both = {"VISUAL": "code --wait", "EDITOR": "nano"}
    assert editor_command(both) == ["code", "--wait"]
    assert editor_command({"VISUAL": "  ", "EDITOR": "'my editor' -n"}) == ["my editor", "-n"]
    assert editor_command({}) is None
    assert editor_command({"EDITOR": ""}) is None


def test_an_editor_value_that_cannot_be_split_says_which() -> None:
    with pytest.raises(EditorError, match=r"\$EDITOR"):
        editor_command({"EDITOR": "vim 'unclosed"})


def test_round_trip_through_a_real_editor_process(tmp_path: Path) -> None:
    script = tmp_path / "editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    folder = tmp_path / "editing"
    edited = edit_text("Dear Priya,\nthank you", [sys.executable, str(script)], folder=folder)
    # the final newline the editor wrote is taken off, as the text had none
    assert edited == "DEAR PRIYA,\nTHANK YOU\nPS: edited"
    assert list(folder.iterdir()) == []  # the file is gone


def test_the_file_is_private_and_named_for_the_app(tmp_path: Path) -> None:
    seen: list[tuple[str, int, str]] = []

    def run(command: Sequence[str]) -> int:
        path = Path(command[-1])
        seen.append((path.name, stat.S_IMODE(path.stat().st_mode), path.read_text("utf-8")))
        path.write_text("new text\n", encoding="utf-8")
        return 0

    assert edit_text("old text\n", ["ed"], folder=tmp_path, run=run) == "new text\n"
    [(name, mode, text)] = seen
    assert name.startswith("mock-interview-") and name.endswith(".txt")
    assert mode & 0o077 == 0
    assert text == "old text\n"
    assert list(tmp_path.iterdir()) == []


def test_an_editor_that_fails_changes_nothing_and_leaves_no_file(tmp_path: Path) -> None:
    def cancelled(command: Sequence[str]) -> int:
        Path(command[-1]).write_text("half done", encoding="utf-8")
        return 1

    with pytest.raises(EditorError, match="status 1"):
        edit_text("text", ["vim"], folder=tmp_path, run=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_an_editor_that_cannot_start_says_so(tmp_path: Path) -> None:
    with pytest.raises(EditorError, match="could not be started"):
        edit_text("text", [str(tmp_path / "no-such-editor")], folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_made_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(EditorError, match="No file for the editor"):
        edit_text("text", ["ed"], folder=blocker / "editing")
