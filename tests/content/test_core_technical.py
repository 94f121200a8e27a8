"""The core technical pack: how many questions, which topics, and sample-answer coverage.

The pack is loaded with the project's own loader, so the checks see what a session sees.
"""

from __future__ import annotations

import string
from collections import Counter
from pathlib import Path

import pytest

from simulator.packs import load_pack
from simulator.packs.records import Pack

PACK = Path(__file__).resolve().parents[2] / "question_packs" / "core-technical.yaml"
MINIMUM_QUESTIONS = 117
# topic tag -> how many questions must carry it at least
TOPICS = {
    "cloud-devops": 6,
    "ml-basics": 6,
    "object-oriented-design": 6,
    "security": 6,
    "apis": 6,
}
HARD = 4  # difficulty from which every question needs a sample answer
SAMPLE_SHARE = 0.6


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK)


def normalise(text: str) -> str:
    """Lowercase, without punctuation, with whitespace collapsed."""
    stripped = text.lower().translate(str.maketrans("", "", string.punctuation + "\u2019"))
    return " ".join(stripped.split())


def test_question_total(pack: Pack) -> None:
    assert len(pack.questions) >= MINIMUM_QUESTIONS


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_each_topic_has_enough_questions(pack: Pack, topic: str) -> None:
    tagged = [q.id for q in pack.questions if topic in q.tags]
    assert len(tagged) >= TOPICS[topic], f"{topic}: {len(tagged)} questions"


def test_topic_tags_are_spelled_one_way(pack: Pack) -> None:
    """No near-miss spelling of a topic tag (devops, ml, oop...) hides questions from a count."""
    tags = Counter(tag for q in pack.questions for tag in q.tags)
    near_misses = {"devops", "cloud", "ml", "machine-learning", "oop", "ood", "api", "sec"}
    assert not near_misses & set(tags), sorted(near_misses & set(tags))


def test_every_hard_question_has_a_sample_answer(pack: Pack) -> None:
    hard = [q for q in pack.questions if q.difficulty >= HARD]
    missing = [q.id for q in hard if not (q.sample_answer or "").strip()]
    assert not missing, missing


def test_most_questions_have_a_sample_answer(pack: Pack) -> None:
    with_sample = [q for q in pack.questions if (q.sample_answer or "").strip()]
    assert len(with_sample) >= SAMPLE_SHARE * len(pack.questions), (
        f"{len(with_sample)} of {len(pack.questions)}"
    )


def test_no_two_prompts_alike(pack: Pack) -> None:
    seen: dict[str, str] = {}
    for question in pack.questions:
        key = normalise(question.prompt)
        assert key not in seen, f"{question.id} repeats {seen.get(key)}"
        seen[key] = question.id


def test_question_ids_are_unique(pack: Pack) -> None:
    ids = Counter(q.id for q in pack.questions)
    assert not [i for i, n in ids.items() if n > 1]
