"""No built-in pack text copies the seed articles the product was built from.

Every string value in every built-in pack is cut into 8-word shingles (lowercased words,
punctuation stripped) and compared with the shingles of the articles in ../shared/seeds/. A
shared shingle means eight words in a row taken over, which is copying, not paraphrase. The
folder's README is the project's own note about the articles, so it is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BUILT_IN = REPO / "question_packs"
SEEDS = REPO.parent / "shared" / "seeds"
SHINGLE = 8

WORD = re.compile(r"[^\W_]+")
APOSTROPHES = str.maketrans("", "", "'\u2019\u2018")


def words_of(text: str) -> list[str]:
    """Lowercased words without punctuation; an apostrophe joins its word (don't -> dont)."""
    return WORD.findall(text.lower().translate(APOSTROPHES))


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    """Every run of ``size`` consecutive words in the text."""
    found = words_of(text)
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


def strings_in(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every string value below a parsed YAML value, with where it is."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, f"{where}[{index}]")


def seed_shingles() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS} (they sit beside the repository)")
    files = sorted(
        path
        for path in SEEDS.iterdir()
        if path.is_file() and not path.name.upper().startswith("README")
    )
    assert files, f"{SEEDS} holds no files"
    found: set[tuple[str, ...]] = set()
    for path in files:
        found |= shingles(path.read_text(encoding="utf-8", errors="replace"))
    return found


PACK_FILES = sorted(BUILT_IN.glob("*.y*ml"))


def test_shingles_ignore_case_and_punctuation() -> None:
    one = shingles("Don't panic: the server, as usual, was fine all along today.")
    two = shingles("dont PANIC the server as usual -- was fine; all along today")
    assert one == two
    assert len(one) == 4
    assert not shingles("seven words are not enough for one")


def test_there_are_built_in_packs() -> None:
    assert len(PACK_FILES) >= 5


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda path: path.name)
def test_no_eight_words_copied_from_the_seeds(path: Path) -> None:
    seeds = seed_shingles()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    copied = [
        f"{where}: {' '.join(shingle)}"
        for where, text in strings_in(data, path.stem)
        for shingle in sorted(shingles(text) & seeds)
    ]
    assert not copied, "text shared with the seed articles:\n" + "\n".join(copied)
