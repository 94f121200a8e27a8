"""Progress: trends per criterion and per tag, streaks, totals, weakest areas in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, timedelta, timezone

import pytest

from simulator.engine.progress import (
    MIN_SCORES,
    RECENT_WINDOW,
    ScoredAnswer,
    Trend,
    criterion_trends,
    local_day,
    progress,
    rubric_names,
    streak,
    streak_words,
    tag_trends,
    trend,
    weakest,
    weakest_words,
)

T0 = 1_800_000_000.0  # 2027-01-15T08:00:00Z
DAY = 86_400.0


@dataclass(frozen=True)
class Session:
    created_at: float
    phase: str = "done"
    answer_count: int = 3


def scored(
    session: int,
    scores: dict[str, int],
    *,
    rubric: str = "star",
    tags: tuple[str, ...] = (),
    question: str = "q1",
    day: float | None = None,
) -> ScoredAnswer:
    return ScoredAnswer(
        session_id=f"s{session:02d}",
        at=T0 + (session if day is None else day) * DAY,
        pack_id="pack",
        question_id=question,
        rubric_id=rubric,
        tags=tags,
        scores=scores,
    )


def test_a_trend_has_one_point_per_session() -> None:
    item = trend("criterion", "star/result", "Result", [[2, 3], [3], [4, 4], [5]])
    assert item.points == (2.5, 3.0, 4.0, 5.0)
    assert item.count == 6
    assert item.mean == pytest.approx(21 / 6, abs=0.001)
    assert item.recent == pytest.approx(3.625)  # fewer points than the window: all of them
    assert item.change == pytest.approx(4.5 - 2.75)  # the later half against the earlier
    assert item.direction == "up" and item.arrow == "↑"


def test_recent_and_change_use_the_window() -> None:
    points = [[1.0]] * RECENT_WINDOW + [[3.0]] * RECENT_WINDOW + [[2.0]] * RECENT_WINDOW
    item = trend("tag", "conflict", "conflict", points)
    assert item.recent == 2.0
    assert item.change == -1.0
    assert item.direction == "down"
    single = trend("tag", "x", "x", [[4.0]])
    assert single.change is None and single.direction == "" and single.arrow == " "
    flat = trend("tag", "x", "x", [[3.0], [3.2]])
    assert flat.direction == "steady" and flat.arrow == "→"


def test_criterion_trends_are_named_and_weakest_first() -> None:
    answers = [
        scored(1, {"result": 2, "structure": 4}),
        scored(2, {"result": 3, "structure": 5}),
        scored(2, {"accuracy": 3}, rubric="tech"),
    ]
    trends = criterion_trends(
        answers,
        labels={("star", "result"): "Result", ("star", "structure"): "Structure"},
        rubric_titles={"star": "STAR story"},
    )
    assert [item.label for item in trends] == [
        "Result (STAR story)",
        "Accuracy (Tech)",
        "Structure (STAR story)",
    ]
    assert trends[0].points == (2.0, 3.0)
    assert trends[0].key == "star/result"


def test_tag_trends_use_each_answers_mean() -> None:
    answers = [
        scored(1, {"a": 2, "b": 4}, tags=("conflict", "teamwork", "conflict")),
        scored(1, {"a": 1}, tags=("conflict",), question="q2"),
        scored(2, {"a": 5}, tags=("teamwork",)),
        scored(3, {}, tags=("empty",)),
    ]
    trends = {item.key: item for item in tag_trends(answers)}
    assert set(trends) == {"conflict", "teamwork"}
    assert trends["conflict"].points == (2.0,)  # (3 + 1) / 2 in session 1
    assert trends["conflict"].count == 2
    assert trends["teamwork"].points == (3.0, 5.0)


def days(*offsets: int) -> list[date]:
    today = date(2027, 1, 15)
    return [today - timedelta(days=offset) for offset in offsets]


@pytest.mark.parametrize(
    ("practised", "current", "longest", "today"),
    [
        ([], 0, 0, False),
        (days(0), 1, 1, True),
        (days(1), 1, 1, False),  # yesterday still counts until today ends
        (days(2), 0, 1, False),
        (days(0, 1, 2, 5, 6, 7, 8), 3, 4, True),
        (days(1, 2, 3, 3, 3), 3, 3, False),
    ],
)
def test_streaks(practised: list[date], current: int, longest: int, today: bool) -> None:
    result = streak(practised, date(2027, 1, 15))
    assert (result.current, result.longest, result.today) == (current, longest, today)


def test_days_are_counted_in_the_users_time_zone() -> None:
    late = T0 + 15 * 3600 + 30 * 60  # 23:30 UTC
    assert local_day(late, UTC) == date(2027, 1, 15)
    assert local_day(late, timezone(timedelta(hours=2))) == date(2027, 1, 16)


def test_progress_puts_it_together() -> None:
    sessions = [Session(T0 - offset * DAY) for offset in (9, 2, 1, 0)]
    sessions.append(Session(T0 - 3 * DAY, phase="stages", answer_count=0))  # never answered
    sessions.append(Session(T0 - 30 * DAY, phase="self-score", answer_count=2))
    answers = [
        scored(1, {"result": 1, "structure": 4}, tags=("conflict",), day=-9),
        scored(2, {"result": 2, "structure": 4}, tags=("conflict",), day=-2),
        scored(3, {"result": 2, "structure": 5}, tags=("conflict",), day=-1, question="q2"),
        scored(4, {"result": 3, "structure": 5}, tags=("growth",), day=0),
    ]
    result = progress(
        answers,
        sessions,
        now=T0,
        tz=UTC,
        labels={("star", "result"): "Result"},
        rubric_titles={"star": "STAR story"},
        real_interviews=2,
    )
    assert result.streak.current == 3 and result.streak.today
    totals = result.totals
    assert (totals.sessions, totals.finished, totals.answers) == (5, 4, 14)
    assert (totals.scored, totals.questions, totals.days, totals.this_week) == (4, 2, 5, 3)
    assert totals.real_interviews == 2
    assert [item.label for item in result.weakest_criteria] == [
        "Result (STAR story)",
        "Structure (STAR story)",
    ]
    assert [item.label for item in result.weakest_tags] == ["conflict"]  # growth: 1 score
    words = weakest_words(result)
    assert words.startswith("Work on Result (STAR story) at 2.0, rising;")
    assert "Weakest topics: conflict at 3.0, rising." in words
    line = streak_words(result)
    assert line.startswith("Streak 3 days · 5 sessions (4 finished) · 14 answers")
    assert line.endswith("· 3 this week · 2 real interviews")


def test_words_when_there_is_little_to_say() -> None:
    empty = progress([], [], now=T0, tz=UTC)
    assert empty.empty
    assert "Nothing is self-scored yet" in weakest_words(empty)
    assert streak_words(empty).startswith("Streak 0 days · 0 sessions")
    few = progress([scored(1, {"result": 2})], [Session(T0 - DAY)], now=T0, tz=UTC)
    assert f"each area needs {MIN_SCORES} scores" in weakest_words(few)
    assert "practise today to keep it" in streak_words(few)


def test_weakest_needs_enough_scores() -> None:
    thin = Trend("tag", "a", "a", (1.0,), 1, 1.0, 1.0, None)
    enough = Trend("tag", "b", "b", (2.0, 2.0, 2.0), 3, 2.0, 2.0, 0.0)
    strong = Trend("tag", "c", "c", (5.0, 5.0, 5.0), 3, 5.0, 5.0, 0.0)
    assert weakest([strong, thin, enough]) == (enough, strong)
    assert weakest([strong, thin, enough], count=1) == (enough,)


def test_rubrics_sharing_a_title_get_names_that_differ() -> None:
    from simulator.packs.records import Criterion, Rubric
    from simulator.packs.rubrics import BUILTIN_RUBRICS

    criterion = Criterion(id="accuracy", label="Accuracy", description="", levels={})
    own = Rubric(
        id="technical",
        title="Technical  explanation,  short form",
        description="",
        criteria=[criterion],
    )
    again = Rubric(id="technical", title="Something else", description="", criteria=[])
    labels, titles = rubric_names([*BUILTIN_RUBRICS.values(), own, again])
    assert titles["technical-explanation"] == "Technical explanation, short form"
    assert (
        titles["technical"] == "Technical explanation, short form, technical"
    )  # the first id wins
    assert len(set(titles.values())) == len(titles)
    assert labels[("technical", "accuracy")] == "Accuracy"


def test_built_in_packs_give_every_rubric_its_own_title() -> None:
    from pathlib import Path

    from simulator.packs import load_pack
    from simulator.packs.rubrics import BUILTIN_RUBRICS

    folder = Path(__file__).resolve().parents[2] / "question_packs"
    rubrics = [*BUILTIN_RUBRICS.values()]
    for path in sorted(folder.glob("*.yaml")):
        rubrics += load_pack(path).rubrics
    titles = [rubric.title.casefold() for rubric in rubrics]
    assert len(set(titles)) == len(titles), sorted(titles)
