"""Finding pack files in folders: every ``*.yaml`` and ``*.yml`` at any depth."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

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
        where = Path(error.filename) if error.filename else folder
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
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        files.extend(
            PackFile(Path(root) / name, source) for name in sorted(names) if is_pack_name(name)
        )
    return files, problems
