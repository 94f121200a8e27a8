"""The ``home`` fixture every test runs in: a fresh folder, with the built-in packs cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.common import locations
from simulator.packs.cache import PackCache


def cached(home: Path) -> list[bool]:
    """For each built-in pack, whether a start in ``home`` finds it in the cache."""
    assert locations.pack_cache_dir().is_relative_to(home)
    cache = PackCache(locations.pack_cache_dir())
    files = sorted(locations.builtin_packs_dir().glob("*.yaml"))
    assert files
    return [cache.get(path, path.stat()) is not None for path in files]


def test_a_home_starts_with_the_built_in_packs_cached(home: Path) -> None:
    assert all(cached(home))


@pytest.mark.cold_cache
def test_a_cold_cache_home_starts_with_nothing_cached(home: Path) -> None:
    assert not (home / "cache").exists()
    assert not any(cached(home))
