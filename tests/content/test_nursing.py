"""The nursing track: a registered nurse interviewed by a ward manager.

Checked as the app reads it (the real loader and library): the mix of technical and
behavioral questions, the fields each kind needs, the pack's own rubrics, that no text
gives a dose or names one country's bodies, and that the ward manager runs whole sessions
and answers every question a candidate is offered or commonly asks with a reply of her own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml

from simulator.engine import FakeClock, Session
from simulator.engine.replies import SharedPhrases, matched_reply, reply_to
from simulator.packs import load_pack
from simulator.packs.library import Library, PersonaEntry
from simulator.packs.records import CLOSING_CASES, Pack, Question
from simulator.packs.rubrics import BUILTIN_RUBRICS

PACK_FILE = Path(__file__).resolve().parents[2] / "question_packs" / "nursing.yaml"
PERSONA = "nurse-ward-manager"
OWN_RUBRICS = {"ward-scenario", "hard-conversation"}
START = 1_800_000_000.0
SEEDS = [1, 7, 23, 58, 314]

DOSE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|micrograms?|milligrams?|ml|millilitres?|mmol|"
    r"units?|iu|g|tablets?|puffs?|drops?)\b",
    re.IGNORECASE,
)
"""A number with a dose unit: the pack asks about judgement and process, never doses."""

ONE_COUNTRY = re.compile(
    r"\b(?:NHS|NMC|CQC|Datix|NEWS2|GP|Joint Commission|NCLEX|AHPRA|Medicare|"
    r"board of nursing|Mental Capacity Act|Care Act)\b"
)
"""Names of one country's bodies, laws or tools; the pack says "your local policy"."""

PRAISE = ("well", "great", "strong", "excellent", "lovely", "clear", "nice work")

REPHRASED = [
    # (question, words only the reply meant for it holds)
    ("How many patients would I have on a night shift?", "seven or eight"),
    ("What's the nurse to patient ratio?", "six registered nurses"),
    ("Is there a preceptorship for newly qualified nurses?", "named preceptor"),
    ("Do you support revalidation?", "reflective discussion"),
    ("What happens when someone reports an incident?", "huddle"),
    ("How do you support staff after a death?", "debrief"),
    ("Do I have to do nights?", "six weeks ahead"),
    ("Could I become a link nurse?", "link role"),
    ("Will I be moved to other wards?", "take turns"),
    ("Are the hours flexible?", "flexible working request"),
    ("What's the pay band?", "pay scale"),
    ("Who would be my manager?", "line manager"),
    ("What keeps you up at night?", "pressure on beds"),
    ("How are you going to evaluate me?", "appraisal"),
    ("What kind of conditions do you see most?", "heart failure"),
    ("How do the doctors and nurses get on?", "board round"),
    ("What would you expect of me in my first three months?", "escalation route"),
    ("What happened to the last person in this role?", "outreach team"),
    ("Is there parking at the hospital?", "permit"),
]
"""Ways a nurse might ask, with words from the reply meant for each."""


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded = load_pack(PACK_FILE)
    assert loaded.id == "nursing"
    return loaded


@pytest.fixture(scope="module")
def entry(library: Library) -> PersonaEntry:
    found = library.persona(PERSONA)
    assert found is not None and found.pack_id == "nursing"
    assert found.usable, found.reason
    return found


def kind_of(pack: Pack, question: Question) -> str | None:
    return question.kind or pack.kind


def strings_in(value: Any) -> Iterator[str]:
    """Every string below a parsed YAML value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def all_text() -> list[str]:
    return list(strings_in(yaml.safe_load(PACK_FILE.read_text("utf-8"))))


def test_about_two_thirds_technical(pack: Pack) -> None:
    kinds = Counter(kind_of(pack, question) for question in pack.questions)
    assert set(kinds) == {"technical", "behavioral"}
    assert len(pack.questions) >= 40
    assert kinds["behavioral"] >= 13
    assert 0.6 <= kinds["technical"] / len(pack.questions) <= 0.72


def test_difficulty_uses_the_whole_range(pack: Pack) -> None:
    technical = {q.difficulty for q in pack.questions if kind_of(pack, q) == "technical"}
    behavioral = {q.difficulty for q in pack.questions if kind_of(pack, q) == "behavioral"}
    assert technical == {1, 2, 3, 4, 5}
    assert {2, 3, 4} <= behavioral


def test_technical_questions_are_complete(pack: Pack) -> None:
    for question in pack.questions:
        if kind_of(pack, question) != "technical":
            continue
        assert question.hints, question.id
        assert question.keywords, question.id
        assert len(question.talking_points) >= 4, question.id
        assert question.clarification.strip(), question.id
        assert question.time_limit is not None and 120 <= question.time_limit <= 240


def test_behavioral_questions_ask_for_a_story(pack: Pack) -> None:
    for question in pack.questions:
        if kind_of(pack, question) != "behavioral":
            continue
        assert question.rubric in ("star-story", "motivation-fit"), question.id
        if question.rubric == "star-story":
            assert question.prompt.startswith("Tell me about"), question.id
        assert question.clarification.strip(), question.id


def test_own_rubrics_are_defined_anchored_and_used(pack: Pack) -> None:
    defined = {rubric.id: rubric for rubric in pack.rubrics}
    assert set(defined) == OWN_RUBRICS
    for rubric in defined.values():
        assert 4 <= len(rubric.criteria) <= 6, rubric.id
        for criterion in rubric.criteria:
            assert {1, 3, 5} <= set(criterion.levels), (rubric.id, criterion.id)
    used = Counter(question.rubric for question in pack.questions)
    assert used["ward-scenario"] >= 8
    assert used["hard-conversation"] >= 3


def test_every_rubric_named_resolves(pack: Pack) -> None:
    known = OWN_RUBRICS | set(BUILTIN_RUBRICS)
    for question in pack.questions:
        assert question.rubric is None or question.rubric in known, question.id
    assert pack.rubric is None or pack.rubric in known


def test_ward_scenarios_have_a_sample_answer(pack: Pack) -> None:
    missing = [
        question.id
        for question in pack.questions
        if question.rubric == "ward-scenario" and not question.sample_answer.strip()
    ]
    assert len(missing) <= 2, missing


def test_sample_answers_sound_spoken(pack: Pack) -> None:
    for question in pack.questions:
        if question.sample_answer.strip():
            words = len(question.sample_answer.split())
            assert 80 <= words <= 250, (question.id, words)
            assert re.search(r"\bI\b", question.sample_answer), question.id


def test_no_dose_anywhere() -> None:
    doses = [match.group(0) for text in all_text() for match in DOSE.finditer(text)]
    assert not doses, doses


def test_country_neutral() -> None:
    named = [match.group(0) for text in all_text() for match in ONE_COUNTRY.finditer(text)]
    assert not named, named


def test_text_is_plain() -> None:
    marked = [text for text in all_text() if re.search(r"[\[\]*_`<>]", text)]
    assert not marked, marked


def test_no_two_prompts_ask_the_same_thing(pack: Pack) -> None:
    def words(question: Question) -> set[str]:
        return {word for word in re.findall(r"[a-z']+", question.prompt.lower()) if len(word) > 3}

    for one, other in combinations(pack.questions, 2):
        a, b = words(one), words(other)
        assert len(a & b) / len(a | b) < 0.4, (one.id, other.id)


def test_the_persona_is_the_nursing_ward_manager(entry: PersonaEntry) -> None:
    persona = entry.persona
    assert persona.track == "Nursing"
    assert "ward" in persona.role.casefold()
    assert {closing.when for closing in persona.closings} == set(CLOSING_CASES)
    said = {closing.when: closing.say.casefold() for closing in persona.closings}
    for case in ("brief", "overtime", "many-skips"):
        assert not [word for word in PRAISE if word in said[case]], case
    assert not [word for word in PRAISE if word in persona.closing.casefold()]
    stages = [stage.stage for stage in persona.plan]
    assert stages == [
        "prep",
        "intro",
        "questions",
        "questions",
        "questions",
        "your-questions",
        "wrap-up",
    ]


def test_technical_stages_reach_every_technical_question_they_may(
    library: Library, entry: PersonaEntry, pack: Pack
) -> None:
    """Apart from the senior-level scenario, every technical question can come up in the
    ward manager's interview, and each stage asks about its own topics."""
    technical = [stage for stage in entry.persona.plan if list(stage.kinds) == ["technical"]]
    assert len(technical) == 2
    reached = [{ref.key[1] for ref in library.matching(stage)} for stage in technical]
    wanted = {
        question.id
        for question in pack.questions
        if kind_of(pack, question) == "technical" and question.difficulty <= 4
    }
    assert reached[0] | reached[1] == wanted
    assert "rising-early-warning-score" in reached[0] - reached[1]
    assert "unexplained-bruising" in reached[1] - reached[0]
    for stage, ids in zip(technical, reached, strict=True):
        assert len(ids) >= 3 * stage.count, stage.title


@pytest.mark.parametrize("seed", SEEDS)
def test_a_whole_session_through_the_real_library(
    library: Library, entry: PersonaEntry, seed: int
) -> None:
    clock = FakeClock(START)
    session = Session.start(library, entry, seed=seed, clock=clock)
    planned = [
        (index, stage)
        for index, stage in enumerate(entry.persona.plan)
        if stage.stage == "questions"
    ]
    keys = [ref.key for index, _ in planned for ref in session.drawn(index)]
    assert len(keys) == len(set(keys)) == sum(stage.count for _, stage in planned)
    assert all(pack_id == "nursing" for pack_id, _ in keys)
    asked: list[str] = []
    suggested: list[str] = []
    for _ in range(200):
        if session.phase != "stages":
            break
        step = session.step()
        if step.question is not None:
            session.begin_answer()
            clock.advance(60)
            session.set_answer_text("I would go to the patient first and then call for help.")
            session.submit()
        elif step.stage_kind == "your-questions":
            suggested = session.suggested_candidate_questions()
            for question in suggested[:3]:
                session.add_candidate_question(question)
            asked = list(session.candidate_replies)
            session.advance()
        else:
            session.advance()
    assert session.phase == "self-score"
    assert suggested and len(asked) == 3
    assert entry.persona.unmatched_reply not in asked
    asked_pack = {answer["pack_id"] for answer in session.answers}
    assert asked_pack <= {"nursing", ""}


def test_every_candidate_question_gets_its_own_reply(
    pack: Pack, entry: PersonaEntry, shared: SharedPhrases
) -> None:
    """The ten suggested questions are about different things, so each reaches a different
    reply, and none falls through to the line for questions she cannot answer."""
    replies = [matched_reply(entry.persona, q, shared) for q in pack.candidate_questions]
    assert len(pack.candidate_questions) == 10
    assert None not in replies
    assert len(set(replies)) == len(replies)


@pytest.mark.parametrize(("question", "words"), REPHRASED)
def test_rephrased_questions_reach_the_reply_meant_for_them(
    entry: PersonaEntry, shared: SharedPhrases, question: str, words: str
) -> None:
    reply = matched_reply(entry.persona, question, shared)
    assert reply is not None, question
    assert words.casefold() in " ".join(reply.split()).casefold(), reply


def test_off_topic_question_gets_her_unmatched_reply(
    entry: PersonaEntry, shared: SharedPhrases
) -> None:
    persona = entry.persona
    assert matched_reply(persona, "What is your favourite book?", shared) is None
    assert reply_to(persona, "What is your favourite book?", shared) == persona.unmatched_reply
    assert "recruitment team" in persona.unmatched_reply
