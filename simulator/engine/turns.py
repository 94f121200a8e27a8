"""The rules of a turn at answering: what may be done with the question being answered, and
what follows once it is handed in.

A pitch is always handed in (it cannot be skipped, and there is nothing to clarify in
"tell me about yourself"); hints run out; and a stage made of answers goes on by itself
once nothing is left to answer in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from simulator.engine.session import Session
    from simulator.engine.views import QuestionView

FOLLOW_UP_SOURCES: Final = ("follow-up", "probe")
"""Answers to what the interviewer asked about the answer before."""

ANSWERING_STAGES: Final = ("pitch", "questions")
"""Stages made of timed answers: once the last one is in, the stage is over."""


def is_follow_up(question: QuestionView) -> bool:
    """Whether the interviewer asked this about the answer before."""
    return question.source in FOLLOW_UP_SOURCES


def can_skip(question: QuestionView) -> bool:
    """Whether the question may be skipped (a pitch is handed in, if need be empty)."""
    return question.source != "pitch"


def can_clarify(question: QuestionView) -> bool:
    """Whether the interviewer can be asked what the question means."""
    return question.source != "pitch"


def has_more_hints(question: QuestionView) -> bool:
    """Whether the question has a hint not shown yet."""
    return len(question.hints_shown) < question.hints_total


def hand_in_empty(session: Session) -> None:
    """Record the current answer, which is empty, as skipped; a pitch, which cannot be
    skipped, is handed in empty."""
    question = session.step().question
    if question is not None and not can_skip(question):
        session.submit()
    else:
        session.skip()


def after_answer(session: Session) -> None:
    """After an answer is handed in or skipped: on to the next stage when this one is made
    of answers and has none left to give."""
    if session.phase != "stages":
        return
    step = session.step()
    if step.stage_kind in ANSWERING_STAGES and step.complete:
        session.advance()
