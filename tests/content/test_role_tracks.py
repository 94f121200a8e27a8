"""The eight role-track packs: data analytics, IT support, UX design, project management,
cybersecurity, digital marketing and e-commerce, nursing, and teaching.

Each is checked as the app reads it (the real loader and library), for the counts and
fields the track issue asks for, and for an interviewer that can run a session.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.packs import load_pack
from simulator.packs.library import Library
from simulator.packs.records import CLOSING_CASES, Pack, Question

REPO = Path(__file__).resolve().parents[2]
BUILT_IN = REPO / "question_packs"
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# pack id -> the fewest questions it may hold
TRACKS = {
    "data-analytics": 40,
    "it-support": 30,
    "ux-design": 30,
    "project-management": 30,
    "cybersecurity": 35,
    "digital-marketing": 30,
    "nursing": 40,
    "teaching": 35,
}


def pack_path(pack_id: str) -> Path:
    """The built-in file whose pack id is ``pack_id`` (the file name usually matches)."""
    named = BUILT_IN / f"{pack_id}.yaml"
    if named.is_file():
        return named
    for path in sorted(BUILT_IN.glob("*.y*ml")):
        if re.search(rf"^id:\s*{re.escape(pack_id)}\s*$", path.read_text("utf-8"), re.M):
            return path
    raise AssertionError(f"no built-in pack has the id {pack_id}")


def loaded(pack_id: str) -> Pack:
    pack = load_pack(pack_path(pack_id))
    assert pack.id == pack_id
    return pack


def kind_of(pack: Pack, question: Question) -> str | None:
    return question.kind or pack.kind


@pytest.mark.parametrize("pack_id", sorted(TRACKS))
def test_pack_loads_and_is_licensed(pack_id: str) -> None:
    pack = loaded(pack_id)
    assert pack.license == "CC-BY-4.0"
    assert pack.description.strip()
    assert pack.candidate_questions, "candidate questions worth asking in this field"
    assert len(pack.candidate_questions) >= 5


@pytest.mark.parametrize("pack_id", sorted(TRACKS))
def test_question_count_and_kinds(pack_id: str) -> None:
    pack = loaded(pack_id)
    assert len(pack.questions) >= TRACKS[pack_id]
    kinds = {kind_of(pack, question) for question in pack.questions}
    assert {"technical", "behavioral"} <= kinds


@pytest.mark.parametrize("pack_id", sorted(TRACKS))
def test_every_question_has_the_required_fields(pack_id: str) -> None:
    pack = loaded(pack_id)
    for question in pack.questions:
        where = f"{pack_id}/{question.id}"
        assert question.tags and all(ID.match(tag) for tag in question.tags), where
        assert 3 <= len(question.talking_points) <= 5, f"{where}: talking_points"
        assert 3 <= len(question.keywords) <= 8, f"{where}: keywords"
        assert all(len(keyword.split()) <= 3 for keyword in question.keywords), where
        assert 1 <= len(question.hints) <= 5, f"{where}: hints"
        assert 2 <= len(question.follow_ups) <= 3, f"{where}: follow_ups"
    clarified = [question for question in pack.questions if question.clarification.strip()]
    assert 4 * len(clarified) >= 3 * len(pack.questions), "clarifications on most questions"


@pytest.mark.parametrize("pack_id", sorted(TRACKS))
def test_sample_answers(pack_id: str) -> None:
    pack = loaded(pack_id)
    with_sample = [question for question in pack.questions if question.sample_answer.strip()]
    assert 2 * len(with_sample) >= len(pack.questions), "sample answers on at least half"
    hard = [question.id for question in pack.questions if question.difficulty >= 4]
    assert hard, "some questions are hard"
    missing = [qid for qid in hard if qid not in {q.id for q in with_sample}]
    assert not missing, f"hard questions without a sample answer: {missing}"


@pytest.mark.parametrize("pack_id", sorted(TRACKS))
def test_one_usable_persona_of_its_own(pack_id: str, library: Library) -> None:
    pack = loaded(pack_id)
    assert len(pack.personas) == 1
    (persona,) = pack.personas
    entry = library.persona(persona.id)
    assert entry is not None and entry.pack_id == pack_id
    assert entry.usable, entry.reason
    assert not entry.notes, entry.notes
    assert persona.track.strip()
    assert 1 <= persona.max_follow_ups <= 3
    assert len(persona.probes) >= 4
    assert len(persona.replies) >= 6
    assert persona.unmatched_reply.strip()
    assert persona.closings
    assert {closing.when for closing in persona.closings} <= set(CLOSING_CASES)
    for field in ("greeting", "closing", "instructions", "next_steps", "description"):
        assert getattr(persona, field).strip(), field
    assert len(persona.transitions) >= 3


@pytest.mark.parametrize("pack_id", sorted(TRACKS))
def test_persona_plan_draws_from_its_own_pack(pack_id: str, library: Library) -> None:
    (persona,) = loaded(pack_id).personas
    names = [stage.stage for stage in persona.plan]
    assert names[:2] == ["prep", "intro"]
    assert names[-2:] == ["your-questions", "wrap-up"]
    stages = [stage for stage in persona.plan if stage.stage == "questions"]
    assert 2 <= len(stages) <= 3
    for stage in stages:
        assert stage.title.strip(), "every questions stage has a title"
        assert list(stage.packs) == [pack_id], stage.title
        assert len(library.matching(stage)) >= stage.count + 1, stage.title


def test_every_track_is_its_own() -> None:
    tracks = [loaded(pack_id).personas[0].track.casefold() for pack_id in sorted(TRACKS)]
    assert len(set(tracks)) == len(tracks)
