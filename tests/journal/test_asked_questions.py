"""The candidate's own questions of a session, as the export and the session screen list them."""

from __future__ import annotations

from journal_samples import answer, empty_session, finished_session

from simulator.journal.markdown import asked_questions


def test_the_kept_list_comes_first() -> None:
    assert asked_questions(finished_session()) == [
        "What does success look like in the first 90 days?"
    ]


def test_without_a_kept_list_the_your_questions_answers_count() -> None:
    answers = [
        answer("a1", "", "What is the team like?", source="your-question"),
        answer("a2", "", "   ", source="your-question"),
        answer("a3", "Tell me about a conflict.", "I listened first."),
    ]
    session = empty_session("q" * 32, answers=answers)
    assert asked_questions(session) == ["What is the team like?"]


def test_none_asked() -> None:
    assert asked_questions(empty_session("e" * 32)) == []
