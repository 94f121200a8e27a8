"""The parsed-pack cache never serves a stale pack, and shrugs off damage."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from simulator.packs.cache import PackCache
from simulator.packs.discovery import PackFile
from simulator.packs.library import load_file

PACK = "format: 1\nid: cached\ntitle: {title}\nkind: technical\n"


def write(path: Path, title: str) -> None:
    path.write_text(PACK.format(title=title), encoding="utf-8")


@pytest.fixture
def cache(tmp_path: Path) -> PackCache:
    return PackCache(tmp_path / "cache")


def load(path: Path, cache: PackCache) -> str:
    return load_file(PackFile(path, "user"), cache).title


def test_hit_after_first_load(tmp_path: Path, cache: PackCache) -> None:
    path = tmp_path / "pack.yaml"
    write(path, "First")
    assert load(path, cache) == "First"
    assert cache.get(path, os.stat(path)) is not None


def test_same_size_edit_in_the_same_instant_is_seen(tmp_path: Path, cache: PackCache) -> None:
    path = tmp_path / "pack.yaml"
    write(path, "AAAA")
    info = os.stat(path)
    assert load(path, cache) == "AAAA"
    write(path, "BBBB")
    # Pretend the file system kept the same timestamps: the racy check must still catch it.
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert load(path, cache) == "BBBB"


def test_replaced_file_is_seen(tmp_path: Path, cache: PackCache) -> None:
    path = tmp_path / "pack.yaml"
    write(path, "Old")
    load(path, cache)
    other = tmp_path / "other.yaml"
    write(other, "New")
    other.replace(path)
    assert load(path, cache) == "New"


def test_program_change_invalidates(tmp_path: Path, cache: PackCache) -> None:
    path = tmp_path / "pack.yaml"
    write(path, "Title")
    load(path, cache)
    newer = PackCache(cache.folder)
    newer.fingerprint = "another-version"
    assert newer.get(path, os.stat(path)) is None


@pytest.mark.parametrize("damage", [b"", b"not json\n{}", b'{"program": 1}\n', b"\xff\xfe"])
def test_damaged_entry_is_ignored_and_rebuilt(
    tmp_path: Path, cache: PackCache, damage: bytes
) -> None:
    path = tmp_path / "pack.yaml"
    write(path, "Title")
    load(path, cache)
    assert cache.folder is not None
    (entry,) = cache.folder.glob("*.json")
    entry.write_bytes(damage)
    assert load(path, cache) == "Title"
    header = json.loads(entry.read_bytes().splitlines()[0])
    assert header["program"] == cache.fingerprint


def test_disabled_cache_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    write(path, "Title")
    assert load(path, PackCache(None)) == "Title"
