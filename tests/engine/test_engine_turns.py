"""The rules of a turn at answering (simulator.engine.turns), on a small pack."""

from __future__ import annotations

from engine_helpers import START, make_library, make_pack, persona, question

from simulator.engine import FakeClock, Session
from simulator.engine.turns import (
    after_answer,
    can_clarify,
    can_skip,
    hand_in_empty,
    has_more_hints,
    is_follow_up,
)
from simulator.packs.library import Library


def library(*stages: dict[str, object]) -> Library:
    questions = [question("b1", hints=["One hint"], follow_ups=["Why?"])]
    content = make_pack("content", kind="behavioral", questions=questions)
    plan = [{"stage": "intro"}, *stages, {"stage": "wrap-up"}]
    people = make_pack("people", personas=[persona(plan=plan, follow_up_rate=1.0)])
    return make_library(content, people)


def test_a_question_may_be_skipped_clarified_and_hinted_until_its_hints_run_out() -> None:
    session = Session.start(
        library({"stage": "questions", "count": 1}), "tester", seed=1, clock=FakeClock(START)
    )
    session.advance()
    view = session.current_question()
    assert view is not None
    assert can_skip(view) and can_clarify(view) and has_more_hints(view)
    assert not is_follow_up(view)
    session.show_next_hint()
    view = session.current_question()
    assert view is not None and not has_more_hints(view)
    session.set_answer_text("I did it.")
    session.submit()
    follow_up = session.current_question()
    assert follow_up is not None and is_follow_up(follow_up)


def test_a_pitch_is_handed_in_never_skipped() -> None:
    session = Session.start(library({"stage": "pitch"}), "tester", seed=1, clock=FakeClock(START))
    session.advance()
    view = session.current_question()
    assert view is not None and view.source == "pitch"
    assert not can_skip(view) and not can_clarify(view)
    hand_in_empty(session)
    pitch = session.answers[-1]
    assert pitch["source"] == "pitch" and not pitch["skipped"]


def test_an_answering_stage_with_nothing_left_moves_on_by_itself() -> None:
    session = Session.start(
        library({"stage": "questions", "count": 1}), "tester", seed=1, clock=FakeClock(START)
    )
    session.advance()
    hand_in_empty(session)  # skipped: no follow-up is asked after a skip
    assert session.answers[-1]["skipped"]
    after_answer(session)
    assert session.step().stage_kind == "wrap-up"
    after_answer(session)  # not an answering stage: it stays
    assert session.step().stage_kind == "wrap-up"
