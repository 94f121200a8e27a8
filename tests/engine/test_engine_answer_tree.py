"""A saved session's answers as numbered threads (simulator.engine.answer_tree)."""

from __future__ import annotations

from typing import Any

from simulator.engine.answer_tree import follow_up_tree, timed_answers
from simulator.engine.snapshot import AnswerSnapshot


def answer(answer_id: str, parent: str | None = None, source: str = "question") -> Any:
    return {"id": answer_id, "parent_id": parent, "source": source}


def test_follow_ups_hang_under_their_answer_and_orphans_become_questions() -> None:
    answers: list[AnswerSnapshot] = [
        answer("q1"),
        answer("f1", "q1", "follow-up"),
        answer("q2"),
        answer("lost", "gone", "probe"),
        answer("mine", None, "your-question"),
    ]
    assert [item["id"] for item in timed_answers(answers)] == ["q1", "f1", "q2", "lost"]
    tree = follow_up_tree(answers)
    assert [item["id"] for item in tree[None]] == ["q1", "q2", "lost"]
    assert [item["id"] for item in tree["q1"]] == ["f1"]
