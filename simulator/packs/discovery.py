"""Finding pack files in folders: every ``*.yaml`` and ``*.yml`` at any depth."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from simulator.common.safetext import FORMAT_CHARACTERS
from simulator.packs.errors import Problem

Source = Literal["built-in", "user", "extra"]
PACK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class PackFile:
    """A file that should hold a pack, and where it was found."""

    path: Path
    """The file."""
    source: Source
    """Which kind of folder it came from."""


# What a file or folder name found in a pack folder may not hold: control characters
# (newline and tab included: an error is one line), Unicode format characters such as
# right-to-left overrides, and undecodable bytes (which Python keeps as lone surrogates).
# Shown on a terminal, such a name could move the cursor, rewrite the title or the
# clipboard, or disguise itself; an undecodable one cannot be written to it at all.
_UNSAFE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff" + FORMAT_CHARACTERS + "]")


def shown_path(path: Path | str) -> Path:
    """``path`` with every character :data:`_UNSAFE_NAME` matches written as an escape
    (``\\x1b``, ``\\u202e``; an undecodable byte as ``\\xff``), safe to print anywhere."""

    def escape(found: re.Match[str]) -> str:
        code = ord(found.group())
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return Path(_UNSAFE_NAME.sub(escape, str(path)))


def _unsafe_name_problem(path: Path, name: str, what: str) -> Problem:
    code = ord(_UNSAFE_NAME.findall(name)[0])
    if 0xD800 <= code <= 0xDFFF:
        why = "is not valid UTF-8"
    else:
        kind = "a control character" if code < 0xA0 else "an invisible formatting character"
        why = f"holds {kind} (U+{code:04X}), which could disturb the terminal"
    return Problem(shown_path(path), 1, 1, f"this {what}'s name {why}; rename it to use it")


def is_pack_name(name: str) -> bool:
    """Whether a file name is one that holds a pack (hidden files never do)."""
    return not name.startswith(".") and name.lower().endswith(PACK_SUFFIXES)


def find_pack_files(
    folder: Path, source: Source, *, missing_ok: bool = False
) -> tuple[list[PackFile], list[Problem]]:
    """The pack files under ``folder`` in a stable order, and the folders that could not be read.

    Hidden files and folders (such as ``.git`` or ``.github``) are skipped, symbolic links
    are followed once, and a link that loops back is not followed again.
    """
    files: list[PackFile] = []
    problems: list[Problem] = []
    if folder.is_file():
        return [PackFile(folder, source)], problems
    if not folder.is_dir():
        if not missing_ok:
            problems.append(Problem(folder, 1, 1, "this pack folder does not exist"))
        return files, problems
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        where = shown_path(error.filename) if error.filename else shown_path(folder)
        problems.append(Problem(where, 1, 1, f"cannot read this folder: {error.strerror}"))

    for root, dirs, names in os.walk(folder, onerror=on_error, followlinks=True):
        try:
            info = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in seen:
            dirs[:] = []
            continue
        seen.add(identity)
        visible = sorted(name for name in dirs if not name.startswith("."))
        dirs[:] = []
        for name in visible:
            if _UNSAFE_NAME.search(name):
                problems.append(_unsafe_name_problem(Path(root) / name, name, "folder"))
            else:
                dirs.append(name)
        for name in sorted(names):
            if not is_pack_name(name):
                continue
            if _UNSAFE_NAME.search(name):
                problems.append(_unsafe_name_problem(Path(root) / name, name, "file"))
            else:
                files.append(PackFile(Path(root) / name, source))
    return files, problems
