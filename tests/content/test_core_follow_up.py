"""The follow-up writing drills (question_packs/core-follow-up.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.packs import load_pack

REPO = Path(__file__).resolve().parents[2]
BUILT_IN = REPO / "question_packs"


def interviewer_first_names() -> set[str]:
    """The first names of every built-in interviewer (a panel's each)."""
    names: set[str] = set()
    for path in BUILT_IN.glob("*.yaml"):
        for persona in load_pack(path).personas:
            names.update(re.findall(r"[A-Z][a-z]+", persona.name.split(" ")[0]))
            names.update(re.findall(r"\b[A-Z][a-z]+\b(?=,| and)", persona.name))
    return names


def test_no_sample_letter_is_signed_by_an_interviewer() -> None:
    """A drill's sample was signed "Priya Shah" while Priya interviews: the candidate who
    writes the letter must not share a name with someone who asks the questions."""
    pack = load_pack(BUILT_IN / "core-follow-up.yaml")
    taken = interviewer_first_names()
    assert {"Priya", "Sofia", "Kenji", "Leo", "Nadia"} <= taken
    signed = {
        question.id: question.sample_answer.strip().splitlines()[-1].split(" ")[0]
        for question in pack.questions
        if question.sample_answer.strip()
    }
    clashes = {qid: name for qid, name in signed.items() if name in taken}
    assert not clashes
