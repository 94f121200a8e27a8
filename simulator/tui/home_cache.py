"""The home screen's last list of interviewers, kept so the next start can paint it at once.

Reading the packs takes longer than the first frame, even from the parsed-pack cache: the
pack machinery's imports alone cost about 25 ms, and 50,000 questions take over a second.
So after each load the home screen writes the interviewers it listed (names, tracks,
whether they can start, the details pane's text) to one small JSON file, with the size and
modification time of every file and folder under the pack folders. At the next start, if
nothing under those folders has changed, the list is painted from that file in the first
frame; the packs load behind it, and an enter pressed before they are in is remembered.
Any doubt (a file changed, added or removed, another version, a damaged or foreign file)
and the file is ignored: the list waits for the packs, as it did before.

No Textual here: the home screen turns these records into options and content.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from simulator import __version__
from simulator.common.files import write_atomically

LAYOUT = 1
"""Changes whenever what is written changes, so older files are ignored."""

Part = tuple[str, str]
"""Text and its style (a Textual style string, "" for none): never read as markup."""


@dataclass(frozen=True)
class ListedPersona:
    """One interviewer as the home screen lists it."""

    id: str
    name: str
    role: str
    track: str
    usable: bool
    details: tuple[Part, ...]
    """The details pane: heading, description, stages, status, pack."""


def folders_state(folders: Sequence[Path]) -> list[list[Any]]:
    """Every visible file and folder under ``folders`` with its size and modification time,
    following links once as pack discovery does; a folder's own time changes when a file
    is added, removed or renamed in it."""
    state: list[list[Any]] = []
    seen: set[tuple[int, int]] = set()
    for folder in folders:
        state.append([str(folder)])
        for root, dirs, names in os.walk(folder, followlinks=True):
            try:
                info = os.stat(root)
            except OSError:
                dirs[:] = []
                continue
            if (info.st_dev, info.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((info.st_dev, info.st_ino))
            state.append([root, info.st_mtime_ns])
            dirs[:] = sorted(name for name in dirs if not name.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                try:
                    found = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                state.append([name, found.st_size, found.st_mtime_ns])
    return state


def read_listing(path: Path, state: list[list[Any]]) -> list[ListedPersona] | None:
    """The interviewers written for exactly this ``state`` of the pack folders, or None."""
    try:
        raw = json.loads(path.read_text("utf-8"))
        if raw.get("layout") != LAYOUT or raw.get("version") != __version__:
            return None
        if raw.get("folders") != state:
            return None
        return [
            ListedPersona(
                str(item["id"]),
                str(item["name"]),
                str(item["role"]),
                str(item["track"]),
                item["usable"] is True,
                tuple((str(text), str(style)) for text, style in item["details"]),
            )
            for item in raw["personas"]
        ]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing, damaged or foreign: the list waits for the packs


def write_listing(path: Path, state: list[list[Any]], personas: Sequence[ListedPersona]) -> None:
    """Keep the listing for the next start (atomically; a failure only costs that start
    its early list)."""
    data = {
        "layout": LAYOUT,
        "version": __version__,
        "folders": state,
        "personas": [
            {
                "id": persona.id,
                "name": persona.name,
                "role": persona.role,
                "track": persona.track,
                "usable": persona.usable,
                "details": [list(part) for part in persona.details],
            }
            for persona in personas
        ],
    }
    try:
        # ASCII escapes keep a file name that is not UTF-8 (a lone surrogate from the
        # file system) writable, and it reads back the same.
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
        write_atomically(path, text, sync=False, make_folder=True)
    except (OSError, ValueError):
        pass


def listing_file() -> Path:
    """Where the listing is kept (with the other caches: deleting it is harmless)."""
    from simulator.common import locations

    return locations.cache_dir() / "home-listing.json"


class _Folders(Protocol):
    extra_pack_dirs: list[Path]
    config: Any


def pack_folder_paths(context: _Folders) -> list[Path]:
    """The folders :meth:`simulator.services.context.Context.pack_folders` reads, in its order,
    without importing the pack machinery (a test keeps the two in step)."""
    from simulator.common import locations

    configured = [Path(folder).expanduser() for folder in context.config.pack_folders]
    return [
        locations.builtin_packs_dir(),
        locations.user_packs_dir(),
        *configured,
        *context.extra_pack_dirs,
    ]
