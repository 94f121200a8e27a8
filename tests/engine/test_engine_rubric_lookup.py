"""Which rubric an answer's rubric id means (simulator.engine.rubric_lookup)."""

from __future__ import annotations

from engine_helpers import make_library, make_pack

from simulator.engine.rubric_lookup import criterion_label, rubric_candidates
from simulator.packs.rubrics import BUILTIN_RUBRICS

BUILTIN = next(iter(BUILTIN_RUBRICS.values()))
"""A built-in rubric, which the test pack also defines its own way."""


def test_the_answers_own_pack_comes_before_the_built_in_rubric() -> None:
    criteria = [{"id": "own", "label": "Own criterion"}]
    pack = make_pack("mine", rubrics=[{"id": BUILTIN.id, "title": "Mine", "criteria": criteria}])
    library = make_library(pack)
    found = rubric_candidates(library, BUILTIN.id, "mine")
    assert [rubric.title for rubric in found] == ["Mine", BUILTIN.title]
    assert criterion_label(library, BUILTIN.id, "mine", "own") == "Own criterion"
    first = BUILTIN.criteria[0]
    assert criterion_label(library, BUILTIN.id, "mine", first.id) == first.label


def test_without_the_pack_only_the_built_in_rubric_is_known() -> None:
    assert rubric_candidates(None, BUILTIN.id, "gone") == [BUILTIN]
    assert rubric_candidates(None, "no-such-rubric", "gone") == []
    assert criterion_label(None, "no-such-rubric", "gone", "clear") is None
