"""The questions every candidate faces: counts, topics, sample answers and fitting rubrics.

The built-in packs are loaded through the project's own library, so what is checked here is
what a session sees: tags merged with the pack's, and the rubric each answer is scored with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.packs.cache import PackCache
from simulator.packs.library import Library, PackFolders, QuestionRef, load_library
from simulator.packs.rubrics import BUILTIN_RUBRICS, DEFAULT_RUBRIC_BY_KIND

BUILT_IN = Path(__file__).resolve().parents[2] / "question_packs"
SAMPLED_PACKS = ("core-behavioral", "core-informational", "core-follow-up")

LEADERSHIP_PRINCIPLES = (
    "lp-customer-obsession",
    "lp-ownership",
    "lp-invent-and-simplify",
    "lp-are-right-a-lot",
    "lp-learn-and-be-curious",
    "lp-hire-and-develop-the-best",
    "lp-insist-on-the-highest-standards",
    "lp-think-big",
    "lp-bias-for-action",
    "lp-frugality",
    "lp-earn-trust",
    "lp-dive-deep",
    "lp-have-backbone",
    "lp-deliver-results",
    "lp-strive-to-be-the-best-employer",
    "lp-success-and-scale-bring-broad-responsibility",
)
# tag -> how many behavioral questions must carry it at least
TOPICS = {
    "strengths": 2,
    "weaknesses": 2,
    "salary": 1,
    "notice-period": 1,
    "why-leaving": 1,
    "cv-gaps": 1,
    "situational": 10,
    "startup": 3,
}
SHORT_ANSWER_TAGS = {"salary", "notice-period"}
MOTIVATION_TAGS = {"why-us", "why-leaving", "strengths", "weaknesses"}


def tag_id(tag: str) -> str:
    """A tag as an id, so the checks hold whether tags are spelled as ids or as labels."""
    return "-".join(tag.casefold().replace("_", " ").split())


def tags_of(ref: QuestionRef) -> set[str]:
    return {tag_id(tag) for tag in ref.tags}


@pytest.fixture(scope="module")
def library() -> Library:
    loaded = load_library(PackFolders(BUILT_IN, None), PackCache(None))
    core = [problem for problem in loaded.errors if Path(problem.path).name.startswith("core-")]
    assert not core, core
    return loaded


def questions(library: Library, pack_id: str) -> list[QuestionRef]:
    refs = [ref for ref in library.questions() if ref.pack.id == pack_id]
    assert refs, f"{pack_id} has no questions"
    return refs


def tagged(library: Library, tag: str) -> list[QuestionRef]:
    return [ref for ref in questions(library, "core-behavioral") if tag in tags_of(ref)]


def test_behavioral_count(library: Library) -> None:
    refs = questions(library, "core-behavioral")
    assert len(refs) >= 91
    assert {ref.kind for ref in refs} == {"behavioral"}


@pytest.mark.parametrize(("tag", "minimum"), sorted(TOPICS.items()))
def test_topic_is_covered(library: Library, tag: str, minimum: int) -> None:
    assert len(tagged(library, tag)) >= minimum


@pytest.mark.parametrize("tag", LEADERSHIP_PRINCIPLES)
def test_every_leadership_principle_has_a_question(library: Library, tag: str) -> None:
    assert tagged(library, tag)


def test_leadership_principle_tags_are_spelled_right(library: Library) -> None:
    used = {tag for ref in questions(library, "core-behavioral") for tag in tags_of(ref)}
    assert {tag for tag in used if tag.startswith("lp-")} == set(LEADERSHIP_PRINCIPLES)


def test_owning_mistakes_has_enough_questions(library: Library) -> None:
    """The tech lead's "Owning your mistakes" stage draws on questions tagged mistakes."""
    both = [ref for ref in tagged(library, "mistakes") if "failure" in tags_of(ref)]
    assert len(both) >= 4


@pytest.mark.parametrize("pack_id", SAMPLED_PACKS)
def test_hard_questions_have_sample_answers(library: Library, pack_id: str) -> None:
    missing = [
        ref.question.id
        for ref in questions(library, pack_id)
        if ref.question.difficulty >= 4 and not ref.question.sample_answer.strip()
    ]
    assert not missing


@pytest.mark.parametrize("pack_id", SAMPLED_PACKS)
def test_most_questions_have_sample_answers(library: Library, pack_id: str) -> None:
    refs = questions(library, pack_id)
    with_sample = [ref for ref in refs if ref.question.sample_answer.strip()]
    assert 10 * len(with_sample) >= 6 * len(refs)


def test_short_facts_use_the_short_answer_rubric(library: Library) -> None:
    refs = [ref for tag in SHORT_ANSWER_TAGS for ref in tagged(library, tag)]
    assert refs
    for ref in refs:
        assert library.rubric_for(ref).id == "short-answer", ref.question.id
        limit = ref.question.time_limit
        assert limit is not None and 30 <= limit <= 60, ref.question.id


def test_motivation_answers_use_the_motivation_fit_rubric(library: Library) -> None:
    refs = [ref for tag in MOTIVATION_TAGS for ref in tagged(library, tag)]
    assert len(refs) >= 6
    for ref in refs:
        assert library.rubric_for(ref).id == "motivation-fit", ref.question.id


def test_situations_are_not_scored_as_stories(library: Library) -> None:
    for ref in tagged(library, "situational"):
        rubric = library.rubric_for(ref)
        assert rubric.id not in {"star", DEFAULT_RUBRIC_BY_KIND["behavioral"]}, ref.question.id
        assert any(criterion.id == "approach" for criterion in rubric.criteria)


@pytest.mark.parametrize("rubric_id", ["motivation-fit", "short-answer"])
def test_new_built_in_rubrics(rubric_id: str) -> None:
    rubric = BUILTIN_RUBRICS[rubric_id]
    assert rubric.id == rubric_id and rubric.title and rubric.description
    assert 3 <= len(rubric.criteria) <= 8
    assert len({criterion.id for criterion in rubric.criteria}) == len(rubric.criteria)
    for criterion in rubric.criteria:
        assert criterion.label and criterion.description, criterion.id
        assert {1, 3, 5} <= set(criterion.levels), criterion.id
    assert rubric_id not in DEFAULT_RUBRIC_BY_KIND.values()
