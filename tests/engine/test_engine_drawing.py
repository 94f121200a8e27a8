"""Question drawing: filters, counts, seeds, pack restriction and history weighting."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping

import pytest
from engine_helpers import make_library, make_pack, persona, question

from simulator.engine import (
    NoHistory,
    QuestionKey,
    QuestionStats,
    draw_questions,
    question_weight,
    weighted_sample,
)
from simulator.packs.library import Library
from simulator.packs.records import Persona


class DictHistory:
    """A history backed by a plain dict."""

    def __init__(self, stats: Mapping[QuestionKey, QuestionStats]) -> None:
        self.stats = dict(stats)

    def question_stats(self) -> Mapping[QuestionKey, QuestionStats]:
        return self.stats


def pool(count: int, pack_id: str = "pool", **extra: object) -> Library:
    content = make_pack(
        pack_id,
        kind="behavioral",
        questions=[question(f"q{n}", **extra) for n in range(count)],
    )
    people = make_pack("people", personas=[persona(plan=[{"stage": "questions", "count": 3}])])
    return make_library(content, people)


def the_persona(library: Library) -> Persona:
    entry = library.persona("tester")
    assert entry is not None
    return entry.persona


@pytest.mark.parametrize(
    ("stats", "weight"),
    [
        (None, 3.0),
        (QuestionStats(0, None, None), 3.0),
        (QuestionStats(2, None, 1.0), 3.0),
        (QuestionStats(1, 5.0, 1.0), 1.0),
        (QuestionStats(1, 3.0, 1.0), 3.0),
        (QuestionStats(1, 1.5, 1.0), 4.5),
        (QuestionStats(1, 1.0, 1.0), 5.0),
        (QuestionStats(1, 0.0, 1.0), 5.0),  # clamped to the 1..5 scale
        (QuestionStats(1, 9.0, 1.0), 1.0),
    ],
)
def test_question_weight(stats: QuestionStats | None, weight: float) -> None:
    assert question_weight(stats) == weight


def test_weighted_sample_basics() -> None:
    items = list("abcdef")
    rng = random.Random(1)
    drawn = weighted_sample(items, [1.0] * 6, 4, rng)
    assert len(drawn) == 4 and len(set(drawn)) == 4
    assert weighted_sample(items, [1.0] * 6, 10, random.Random(1)) != []
    assert sorted(weighted_sample(items, [1.0] * 6, 10, random.Random(1))) == items
    assert weighted_sample(items, [0, 0, 1, 0, 0, 0], 3, random.Random(1)) == ["c"]
    assert weighted_sample(items, [1.0] * 6, 0, random.Random(1)) == []
    assert weighted_sample([], [], 3, random.Random(1)) == []
    a = weighted_sample(items, [1, 2, 3, 4, 5, 6], 3, random.Random("x"))
    b = weighted_sample(items, [1, 2, 3, 4, 5, 6], 3, random.Random("x"))
    assert a == b
    with pytest.raises(ValueError):
        weighted_sample(items, [1.0], 1, random.Random(1))


def test_same_seed_same_questions_different_seed_different() -> None:
    library = pool(30)
    persona_ = the_persona(library)

    def keys(seed: int) -> list[QuestionKey]:
        draw = draw_questions(library, persona_, seed=seed, history=NoHistory())
        return draw.keys()[0]

    assert keys(42) == keys(42)
    assert len(keys(42)) == 3
    assert len({tuple(keys(seed)) for seed in range(20)}) > 15


def test_draw_does_not_depend_on_pack_file_order() -> None:
    a = make_pack("a", kind="behavioral", questions=[question(f"a{n}") for n in range(5)])
    b = make_pack("b", kind="behavioral", questions=[question(f"b{n}") for n in range(5)])
    people = make_pack("people", personas=[persona(plan=[{"stage": "questions", "count": 4}])])
    one = make_library(a, b, people)
    other = make_library(b, people, a)
    for seed in range(10):
        first = draw_questions(one, the_persona(one), seed=seed, history=NoHistory())
        second = draw_questions(other, the_persona(other), seed=seed, history=NoHistory())
        assert first.keys() == second.keys()


def test_count_shortfall_and_restriction() -> None:
    a = make_pack("a", kind="behavioral", questions=[question(f"a{n}") for n in range(2)])
    b = make_pack("b", kind="technical", questions=[question(f"b{n}") for n in range(5)])
    plan = [
        {"stage": "questions", "count": 3, "kinds": ["behavioral"]},
        {"stage": "intro"},
        {"stage": "questions", "count": 3},
    ]
    library = make_library(a, b, make_pack("people", personas=[persona(plan=plan)]))
    draw = draw_questions(library, the_persona(library), seed=1, history=NoHistory())
    assert [ref.pack.id for ref in draw.stages[0].questions] == ["a", "a"]
    assert draw.stages[0].short and draw.stages[0].available == 2
    assert len(draw.stages[2].questions) == 3
    assert not draw.stages[2].short
    assert draw.notes == ("stage 1 (questions) asks 2 question(s) instead of 3",)
    assert draw.total == 5
    # No repeats: the second stage never draws what the first drew.
    first = {ref.key for ref in draw.stages[0].questions}
    assert not first & {ref.key for ref in draw.stages[2].questions}
    # --pack b: only b's questions; the behavioral stage has none.
    draw = draw_questions(
        library, the_persona(library), seed=1, history=NoHistory(), pack_ids=["b"]
    )
    assert draw.stages[0].questions == ()
    assert {ref.pack.id for ref in draw.stages[2].questions} == {"b"}
    assert draw.notes == ("stage 1 (questions) has no question to ask and is left out",)
    # --questions 1
    draw = draw_questions(
        library, the_persona(library), seed=1, history=NoHistory(), question_count=1
    )
    assert [len(stage.questions) for stage in draw.stages.values()] == [1, 1]


def test_history_changes_the_draw_but_stays_deterministic() -> None:
    library = pool(10)
    persona_ = the_persona(library)
    history = DictHistory({("pool", f"q{n}"): QuestionStats(3, 5.0, 1.0) for n in range(5)})
    first = draw_questions(library, persona_, seed=5, history=history)
    second = draw_questions(library, persona_, seed=5, history=history)
    assert first.keys() == second.keys()


def test_low_scored_questions_come_back_more_often() -> None:
    """Over 2,000 draws of one question, a weak question (mean 1.5, weight 4.5) comes up
    far more often than a strong one (mean 5, weight 1): about 4.5 times as often."""
    library = pool(4)
    persona_ = the_persona(library)
    history = DictHistory(
        {
            ("pool", "q0"): QuestionStats(4, 1.5, 1.0),  # weak: weight 4.5
            ("pool", "q1"): QuestionStats(4, 5.0, 1.0),  # strong: weight 1
            # q2 and q3 unseen: weight 3 each
        }
    )
    counts: Counter[str] = Counter()
    for seed in range(2000):
        draw = draw_questions(library, persona_, seed=seed, history=history, question_count=1)
        (ref,) = draw.stages[0].questions
        counts[ref.question.id] += 1
    assert sum(counts.values()) == 2000
    # Expected shares: 4.5/11.5, 1/11.5, 3/11.5, 3/11.5 = 39%, 9%, 26%, 26%.
    assert counts["q0"] > 3 * counts["q1"]
    assert 0.33 < counts["q0"] / 2000 < 0.45
    assert 0.05 < counts["q1"] / 2000 < 0.13
    assert counts["q1"] < counts["q2"] < counts["q0"]
    assert counts["q1"] < counts["q3"] < counts["q0"]
