"""The parsed-pack cache never serves a stale pack, and shrugs off damage."""

from __future__ import annotations

import dataclasses
import gc
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from simulator.common import locations
from simulator.packs import cache as cache_module
from simulator.packs import load_pack
from simulator.packs.cache import DamagedEntry, PackCache, decode_pack
from simulator.packs.discovery import PackFile
from simulator.packs.library import load_file

BUILT_IN = locations.builtin_packs_dir()

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


RICH = """\
format: 1
id: rich
title: Rich
kind: technical
rubrics:
  - id: own
    title: Own
    criteria:
      - id: depth
        label: Depth
        levels: {1: Shallow, 5: Deep}
questions:
  - id: q1
    prompt: Why?
    tags: [why]
    difficulty: 4
    rubric: own
personas:
  - id: panel
    name: Panel
    follow_up_rate: 0.5
    panel:
      - name: Ann
      - name: Bob
        role: Lead
    plan:
      - stage: questions
        kinds: [technical]
        difficulty: [2, 5]
"""


def set_in(path: tuple[str | int, ...], value: object) -> Callable[[Any], Any]:
    def damage(body: Any) -> Any:
        target = body
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
        return body

    return damage


def drop(path: tuple[str | int, ...]) -> Callable[[Any], Any]:
    def damage(body: Any) -> Any:
        target = body
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
        return body

    return damage


SHAPES: dict[str, Callable[[Any], Any]] = {
    "null body": lambda body: None,
    "list body": lambda body: [body],
    "text body": lambda body: "rich",
    "unknown pack field": set_in(("colour",), "blue"),
    "missing title": drop(("title",)),
    "questions as text": set_in(("questions",), "q1"),
    "question as a list": set_in(("questions", 0), ["q1"]),
    "question without a prompt": drop(("questions", 0, "prompt")),
    "unknown question field": set_in(("questions", 0, "colour"), "blue"),
    "tags as text": set_in(("questions", 0, "tags"), "why"),
    "tag as a number": set_in(("questions", 0, "tags"), [1]),
    "difficulty as text": set_in(("questions", 0, "difficulty"), "4"),
    "difficulty as true": set_in(("questions", 0, "difficulty"), True),
    "unknown kind": set_in(("questions", 0, "kind"), "musical"),
    "kind as a list": set_in(("questions", 0, "kind"), ["technical"]),
    "pack kind as a mapping": set_in(("kind",), {"technical": 1}),
    "levels as a list": set_in(("rubrics", 0, "criteria", 0, "levels"), ["Shallow"]),
    "level not a score": set_in(("rubrics", 0, "criteria", 0, "levels"), {"one": "x"}),
    "level as a number": set_in(("rubrics", 0, "criteria", 0, "levels"), {"1": 1}),
    "criteria as null": set_in(("rubrics", 0, "criteria"), None),
    "unknown stage": set_in(("personas", 0, "plan", 0, "stage"), "dance"),
    "stage kinds unknown": set_in(("personas", 0, "plan", 0, "kinds"), ["musical"]),
    "range of text": set_in(("personas", 0, "plan", 0, "difficulty"), ["2", "5"]),
    "plan as null": set_in(("personas", 0, "plan"), None),
    "panel as text": set_in(("personas", 0, "panel"), "Ann"),
    "panel member without a name": drop(("personas", 0, "panel", 0, "name")),
    "rate as text": set_in(("personas", 0, "follow_up_rate"), "0.5"),
    "rate as a whole number": set_in(("personas", 0, "follow_up_rate"), 1),
}


@pytest.mark.parametrize("damage", SHAPES.values(), ids=SHAPES.keys())
def test_a_wrong_shaped_entry_is_a_miss(
    tmp_path: Path, cache: PackCache, damage: Callable[[Any], Any]
) -> None:
    path = tmp_path / "rich.yaml"
    path.write_text(RICH, encoding="utf-8")
    parsed = load_file(PackFile(path, "user"), cache)
    assert cache.folder is not None
    (entry,) = cache.folder.glob("*.json")
    header, body = entry.read_bytes().split(b"\n", 1)
    entry.write_bytes(header + b"\n" + json.dumps(damage(json.loads(body))).encode())
    with pytest.raises(DamagedEntry):
        decode_pack(entry.read_bytes().split(b"\n", 1)[1])
    assert gc.isenabled()  # paused while decoding, and back on even after a failure
    assert cache.get(path, os.stat(path)) is None
    assert load_file(PackFile(path, "user"), cache) == parsed  # parsed again, and rewritten
    assert cache.get(path, os.stat(path)) == parsed


def test_the_rich_pack_reads_back_from_the_cache(tmp_path: Path, cache: PackCache) -> None:
    path = tmp_path / "rich.yaml"
    path.write_text(RICH, encoding="utf-8")
    parsed = load_file(PackFile(path, "user"), cache)
    cached = cache.get(path, os.stat(path))
    assert cached == parsed and cached is not parsed
    assert cached.rubrics[0].criteria[0].levels == {1: "Shallow", 5: "Deep"}
    assert cached.personas[0].plan[0].difficulty == [2, 5]


def test_questions_read_back_share_their_tags(tmp_path: Path, cache: PackCache) -> None:
    path = BUILT_IN / "core-behavioral.yaml"
    load_file(PackFile(path, "built-in"), cache)
    cached = cache.get(path, os.stat(path))
    assert cached is not None
    copies: dict[str, set[int]] = {}
    for question in cached.questions:
        for tag in question.tags:
            copies.setdefault(tag, set()).add(id(tag))
    assert any(len(question.tags) > 0 for question in cached.questions)
    assert all(len(found) == 1 for found in copies.values()), copies


def test_every_field_of_every_record_is_checked_when_read() -> None:
    for kind, checks in cache_module._CHECKS.items():
        assert list(checks) == [field.name for field in dataclasses.fields(kind)], kind


@pytest.mark.parametrize("path", sorted(BUILT_IN.glob("*.yaml")), ids=lambda path: path.name)
def test_a_built_in_pack_reads_back_as_parsed(path: Path, cache: PackCache) -> None:
    # YAML, validated by the pydantic models, made a record; then stored and read back.
    parsed = load_pack(path)
    cache.put(path, os.stat(path), path.read_text(encoding="utf-8"), parsed)
    assert cache.get(path, os.stat(path)) == parsed
