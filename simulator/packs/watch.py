"""Noticing that the installed packs changed while the app is open.

A pack installed with ``packs install`` in another terminal, a file removed, or an error
fixed in an editor should reach the home screen without a restart. Watching by polling a
signature of the pack folders needs no extra dependency and works on every file system:
the signature is every pack file's path, size and modification time, and whether each
folder exists, so an added, removed or edited file changes it.
"""

from __future__ import annotations

import os
from pathlib import Path

from simulator.packs.discovery import find_pack_files
from simulator.packs.library import PackFolders

Signature = tuple[tuple[str, int, int], ...]
"""What :func:`signature` returns: comparable, and equal while nothing changed."""


def signature(folders: PackFolders) -> Signature:
    """A value that changes when a pack file in ``folders`` is added, removed or edited."""
    entries: list[tuple[str, int, int]] = []
    listed: list[tuple[Path, bool]] = [(folders.builtin, False)]
    if folders.user is not None:
        listed.append((folders.user, True))
    listed.extend((folder, False) for folder in folders.extra)
    for folder, missing_ok in listed:
        # A folder that appears (the user's first install) or goes away counts as a change.
        entries.append((f"folder:{folder}", int(folder.exists()), 0))
        found, problems = find_pack_files(folder, "extra", missing_ok=missing_ok)
        entries.extend((f"problem:{problem.path}", problem.line, 0) for problem in problems)
        for pack_file in found:
            try:
                info = os.stat(pack_file.path)
            except OSError:
                entries.append((str(pack_file.path), -1, -1))
            else:
                entries.append((str(pack_file.path), info.st_size, info.st_mtime_ns))
    return tuple(entries)
