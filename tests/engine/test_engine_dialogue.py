"""What the interviewer says, who says it, and the follow-up decision."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from engine_helpers import make_pack, persona

from simulator.engine import AnswerSource, dialogue, probing
from simulator.packs.records import Persona, Stage

PANEL = [
    {"name": "Sofia Alvarez", "role": "Engineering manager"},
    {"name": "Kenji Watanabe", "role": "Senior developer"},
    {"name": "Ruth Okonkwo", "role": "Product manager"},
]


def make(**fields: Any) -> Persona:
    return make_pack("p", personas=[persona(**fields)]).personas[0]


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Sofia: teamwork", "Sofia Alvarez"),
        ("kenji: technical", "Kenji Watanabe"),
        ("Ruth Okonkwo: product", "Ruth Okonkwo"),
        ("Product questions with Ruth", "Ruth Okonkwo"),
        ("Technical", None),
        ("", None),
    ],
)
def test_stage_lead(title: str, lead: str | None) -> None:
    panel = make(panel=PANEL)
    stage = Stage(stage="questions", title=title)
    found = dialogue.stage_lead(panel, stage)
    assert (found[0] if found else None) == lead
    assert dialogue.stage_lead(make(), stage) is None


def test_panel_speaker() -> None:
    panel = make(panel=PANEL)
    plain = make()
    untitled = Stage(stage="questions")
    assert [dialogue.panel_speaker(panel, turn, untitled)[0] for turn in range(4)] == [
        "Sofia Alvarez",
        "Kenji Watanabe",
        "Ruth Okonkwo",
        "Sofia Alvarez",
    ]
    titled = Stage(stage="questions", title="Kenji: technical")
    assert {dialogue.panel_speaker(panel, turn, titled) for turn in range(3)} == {
        ("Kenji Watanabe", "Senior developer")
    }
    assert dialogue.panel_speaker(plain, 5) == ("Tess", "Tester")


def test_stage_lines() -> None:
    full = make(greeting="Hi.", closing="Bye.", next_steps="We'll write.", instructions="Prepare.")
    bare = make(description="Calm.")
    panel = make(panel=PANEL)
    line = dialogue.stage_line
    assert line(full, Stage(stage="prep")) == "Prepare."
    assert line(bare, Stage(stage="prep")) == "Calm."
    assert line(full, Stage(stage="intro")) == "Hi."
    assert line(bare, Stage(stage="intro")) == "Hello, I'm Tess, Tester. Thank you for coming in."
    assert "Sofia Alvarez, Kenji Watanabe, Ruth Okonkwo" in line(panel, Stage(stage="intro"))
    assert line(full, Stage(stage="pitch")) == dialogue.PITCH_LINE
    assert line(full, Stage(stage="your-questions")) == "Do you have any questions for me?"
    assert line(panel, Stage(stage="your-questions")) == "Do you have any questions for us?"
    assert line(full, Stage(stage="wrap-up")) == "Bye.\n\nWe'll write."
    assert line(bare, Stage(stage="wrap-up")) == "Thank you for your time today."
    assert line(full, Stage(stage="questions")) == ""


def test_question_lines() -> None:
    talker = make(transitions=["Next.", "Moving on."])
    quiet = make()
    stage = Stage(stage="questions", title="Behavioral")

    def say(who: Persona, source: AnswerSource | None, number: int, answer_id: str = "a") -> str:
        return dialogue.question_line(
            who,
            stage,
            seed=1,
            source=source,
            number=number,
            answer_id=answer_id,
        )

    assert say(talker, None, 0) == dialogue.STAGE_DONE_LINE
    assert say(talker, "follow-up", 1) == ""
    assert say(talker, "question", 1) == "Next part: Behavioral."
    assert say(quiet, "question", 2) == dialogue.NEXT_QUESTION_LINE
    lines = {say(talker, "question", 2, f"id{n}") for n in range(30)}
    assert lines == {"Next.", "Moving on."}
    assert say(talker, "question", 2, "same") == say(talker, "question", 2, "same")


@pytest.mark.parametrize(("rate", "expected"), [(0.0, 0), (1.0, 200)])
def test_follow_up_rate_extremes(rate: float, expected: int) -> None:
    who = make(follow_up_rate=rate, probe_share=0.0, probes=["Why?"])
    asked = [
        probing.choose_follow_up(
            who, ["More?"], seed=seed, stage_index=0, pack_id="p", question_id="q"
        )
        for seed in range(200)
    ]
    assert sum(1 for a in asked if a is not None) == expected
    assert {a for a in asked if a is not None} <= {("follow-up", "More?")}


def test_follow_up_rate_and_fallbacks() -> None:
    who = make(follow_up_rate=0.3, probes=["Why?", "How?"])
    counts: Counter[str] = Counter()
    for seed in range(2000):
        chosen = probing.choose_follow_up(
            who, [], seed=seed, stage_index=2, pack_id="p", question_id="q"
        )
        counts[chosen[1] if chosen else "none"] += 1
    assert 0.25 < (counts["Why?"] + counts["How?"]) / 2000 < 0.35
    assert counts["Why?"] and counts["How?"]
    # No follow-ups and no probes: nothing to ask.
    mute = make(follow_up_rate=1.0)
    assert (
        probing.choose_follow_up(mute, [], seed=1, stage_index=0, pack_id="p", question_id="q")
        is None
    )
    # The same seed and question: the same decision.
    first = probing.choose_follow_up(
        who, ["A", "B"], seed=9, stage_index=1, pack_id="p", question_id="q"
    )
    again = probing.choose_follow_up(
        who, ["A", "B"], seed=9, stage_index=1, pack_id="p", question_id="q"
    )
    assert first == again
