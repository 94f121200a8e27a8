"""Reading a logged question's kind from its wording."""

from __future__ import annotations

import pytest

from simulator.journal.interviews import new_interview
from simulator.journal.kinds import guess_kind
from simulator.journal.models import InterviewQuestion


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("Why do you want to leave your current job?", "behavioral"),
        ("Tell me about a time you disagreed with your manager.", "behavioral"),
        ("Tell me about yourself.", "behavioral"),
        ("What is your greatest weakness?", "behavioral"),
        ("What do you know about us?", "behavioral"),
        ("What are your salary expectations?", "behavioral"),
        ("What does a typical day look like for you?", "informational"),
        ("How did you get into product design?", "informational"),
        ("How would you design a rate limiter?", "technical"),
        ("Write a SQL query for the top three customers.", "technical"),
        ("What is the difference between a process and a thread?", "technical"),
        ("How does a hash map work?", "technical"),
        ("Explain how TLS keeps a connection private.", "technical"),
        ("Anything else?", None),
    ],
)
def test_the_wording_points_to_a_kind(prompt: str, kind: str | None) -> None:
    assert guess_kind(prompt) == kind


def test_a_technical_round_still_asks_behavioral_questions() -> None:
    interview = new_interview(
        company="Acme",
        role="Data engineer",
        held_at=0.0,
        format="technical",
        questions=[
            InterviewQuestion("Why do you want to leave your current job?"),
            InterviewQuestion("How would you shard this table?"),
            InterviewQuestion("Walk us through the whiteboard."),  # no cue: the format's kind
            InterviewQuestion("Tell me about a time it broke.", kind="technical"),  # its own
        ],
        now=0.0,
    )
    kinds = [interview.question_kind(question) for question in interview.questions]
    assert kinds == ["behavioral", "technical", "technical", "technical"]
