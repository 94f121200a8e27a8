"""A cache of parsed packs, as JSON files under the cache directory.

An entry is trusted only when the file's size, modification and change times, inode and
device all match, and the program that wrote it is this one. A file written within two
seconds of being cached could be edited again within the file system's timestamp
resolution, so such an entry is "racy" and is confirmed by the file's hash before use (the
trick git uses for its index). Anything unexpected in an entry means a miss, never an error.

Entries hold the pack's records (:mod:`simulator.packs.records`) as JSON, without the
fields that equal their defaults, and are read back with ``json.loads`` and the records'
constructors, checking each value's type on the way: a start that finds every pack in the
cache imports neither PyYAML nor pydantic.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

from simulator import __version__
from simulator.common.files import write_atomically
from simulator.packs.records import (
    CLOSING_CASES,
    FORMAT_VERSION,
    KINDS,
    STAGES,
    Closing,
    Criterion,
    Pack,
    PanelMember,
    Persona,
    PersonaVoice,
    Question,
    Reply,
    Rubric,
    Stage,
)

log = logging.getLogger(__name__)

CACHE_LAYOUT = 5
"""5: personas may carry a voice. 4: personas carry follow-up depth, closings and replies.
3: packs are stored as records, without the fields equal to their defaults, and read back
without pydantic (2 stored pydantic's dump of the fields the file gave)."""
RACY_WINDOW_NS = 2_000_000_000
_SOURCES = (
    "models.py",
    "records.py",
    "loader.py",
    "yamlread.py",
    "references.py",
    "rubrics.py",
    "cache.py",
)


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


class DamagedEntry(Exception):
    """A cache entry holds something this program does not write."""


_Record = (
    Criterion
    | Rubric
    | Question
    | PanelMember
    | PersonaVoice
    | Reply
    | Closing
    | Stage
    | Persona
    | Pack
)
_REQUIRED = object()


def _defaults(kind: type[_Record]) -> tuple[tuple[str, object], ...]:
    """Each field's name and default (a fresh one from its factory, or ``_REQUIRED``)."""
    found: list[tuple[str, object]] = []
    for item in dataclasses.fields(kind):
        if item.default is not dataclasses.MISSING:
            found.append((item.name, item.default))
        elif item.default_factory is not dataclasses.MISSING:
            found.append((item.name, item.default_factory()))
        else:
            found.append((item.name, _REQUIRED))
    return tuple(found)


_DEFAULTS: dict[type[object], tuple[tuple[str, object], ...]] = {
    kind: _defaults(kind)
    for kind in (
        Criterion,
        Rubric,
        Question,
        PanelMember,
        PersonaVoice,
        Reply,
        Closing,
        Stage,
        Persona,
        Pack,
    )
}


def _given(record: object) -> dict[str, object]:
    """A record's fields that differ from their defaults; ``json.dumps`` calls this for each
    record it meets, and writes the records nested in the result the same way."""
    defaults = _DEFAULTS.get(type(record))
    if defaults is None:
        raise TypeError(f"not a pack record: {type(record).__name__}")
    given: dict[str, object] = {}
    for name, default in defaults:
        value = getattr(record, name)
        if value != default:
            given[name] = value
    return given


def encode_pack(pack: Pack) -> bytes:
    """A pack as the JSON of a cache entry's body."""
    return json.dumps(pack, default=_given, separators=(",", ":")).encode()


# Reading checks a whole column at a time (every question's prompt, then every question's
# tags...) with set(map(type, ...)), which runs in C: checking each value in Python would
# take longer than decoding the JSON. A record's constructor refuses unknown and missing
# fields; the checks below refuse values of the wrong type.

Check = Callable[[list[Any]], None]
"""Raises :class:`DamagedEntry` unless every value of a column has the field's shape."""


def _of_type(*allowed: type) -> Check:
    """A column whose values are all of these exact types (so ``true`` is no number)."""
    types = frozenset(allowed)

    def check(column: list[Any]) -> None:
        found = set(map(type, column))
        if not found <= types:
            names = ", ".join(sorted(kind.__name__ for kind in found - types))
            raise DamagedEntry(f"unexpected {names}")

    return check


def _lists_of(*allowed: type, optional: bool = False) -> Check:
    """A column of lists whose items are all of these exact types (or None, if optional)."""
    check_lists = _of_type(list, type(None)) if optional else _of_type(list)
    check_items = _of_type(*allowed)

    def check(column: list[Any]) -> None:
        check_lists(column)
        given = [value for value in column if value is not None] if optional else column
        check_items(list(chain.from_iterable(given)))

    return check


def _one_of(*names: str | None) -> Check:
    """A column whose values are all among these names."""
    known = frozenset(names)

    def check(column: list[Any]) -> None:
        try:
            found = set(column)
        except TypeError:  # a list or a mapping where a name belongs
            raise DamagedEntry("a name is not text") from None
        if not found <= known:
            raise DamagedEntry(f"unknown names: {sorted(map(str, found - known))}")

    return check


def _lists_one_of(*names: str) -> Check:
    """A column of lists of names among these."""
    check_lists = _of_type(list)
    check_names = _one_of(*names)

    def check(column: list[Any]) -> None:
        check_lists(column)
        check_names(list(chain.from_iterable(column)))

    return check


_MAPPINGS = _of_type(dict)
_TEXT = _of_type(str)
_TEXT_OR_NONE = _of_type(str, type(None))
_WHOLE = _of_type(int)
_WHOLE_OR_NONE = _of_type(int, type(None))
_TEXTS = _lists_of(str)
_RECORDS = _of_type(list)
_KIND_OR_NONE = _one_of(*KINDS, None)

_CHECKS: dict[type[_Record], dict[str, Check]] = {
    Criterion: {"id": _TEXT, "label": _TEXT, "description": _TEXT, "levels": _MAPPINGS},
    Rubric: {"id": _TEXT, "title": _TEXT, "description": _TEXT, "criteria": _RECORDS},
    Question: {
        "id": _TEXT,
        "prompt": _TEXT,
        "kind": _KIND_OR_NONE,
        "tags": _TEXTS,
        "difficulty": _WHOLE,
        "time_limit": _WHOLE_OR_NONE,
        "clarification": _TEXT,
        "hints": _TEXTS,
        "talking_points": _TEXTS,
        "keywords": _TEXTS,
        "follow_ups": _TEXTS,
        "sample_answer": _TEXT,
        "rubric": _TEXT_OR_NONE,
        "checklist": _TEXTS,
        "due": _TEXT_OR_NONE,
    },
    PanelMember: {"name": _TEXT, "role": _TEXT},
    PersonaVoice: {"rate": _WHOLE_OR_NONE, "pitch": _WHOLE_OR_NONE, "variant": _TEXT_OR_NONE},
    Reply: {"about": _TEXTS, "reply": _TEXT},
    Closing: {"when": _one_of(*CLOSING_CASES), "say": _TEXT},
    Stage: {
        "stage": _one_of(*STAGES),
        "title": _TEXT,
        "count": _WHOLE,
        "kinds": _lists_one_of(*KINDS),
        "tags": _TEXTS,
        "packs": _TEXTS,
        "difficulty": _lists_of(int, optional=True),
        "time_limit": _WHOLE_OR_NONE,
    },
    Persona: {
        "id": _TEXT,
        "name": _TEXT,
        "role": _TEXT,
        "description": _TEXT,
        "greeting": _TEXT,
        "closing": _TEXT,
        "instructions": _TEXT,
        "next_steps": _TEXT,
        "transitions": _TEXTS,
        "probes": _TEXTS,
        "follow_up_rate": _of_type(float),
        "answer_time": _WHOLE,
        "panel": _of_type(list, type(None)),
        "track": _TEXT,
        "max_follow_ups": _WHOLE,
        "probe_share": _of_type(float),
        "closings": _RECORDS,
        "replies": _RECORDS,
        "unmatched_reply": _TEXT,
        "voice": _of_type(PersonaVoice, type(None)),
        "plan": _RECORDS,
    },
    Pack: {
        "format": _WHOLE,
        "id": _TEXT,
        "title": _TEXT,
        "version": _TEXT,
        "kind": _KIND_OR_NONE,
        "description": _TEXT,
        "authors": _TEXTS,
        "license": _TEXT,
        "source": _TEXT,
        "language": _TEXT,
        "tags": _TEXTS,
        "rubric": _TEXT_OR_NONE,
        "rubrics": _RECORDS,
        "questions": _RECORDS,
        "candidate_questions": _TEXTS,
        "personas": _RECORDS,
    },
}
"""The shape of every field of every record, checked once the records are built."""


def _levels(value: Any) -> dict[int, str]:
    # JSON keys are text: the scores are turned back into numbers.
    _MAPPINGS([value])
    try:
        levels = {int(score): anchor for score, anchor in value.items()}
    except ValueError:
        raise DamagedEntry("a level is not a score") from None
    _TEXT(list(levels.values()))
    return levels


def _shared(value: Any) -> Any:
    """Text, or a list of texts, as the one copy every record shares (``sys.intern``)."""
    # JSON gives each question its own copy of every tag and keyword: with 50,000 questions
    # the copies took 18 MB.
    try:
        if type(value) is str:
            return sys.intern(value)
        if type(value) is list:
            return list(map(sys.intern, value))
    except TypeError:  # not text: the checks refuse it once the record is built
        return value
    return value


def _builder(kind: type[_Record]) -> Callable[[Any], Any]:
    return lambda value: value if value is None else _build(kind, value)


def _single(kind: type[_Record]) -> Callable[[Any], Any]:
    """A field holding one record (or None), not a list of them."""
    return lambda value: value if value is None else _build(kind, [value])[0]


_CONVERTERS: dict[type[_Record], dict[str, Callable[[Any], Any]]] = {
    Criterion: {"levels": _levels},
    Rubric: {"criteria": _builder(Criterion)},
    Question: {"kind": _shared, "tags": _shared, "keywords": _shared, "rubric": _shared},
    Persona: {
        "panel": _builder(PanelMember),
        "closings": _builder(Closing),
        "replies": _builder(Reply),
        "voice": _single(PersonaVoice),
        "plan": _builder(Stage),
    },
    Pack: {
        "rubrics": _builder(Rubric),
        "questions": _builder(Question),
        "personas": _builder(Persona),
    },
}
"""Fields whose JSON is turned into something else before their record is built."""


def _build(kind: type[_Record], value: Any) -> list[Any]:
    """Records of one kind from a JSON list of their fields."""
    _RECORDS([value])
    items: list[Any] = value
    _MAPPINGS(items)
    for name, convert in _CONVERTERS.get(kind, {}).items():
        for item in items:
            if name in item:
                item[name] = convert(item[name])
    try:
        built = [kind(**item) for item in items]
    except TypeError as error:  # an unknown field, or a required one missing
        raise DamagedEntry(str(error)) from None
    for name, check in _CHECKS[kind].items():
        check(list(map(attrgetter(name), built)))
    return built


def decode_pack(body: bytes) -> Pack:
    """The pack in a cache entry's body. Raises :class:`DamagedEntry` unless every field of
    every record has the shape the records need, so a damaged entry is never half used."""
    # Decoding makes hundreds of thousands of objects but no reference cycles, so the cyclic
    # garbage collector is paused meanwhile: each collection it would start walks every pack
    # already loaded (with 50,000 questions, a third of the time went there).
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = json.loads(body)
        pack: Pack = _build(Pack, [data])[0]
    except ValueError as error:  # not JSON, or not UTF-8
        raise DamagedEntry(str(error)) from None
    finally:
        if collecting:
            gc.enable()
    return pack


class PackCache:
    """Parsed packs by file path. ``folder=None`` disables caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.fingerprint = program_fingerprint()
        self.used: set[str] = set()

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
            return decode_pack(body)
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
            payload = json.dumps(header).encode() + b"\n" + encode_pack(pack)
            write_atomically(entry, payload, sync=False, make_folder=True)
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
