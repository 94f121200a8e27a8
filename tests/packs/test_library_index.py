"""The library's question index and memory sharing give exactly what the plain code gave."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from simulator.packs.cache import PackCache
from simulator.packs.discovery import PackFile
from simulator.packs.library import Library, PackFolders, load_file, load_library, stage_matches
from simulator.packs.records import Stage

BUILT_IN = Path(__file__).resolve().parents[2] / "question_packs"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(PackFolders(BUILT_IN, None), PackCache(None))


def stages(library: Library) -> list[Stage]:
    """Every questions stage of the built-in personas, and filters made up from the
    library's own kinds, tags, packs and difficulties."""
    found = [
        stage
        for entry in library.personas
        for stage in entry.persona.plan
        if stage.stage == "questions"
    ]
    tags = sorted({tag for ref in library.questions() for tag in ref.tags})[:6]
    packs = [loaded.pack.id for loaded in library.packs][:3]
    kinds = ["behavioral", "technical", "follow-up"]
    for kind, tag, pack, difficulty in itertools.product(
        [[], kinds[:1], kinds[1:]],
        [[], tags[:1], tags[2:5]],
        [[], packs[:1], [*packs[1:], "not-installed"]],
        [None, [1, 2], [3, 5]],
    ):
        found.append(
            Stage(stage="questions", kinds=kind, tags=tag, packs=pack, difficulty=difficulty)
        )
    return found


def test_matching_equals_testing_every_question(library: Library) -> None:
    for stage in stages(library):
        expected = [ref for ref in library.questions() if stage_matches(stage, ref)]
        assert library.matching(stage) == expected


def test_question_lookup_finds_the_first_of_each_key(library: Library) -> None:
    for ref in library.questions():
        assert library.question(*ref.key) == next(
            other for other in library.questions() if other.key == ref.key
        )
    assert library.question("core-behavioral", "no-such-question") is None


def test_personas_resolve_as_before(library: Library) -> None:
    assert library.personas
    assert all(entry.usable for entry in library.personas)


def test_a_cached_pack_is_the_parsed_pack(tmp_path: Path) -> None:
    cache = PackCache(tmp_path / "cache")
    for path in sorted(BUILT_IN.glob("*.yaml")):
        fresh = load_file(PackFile(path, "built-in"), PackCache(None))
        parsed = load_file(PackFile(path, "built-in"), cache)  # parsed, then cached
        assert cache.get(path, os.stat(path)) is not None
        cached = load_file(PackFile(path, "built-in"), cache)  # from the cache
        assert cached is not parsed
        assert cached == parsed == fresh
