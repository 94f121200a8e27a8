"""docs/reliability.md names real tests, and names every hardening test."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
DOC = REPO / "docs" / "reliability.md"
TEST = re.compile(r"(?:async )?def (test_\w+)", re.MULTILINE)


def defined_tests(path: Path) -> set[str]:
    return set(TEST.findall(path.read_text(encoding="utf-8")))


def test_every_test_the_reliability_page_names_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    references = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?", text)
    assert len(references) > 50
    for file, name in references:
        path = REPO / file
        assert path.is_file(), file
        if name:
            assert name in defined_tests(path), f"{file}::{name} does not exist"
    for fixture in re.findall(r"`\[([\w-]+\.yaml)\]`", text):
        assert (REPO / "tests" / "packs" / "fixtures" / "refusals" / fixture).is_file(), fixture


def test_every_hardening_test_is_on_the_reliability_page() -> None:
    text = DOC.read_text(encoding="utf-8")
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        for name in sorted(defined_tests(path)):
            if name == "test_the_seeds_are_the_built_in_packs":
                continue  # a check of the fuzz test's own inputs
            assert f"{path.name}::{name}" in text, f"{path.name}::{name} is not listed"
