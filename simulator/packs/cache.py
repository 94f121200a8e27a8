"""A cache of parsed packs, as JSON files under the cache directory.

An entry is trusted only when the file's size, modification and change times, inode and
device all match, and the program that wrote it is this one. A file written within two
seconds of being cached could be edited again within the file system's timestamp
resolution, so such an entry is "racy" and is confirmed by the file's hash before use (the
trick git uses for its index). Anything unexpected in an entry means a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from simulator import __version__
from simulator.packs.models import FORMAT_VERSION, Pack

log = logging.getLogger(__name__)

CACHE_LAYOUT = 2
"""2: packs are stored without the fields the file left out (``exclude_unset``), so a pack
read back has the same ``model_fields_set`` as one just parsed, and entries are smaller."""
RACY_WINDOW_NS = 2_000_000_000
_SOURCES = ("models.py", "loader.py", "yamlread.py", "references.py", "rubrics.py", "cache.py")


def program_fingerprint() -> str:
    """Identifies this program's pack code, so an upgrade never reads an older entry."""
    parts = [__version__, str(FORMAT_VERSION), str(CACHE_LAYOUT)]
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        try:
            info = (here / name).stat()
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:missing")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def file_key(info: os.stat_result) -> dict[str, int]:
    """What must match for a cached entry to describe the file as it is now."""
    return {
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "ctime_ns": info.st_ctime_ns,
        "inode": info.st_ino,
        "device": info.st_dev,
    }


def text_hash(text: str) -> str:
    """The hash stored with an entry to confirm racy entries."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def share_field_sets(pack: Pack, shared: dict[frozenset[str], set[str]]) -> Pack:
    """Let the pack's questions, personas and rubrics share one "fields set" object per
    combination of fields given, instead of a set each; returns the pack.

    pydantic keeps, per model instance, the set of fields that were given
    (``model_fields_set``). With 50,000 questions those sets take about 35 MB, yet a pack's
    questions give the same few combinations of fields. The models are frozen, so the sets
    are never changed in place (``model_copy`` copies them before an update).
    """
    models: list[BaseModel] = [*pack.questions, *pack.rubrics, *pack.personas]
    models += [criterion for rubric in pack.rubrics for criterion in rubric.criteria]
    models += [stage for persona in pack.personas for stage in persona.plan]
    for model in models:
        given = model.__pydantic_fields_set__
        common = shared.setdefault(frozenset(given), given)
        if common is not given:
            object.__setattr__(model, "__pydantic_fields_set__", common)
    return pack


class PackCache:
    """Parsed packs by file path. ``folder=None`` disables caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.fingerprint = program_fingerprint()
        self.used: set[str] = set()
        self.field_sets: dict[frozenset[str], set[str]] = {}
        """Shared by the packs loaded through this cache (see :func:`share_field_sets`)."""

    def _entry(self, path: Path) -> Path | None:
        if self.folder is None:
            return None
        name = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
        self.used.add(name[:40] + ".json")
        return self.folder / (name[:40] + ".json")

    def get(self, path: Path, info: os.stat_result) -> Pack | None:
        """The cached pack for ``path`` if it is certainly current, else None."""
        entry = self._entry(path)
        if entry is None:
            return None
        try:
            with entry.open("rb") as handle:
                header = json.loads(handle.readline())
                body = handle.read()
            if (
                header.get("program") != self.fingerprint
                or header.get("path") != str(path.resolve())
                or header.get("key") != file_key(info)
            ):
                return None
            if header.get("racy"):
                from simulator.packs.yamlread import read_text

                if text_hash(read_text(path)) != header.get("hash"):
                    return None
            return Pack.model_validate_json(body)
        except FileNotFoundError:
            return None
        except Exception as error:  # a damaged entry is a miss; it is rewritten after parsing
            log.debug("ignoring cache entry %s: %s", entry, error)
            return None

    def put(self, path: Path, info: os.stat_result, text: str, pack: Pack) -> None:
        """Store a freshly parsed pack; failures only cost speed next time."""
        entry = self._entry(path)
        if entry is None:
            return
        header = {
            "program": self.fingerprint,
            "path": str(path.resolve()),
            "key": file_key(info),
            "hash": text_hash(text),
            "racy": info.st_mtime_ns >= time.time_ns() - RACY_WINDOW_NS,
        }
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            payload = (
                json.dumps(header).encode()
                + b"\n"
                + pack.model_dump_json(exclude_unset=True).encode()
            )
            handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(payload)
                os.replace(temporary, entry)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            log.debug("could not write cache entry %s: %s", entry, error)

    def prune(self) -> None:
        """Remove entries for files that were not looked up in this run."""
        if self.folder is None or not self.folder.is_dir():
            return
        try:
            for child in self.folder.iterdir():
                if child.suffix == ".json" and child.name not in self.used:
                    child.unlink(missing_ok=True)
        except OSError as error:
            log.debug("could not prune the pack cache: %s", error)
