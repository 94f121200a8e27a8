"""Session scores per criterion and per tag."""

from __future__ import annotations

from typing import Any

from simulator.engine import AnswerSnapshot, answer_mean, is_scorable, session_scores


def answer(**fields: Any) -> AnswerSnapshot:
    data: dict[str, Any] = {
        "id": "a",
        "stage_index": 0,
        "source": "question",
        "parent_id": None,
        "pack_id": "p",
        "question_id": "q",
        "prompt": "?",
        "prompt_hash": "",
        "kind": "behavioral",
        "tags": [],
        "text": "",
        "started_at": 0.0,
        "submitted_at": 1.0,
        "time_limit": 120,
        "time_used": 1.0,
        "skipped": False,
        "clarifications": 0,
        "hints_shown": 0,
        "rubric_id": "star",
        "scores": {},
        "checklist": {},
    }
    data.update(fields)
    return data  # type: ignore[return-value]


def test_answer_mean_and_scorable() -> None:
    assert answer_mean(answer()) is None
    assert answer_mean(answer(scores={"a": 1, "b": 4})) == 2.5
    assert is_scorable(answer())
    assert not is_scorable(answer(skipped=True))
    assert not is_scorable(answer(source="your-question"))


def test_session_scores() -> None:
    answers = [
        answer(tags=["conflict", "teamwork"], scores={"structure": 2, "result": 4}),
        answer(tags=["teamwork"], scores={"structure": 4, "result": 5}),
        answer(tags=["caching"], rubric_id="tech", scores={"accuracy": 5}),
        answer(tags=["conflict"]),  # not scored yet
        answer(tags=["conflict"], skipped=True, scores={"structure": 1}),
        answer(source="your-question", scores={"structure": 1}),
    ]
    scores = session_scores(answers, {("star", "structure"): "Structure"})
    assert scores.scorable == 4 and scores.scored == 3
    assert scores.overall == round((3 + 4.5 + 5) / 3, 3)
    assert [
        (c.rubric_id, c.criterion_id, c.label, c.mean, c.count) for c in scores.by_criterion
    ] == [
        ("star", "structure", "Structure", 3.0, 2),
        ("star", "result", "result", 4.5, 2),
        ("tech", "accuracy", "accuracy", 5.0, 1),
    ]
    assert [(t.tag, t.mean, t.count) for t in scores.by_tag] == [
        ("conflict", 3.0, 1),
        ("teamwork", 3.75, 2),
        ("caching", 5.0, 1),
    ]


def test_nothing_scored() -> None:
    scores = session_scores([answer(), answer(skipped=True)])
    assert scores.overall is None
    assert scores.by_criterion == () and scores.by_tag == ()
    assert (scores.scored, scores.scorable) == (0, 1)
