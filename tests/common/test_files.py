"""One atomic write for every whole file the app writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator.common.files import temporary_copy, write_atomically


def test_text_and_bytes_replace_the_file_and_leave_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("old")
    write_atomically(target, "new ünïcode\nline\n")
    assert target.read_bytes() == "new ünïcode\nline\n".encode()
    write_atomically(target, b"\x00\x01", sync=False)
    assert target.read_bytes() == b"\x00\x01"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


def test_a_missing_folder_is_made_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "settings.json"
    with pytest.raises(OSError):
        write_atomically(target, "{}")
    write_atomically(target, "{}", make_folder=True)
    assert target.read_text() == "{}"


def test_a_failed_rename_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "journal-export.json"
    target.write_text("old")

    def refuse(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["journal-export.json"]


def test_a_temporary_copy_is_removed_unless_moved(tmp_path: Path) -> None:
    with temporary_copy(tmp_path, "draft", "text") as temporary:
        assert temporary.read_text() == "text"
        assert temporary.name.startswith(".draft.")
    assert not temporary.exists()
