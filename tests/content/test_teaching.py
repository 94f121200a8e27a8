"""The teaching track: a classroom teacher's interview with a deputy head.

Checked as the app reads it (the real loader, library, engine and practice service): the
mix of technical and behavioral questions, the topics a school leader covers, the pack's
own rubrics, safeguarding answers that follow the process a school expects, and an
interviewer who runs a whole session and answers every question the app suggests there.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from simulator.engine import FakeClock
from simulator.engine.insights.coverage import keywords
from simulator.engine.replies import SharedPhrases, matched_reply, reply_to
from simulator.journal import Journal
from simulator.packs import load_pack
from simulator.packs.library import Library, PersonaEntry
from simulator.packs.records import CLOSING_CASES, Pack, Question
from simulator.packs.rubrics import BUILTIN_RUBRICS
from simulator.services.emergency import EmergencyStore
from simulator.services.practice import JournalWriter, Practice, StartOptions

REPO = Path(__file__).resolve().parents[2]
PACK_FILE = REPO / "question_packs" / "teaching.yaml"
PACK_ID = "teaching"
PERSONA_ID = "teaching-deputy-head"
OWN_RUBRICS = {"lesson-design", "pupil-situation"}

TOPICS = {
    "planning": "planning a lesson and a sequence of lessons",
    "formative-assessment": "checking understanding as you teach",
    "send": "special educational needs",
    "eal": "pupils learning English as an additional language",
    "most-able": "stretching the most able",
    "behaviour": "behaviour and the behaviour policy",
    "safeguarding": "what to do with a worry or a disclosure",
    "feedback": "marking and feedback",
    "data": "data and progress tracking",
    "parents": "working with parents and carers",
    "technology": "technology in the classroom",
    "inclusion": "inclusion",
    "subject-knowledge": "subject knowledge and keeping it current",
    "teach-a-concept": "teaching a concept on the spot",
    "workload": "workload and wellbeing",
    "teaching-assistants": "working with teaching assistants",
    "extracurricular": "contributing beyond lessons",
    "professional-development": "professional development and observation feedback",
}
"""Every topic the track promises, by the tag that carries it."""

PRAISE = ("well ", "well,", "well.", "great", "strong", "excellent", "lovely", "clear", "nice")
"""Words a closing for a session that went badly must not say (``well`` as a word, so
"wellbeing" does not count)."""


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded = load_pack(PACK_FILE)
    assert loaded.id == PACK_ID
    return loaded


@pytest.fixture(scope="module")
def entry(library: Library) -> PersonaEntry:
    found = library.persona(PERSONA_ID)
    assert found is not None and found.pack_id == PACK_ID
    assert found.usable, found.reason
    return found


def kind_of(pack: Pack, question: Question) -> str:
    kind = question.kind or pack.kind
    assert kind is not None, question.id
    return kind


def by_id(pack: Pack, question_id: str) -> Question:
    (found,) = [question for question in pack.questions if question.id == question_id]
    return found


def test_about_two_thirds_technical_and_one_third_behavioral(pack: Pack) -> None:
    kinds = Counter(kind_of(pack, question) for question in pack.questions)
    assert set(kinds) == {"technical", "behavioral"}
    assert len(pack.questions) >= 35
    assert kinds["technical"] >= 25 and kinds["behavioral"] >= 11
    share = kinds["technical"] / len(pack.questions)
    assert 0.6 <= share <= 0.75, share


def test_difficulty_uses_the_whole_range(pack: Pack) -> None:
    levels = Counter(question.difficulty for question in pack.questions)
    assert set(levels) == {1, 2, 3, 4, 5}
    assert levels[2] + levels[3] > len(pack.questions) / 2, "most are standard questions"


def test_every_topic_of_the_track_is_asked_about(pack: Pack) -> None:
    tagged = Counter(tag for question in pack.questions for tag in question.tags)
    missing = [topic for tag, topic in TOPICS.items() if not tagged[tag]]
    assert not missing, f"no question about: {missing}"


def test_technical_questions_are_fully_equipped(pack: Pack) -> None:
    for question in pack.questions:
        if kind_of(pack, question) != "technical":
            continue
        assert question.hints, question.id
        assert question.keywords, question.id
        assert question.clarification.strip(), question.id
        limit = question.time_limit
        assert limit is not None and 60 <= limit <= 360, question.id


def test_behavioral_questions_are_stories(pack: Pack) -> None:
    for question in pack.questions:
        if kind_of(pack, question) != "behavioral":
            continue
        assert question.rubric in {"star-story", "motivation-fit"}, question.id
        if question.rubric == "star-story":
            assert re.match(r"(Tell me about|Describe) ", question.prompt), question.id


def test_rubric_ids_resolve_and_the_own_rubrics_are_used(pack: Pack) -> None:
    own = {rubric.id: rubric for rubric in pack.rubrics}
    assert set(own) == OWN_RUBRICS
    for question in pack.questions:
        if question.rubric is not None:
            assert question.rubric in own or question.rubric in BUILTIN_RUBRICS, question.id
    used = Counter(question.rubric for question in pack.questions)
    assert all(used[rubric_id] >= 5 for rubric_id in OWN_RUBRICS), used
    for rubric in own.values():
        assert 4 <= len(rubric.criteria) <= 8, rubric.id
        for criterion in rubric.criteria:
            assert {1, 3, 5} <= set(criterion.levels), f"{rubric.id}/{criterion.id}"


def test_safeguarding_scenarios_are_scored_as_pupil_situations(pack: Pack) -> None:
    safeguarding = [
        question
        for question in pack.questions
        if "safeguarding" in question.tags and kind_of(pack, question) == "technical"
    ]
    assert len(safeguarding) >= 3
    for question in safeguarding:
        assert question.rubric == "pupil-situation", question.id
        said = " ".join([question.sample_answer, *question.talking_points]).casefold()
        assert "designated safeguarding lead" in said or "head teacher" in said, question.id


def test_a_disclosure_is_never_promised_secrecy(pack: Pack) -> None:
    disclosure = by_id(pack, "pupil-discloses")
    answer = " ".join(disclosure.sample_answer.split()).casefold()
    assert "can't promise" in answer
    assert "own words" in answer and "same day" in answer
    assert "designated safeguarding lead" in answer
    points = " ".join(disclosure.talking_points).casefold()
    assert "without promising secrecy" in points and "leading questions" in points
    for question in pack.questions:
        text = " ".join(question.sample_answer.split()).casefold()
        assert "i promise not to tell" not in text, question.id
        assert "keep it between us" not in text, question.id


def test_sample_answers_use_their_keywords(pack: Pack) -> None:
    for question in pack.questions:
        if not question.sample_answer.strip():
            continue
        words = len(question.sample_answer.split())
        assert 80 <= words <= 250, f"{question.id}: {words} words"
        found = keywords(question.sample_answer, question.keywords)
        assert 2 * len(found.covered) >= len(question.keywords), (question.id, found.missing)


def test_no_two_prompts_ask_the_same_thing(pack: Pack) -> None:
    def words(text: str) -> set[str]:
        return {word for word in re.findall(r"[a-z']+", text.casefold()) if len(word) > 3}

    for one, other in combinations(pack.questions, 2):
        first, second = words(one.prompt), words(other.prompt)
        overlap = len(first & second) / len(first | second)
        assert overlap < 0.4, (one.id, other.id, sorted(first & second))


def test_the_interviewer_is_a_school_leader_with_closings(
    entry: PersonaEntry, shared: SharedPhrases
) -> None:
    persona = entry.persona
    assert persona.track == "Teaching"
    assert "deputy head" in persona.role.casefold()
    assert {closing.when for closing in persona.closings} == set(CLOSING_CASES)
    said = {closing.when: f" {closing.say.casefold()} " for closing in persona.closings}
    for case in ("brief", "overtime", "many-skips"):
        assert not [word for word in PRAISE if word in said[case]], (case, said[case])
    assert "designated safeguarding lead" in persona.instructions
    assert entry.persona.unmatched_reply.strip()
    assert matched_reply(persona, "Is there a union rep?", shared) is None
    assert reply_to(persona, "Is there a union rep?", shared) == persona.unmatched_reply


def test_the_plan_covers_teaching_welfare_and_stories(
    entry: PersonaEntry, library: Library
) -> None:
    stages = [stage for stage in entry.persona.plan if stage.stage == "questions"]
    assert [stage.kinds for stage in stages] == [["technical"], ["technical"], ["behavioral"]]
    planning, welfare, stories = (library.matching(stage) for stage in stages)
    assert "safeguarding" in {tag for ref in welfare for tag in ref.question.tags}
    assert "behaviour" in {tag for ref in welfare for tag in ref.question.tags}
    assert "planning" in {tag for ref in planning for tag in ref.question.tags}
    assert "teach-a-concept" in {ref.question.id for ref in planning}
    assert len(stories) >= 8


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Will I have to do lunch duties?", "duty a week"),
        ("How much PPA time do teachers get?", "planning time"),
        ("Who is the designated safeguarding lead?", "three deputies"),
        ("Will I get a mentor?", "mentor in"),
        ("How often will I be observed?", "no graded observation"),
        ("What are the pupils like?", "all-through"),
        ("Is the behaviour good here?", "two warnings"),
        ("Do you set pupils by ability?", "mixed-attainment"),
        ("Would I be expected to run a club?", "beyond lessons"),
        ("How much marking is there?", "whole-class feedback"),
        ("Can I work part-time?", "part-time"),
        ("Is there much travel?", "No business travel"),
    ],
)
def test_teachers_questions_reach_the_reply_meant_for_them(
    entry: PersonaEntry, shared: SharedPhrases, question: str, words: str
) -> None:
    reply = matched_reply(entry.persona, question, shared)
    assert reply is not None, question
    assert words.casefold() in " ".join(reply.split()).casefold(), reply


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_whole_practice_session_with_the_deputy_head(
    library: Library, entry: PersonaEntry, tmp_path: Path, seed: int
) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        writer = JournalWriter(journal, emergency=EmergencyStore([tmp_path / "rescue"]))
        clock = FakeClock()
        practice = Practice.start(
            library, writer, StartOptions(PERSONA_ID, seed=seed), clock=clock
        )
        session = practice.session
        asked: list[str] = []
        lines: list[str] = []
        while session.phase == "stages":
            step = session.step()
            lines.append(step.line)
            if step.question is not None:
                session.begin_answer()
                clock.advance(60)
                session.set_answer_text("I would check every pupil's answer on whiteboards.")
                session.submit()
                asked.append(step.question.prompt)
            elif step.stage_kind == "your-questions":
                suggested = session.suggested_candidate_questions()
                assert len(suggested) == 10
                for text in suggested:
                    session.add_candidate_question(text)
                replies = session.candidate_replies
                assert entry.persona.unmatched_reply not in replies
                assert all(reply.strip() for reply in replies)
                session.advance()
            else:
                session.advance()
        drawn = [answer for answer in session.answers if answer["source"] == "question"]
        assert len(drawn) == 6
        assert {answer["pack_id"] for answer in drawn} == {PACK_ID}
        assert len({answer["question_id"] for answer in drawn}) == 6
        assert entry.persona.greeting in lines
        assert session.phase == "self-score"
        practice.saved()
        practice.close()
        writer.stop()
        assert journal.load_session(session.id) is not None
