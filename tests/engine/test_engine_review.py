"""Spaced review: grades, boxes, the documented intervals, what is due, and review draws."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest
from engine_helpers import make_library, make_pack, persona, question

from simulator.engine import review
from simulator.engine.drawing import draw_questions
from simulator.engine.history import QuestionKey, QuestionStats
from simulator.engine.review import (
    DAY,
    INTERVAL_DAYS,
    MAX_BOX,
    Grade,
    ReviewEvent,
    due_keys,
    due_reviews,
    grade,
    has_questions_stage,
    next_box,
    review_draw,
    schedule,
    schedules,
)
from simulator.packs.library import Library
from simulator.packs.records import Persona

T0 = 1_800_000_000.0
KEY: QuestionKey = ("pool", "q1")


def event(
    at_day: float, score: float | None, key: QuestionKey = KEY, *, skipped: bool = False
) -> ReviewEvent:
    return ReviewEvent(key=key, at=T0 + at_day * DAY, mean_score=score, skipped=skipped)


def test_the_documented_intervals_match_the_code() -> None:
    doc = review.__doc__ or ""
    rows = dict(re.findall(r"^(\d)\s+(\d+) days?$", doc, re.MULTILINE))
    assert {int(box): int(days) for box, days in rows.items()} == INTERVAL_DAYS
    assert MAX_BOX == 6


@pytest.mark.parametrize(
    ("score", "skipped", "expected"),
    [
        (1.0, False, Grade.WEAK),
        (2.49, False, Grade.WEAK),
        (2.5, False, Grade.FAIR),
        (3.49, False, Grade.FAIR),
        (3.5, False, Grade.STRONG),
        (4.49, False, Grade.STRONG),
        (4.5, False, Grade.EXCELLENT),
        (5.0, False, Grade.EXCELLENT),
        (None, True, Grade.WEAK),
        (5.0, True, Grade.WEAK),
        (None, False, None),
    ],
)
def test_grades(score: float | None, skipped: bool, expected: Grade | None) -> None:
    assert grade(score, skipped) is expected


@pytest.mark.parametrize(
    ("box", "graded", "expected"),
    [
        (0, Grade.WEAK, 1),
        (0, Grade.FAIR, 2),
        (0, Grade.STRONG, 3),
        (0, Grade.EXCELLENT, 4),
        (5, Grade.WEAK, 1),
        (5, Grade.FAIR, 4),
        (1, Grade.FAIR, 2),
        (3, Grade.STRONG, 4),
        (1, Grade.STRONG, 3),
        (5, Grade.EXCELLENT, 6),
        (6, Grade.EXCELLENT, 6),
        (6, Grade.STRONG, 6),
    ],
)
def test_boxes(box: int, graded: Grade, expected: int) -> None:
    assert next_box(box, graded) == expected


def test_a_sequence_of_scores_gives_the_documented_intervals() -> None:
    """The example in the module docstring: 2, 3, 4, 4, 5, 5, 1."""
    scores = [2, 3, 4, 4, 5, 5, 1]
    boxes: list[int] = []
    intervals: list[int] = []
    events: list[ReviewEvent] = []
    day = 0.0
    for score in scores:
        events.append(event(day, score))
        result = schedule(events)
        assert result is not None
        boxes.append(result.box)
        intervals.append(result.interval_days)
        assert result.due_at == T0 + (day + result.interval_days) * DAY
        assert result.last_reviewed == T0 + day * DAY
        day += result.interval_days  # answered again when it came due
    assert boxes == [1, 2, 3, 4, 6, 6, 1]
    assert intervals == [1, 3, 7, 14, 60, 60, 1]
    assert "2, 3, 4, 4, 5, 5, 1 give the boxes 1, 2, 3, 4, 6, 6, 1" in " ".join(
        (review.__doc__ or "").split()
    )


def test_low_scores_come_back_soon_and_high_scores_later() -> None:
    weak = schedule([event(0, 1.5)])
    strong = schedule([event(0, 4.8)])
    assert weak is not None and strong is not None
    assert weak.due_at - T0 == 1 * DAY
    assert strong.due_at - T0 == 14 * DAY


def test_unscored_answers_do_not_move_a_question_and_skips_count_as_weak() -> None:
    assert schedule([event(0, None)]) is None
    result = schedule([event(0, 4.0), event(5, None), event(9, None, skipped=True)])
    assert result is not None
    assert result.box == 1
    assert result.reviews == 2
    assert result.last_grade is Grade.WEAK
    assert result.last_score is None
    assert result.due_at == T0 + 10 * DAY
    # Events may come in any order.
    assert schedule([event(9, None, skipped=True), event(0, 4.0)]) == result


def test_due_questions_most_urgent_first() -> None:
    events = [
        event(0, 5.0, ("a", "strong")),  # box 4: due day 14
        event(0, 1.0, ("a", "weak")),  # box 1: due day 1
        event(0, 3.0, ("a", "fair")),  # box 2: due day 3
        event(0, 3.0, ("b", "fair")),  # box 2: due day 3
        event(2, 1.0, ("a", "recent-weak")),  # box 1: due day 3
        event(0, None, ("a", "unscored")),
    ]
    scheduled = schedules(events)
    assert set(scheduled) == {
        ("a", "strong"),
        ("a", "weak"),
        ("a", "fair"),
        ("b", "fair"),
        ("a", "recent-weak"),
    }
    now = T0 + 3 * DAY
    due = due_reviews(scheduled, now, changed={("b", "fair")})
    assert [item.key for item in due] == [
        ("a", "weak"),
        ("a", "recent-weak"),
        ("a", "fair"),
        ("b", "fair"),
    ]
    assert due[0].overdue == 2 * DAY
    assert due[1].overdue == 0
    assert [item.changed for item in due] == [False, False, False, True]
    installed = {("a", "fair"), ("a", "strong")}
    assert [item.key for item in due_reviews(scheduled, now, installed=installed)] == [
        ("a", "fair")
    ]
    assert due_keys(events, T0) == []
    assert due_keys(events, T0 + 20 * DAY)[-1] == ("a", "strong")


# --- review sessions ------------------------------------------------------------------------


def review_library() -> Library:
    content = make_pack(
        "pool",
        questions=[
            question("q1", kind="behavioral"),
            question("q2", kind="technical"),
            question("q3", kind="behavioral"),
        ],
    )
    people = make_pack(
        "people",
        personas=[
            persona(
                "two-stages",
                plan=[
                    {"stage": "intro"},
                    {"stage": "questions", "count": 1, "kinds": ["behavioral"]},
                    {"stage": "questions", "count": 1, "kinds": ["technical"]},
                    {"stage": "wrap-up"},
                ],
            ),
            persona("pitch-only", plan=[{"stage": "pitch"}]),
        ],
    )
    return make_library(content, people)


def persona_of(library: Library, persona_id: str) -> Persona:
    entry = library.persona(persona_id)
    assert entry is not None
    return entry.persona


def test_a_review_draw_asks_the_keys_in_the_first_questions_stage() -> None:
    library = review_library()
    keys = [("pool", "q2"), ("pool", "q3"), ("pool", "gone"), ("pool", "q2")]
    draw = review_draw(library, persona_of(library, "two-stages"), keys)
    assert draw.keys() == {1: [("pool", "q2"), ("pool", "q3")], 2: []}
    assert draw.total == 2
    assert draw.stages[1].wanted == 2
    assert any("no longer installed" in note for note in draw.notes)


def test_a_review_needs_a_questions_stage() -> None:
    library = review_library()
    pitch_only = persona_of(library, "pitch-only")
    assert not has_questions_stage(pitch_only)
    assert has_questions_stage(persona_of(library, "two-stages"))
    draw = review_draw(library, pitch_only, [("pool", "q1")])
    assert draw.total == 0
    assert any("asks no questions" in note for note in draw.notes)
    nothing = review_draw(library, persona_of(library, "two-stages"), [("pool", "gone")])
    assert nothing.total == 0
    assert any("has no question to ask" in note for note in nothing.notes)


class DictHistory:
    def __init__(self, stats: Mapping[QuestionKey, QuestionStats]) -> None:
        self.stats = dict(stats)

    def question_stats(self) -> Mapping[QuestionKey, QuestionStats]:
        return self.stats


def test_a_due_question_is_drawn_first() -> None:
    content = make_pack(
        "pool", kind="behavioral", questions=[question(f"q{n}") for n in range(20)]
    )
    people = make_pack("people", personas=[persona(plan=[{"stage": "questions", "count": 4}])])
    library = make_library(content, people)
    entry = library.persona("tester")
    assert entry is not None
    events = [event(0, 1.0, ("pool", "q17")), event(0, 3.0, ("pool", "q3"))]
    due = due_keys(events, T0 + 5 * DAY)
    assert due == [("pool", "q17"), ("pool", "q3")]
    for seed in range(30):
        draw = draw_questions(
            library,
            entry.persona,
            seed=seed,
            history=DictHistory({}),
            due=due,
        )
        keys = draw.keys()[0]
        assert keys[:2] == due  # most urgent first, then the rest by weight
        assert len(keys) == 4 and len(set(keys)) == 4
    # At most half a stage (rounded up) goes to due questions.
    many = due_keys([event(0, 1.0, ("pool", f"q{n}")) for n in range(10)], T0 + 5 * DAY)
    draw = draw_questions(library, entry.persona, seed=1, history=DictHistory({}), due=many)
    assert sum(1 for key in draw.keys()[0] if key in many) >= 2
    assert draw.keys()[0][:2] == many[:2]
    # Without due questions the draw is what it always was.
    plain = draw_questions(library, entry.persona, seed=5, history=DictHistory({}))
    with_none = draw_questions(library, entry.persona, seed=5, history=DictHistory({}), due=[])
    assert with_none.keys() == plain.keys()
