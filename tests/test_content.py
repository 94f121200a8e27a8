"""Checks on the built-in content: the core packs, their personas and the example pack.

These tests read the YAML files directly, so they guard the content even when the loader
changes; one test also loads every file with the project's own loader when it is present.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
BUILT_IN = REPO / "question_packs"
EXAMPLE = REPO / "examples" / "community-pack"

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DUE = re.compile(r"^[1-9][0-9]{0,3}[hd]$")
KINDS = ("behavioral", "technical", "informational", "follow-up")
BUILT_IN_RUBRICS = {
    "star-story",
    "technical-explanation",
    "informational-conversation",
    "written-follow-up",
    "motivation-fit",
    "short-answer",
}
NUMBER_FIELDS = {
    "format",
    "difficulty",
    "time_limit",
    "count",
    "follow_up_rate",
    "answer_time",
    "max_follow_ups",
    "probe_share",
}

# pack id -> (kind of its questions, minimum number of questions, its own rubric id)
CORE_QUESTION_PACKS = {
    "core-behavioral": ("behavioral", 60, "star"),
    "core-technical": ("technical", 60, "technical"),
    "core-informational": ("informational", 30, "informational"),
    "core-follow-up": ("follow-up", 20, "written"),
}
REQUIRED_PERSONAS = (
    "friendly-recruiter",
    "hiring-manager",
    "rigorous-tech-lead",
    "panel-of-three",
    "bar-raiser",
    "startup-cto",
    "industry-professional",
    "career-coach",
)
PERSONA_TEXT_FIELDS = (
    "name",
    "role",
    "description",
    "greeting",
    "closing",
    "instructions",
    "next_steps",
)


def read_pack(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} is not a mapping"
    return data


def pack_files(folder: Path) -> list[Path]:
    """Pack files below a folder, skipping hidden files and folders as discovery does."""
    found = []
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and path.suffix in (".yaml", ".yml") and not hidden:
            found.append(path)
    return found


BUILT_IN_PACKS = {read_pack(path)["id"]: read_pack(path) for path in pack_files(BUILT_IN)}
EXAMPLE_PACKS = {read_pack(path)["id"]: read_pack(path) for path in pack_files(EXAMPLE)}


def normalise(text: str) -> str:
    """Lowercase, without punctuation, with whitespace collapsed."""
    stripped = text.lower().translate(str.maketrans("", "", string.punctuation + "\u2019"))
    return " ".join(stripped.split())


def words(text: str) -> int:
    return len(text.split())


def questions_of(packs: dict[str, dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Every question as (pack id, question, kind)."""
    for pack_id, pack in packs.items():
        for question in pack.get("questions") or []:
            yield pack_id, question, question.get("kind") or pack.get("kind")


def is_text_list(value: Any, low: int, high: int) -> bool:
    return (
        isinstance(value, list)
        and low <= len(value) <= high
        and all(isinstance(item, str) and item.strip() and len(item) <= 500 for item in value)
    )


def stage_matches(
    stage: dict[str, Any], pack_id: str, question: dict[str, Any], kind: str
) -> bool:
    """The contract's rule: kinds AND any of the tags AND packs AND the difficulty range."""
    tags = set(question.get("tags") or [])
    low, high = stage.get("difficulty") or (1, 5)
    return (
        (not stage.get("kinds") or kind in stage["kinds"])
        and (not stage.get("tags") or bool(tags & set(stage["tags"])))
        and (not stage.get("packs") or pack_id in stage["packs"])
        and low <= question.get("difficulty", 3) <= high
    )


def all_personas() -> Iterator[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
    """Every persona with the packs it can draw from (examples also see the built-in packs)."""
    for pack in BUILT_IN_PACKS.values():
        for persona in pack.get("personas") or []:
            yield persona, BUILT_IN_PACKS
    for pack in EXAMPLE_PACKS.values():
        for persona in pack.get("personas") or []:
            yield persona, {**BUILT_IN_PACKS, **EXAMPLE_PACKS}


# --- the files ----------------------------------------------------------------------------


def test_built_in_pack_files() -> None:
    assert {*CORE_QUESTION_PACKS, "core-personas"} <= set(BUILT_IN_PACKS)
    for pack_id, pack in BUILT_IN_PACKS.items():
        assert pack["format"] == 1, pack_id
        assert pack["license"] == "CC-BY-4.0", pack_id
        # Minor versions grow as content is added (docs/authoring-packs.md#versioning); a
        # new major version would mean ids were removed or renamed, so it stays 1.
        assert re.fullmatch(r"1\.\d+\.\d+", pack["version"]), pack_id
        assert pack["authors"] == ["mock-interview contributors"], pack_id
        assert len(pack["title"]) <= 80, pack_id
        assert pack.get("description"), pack_id


def test_text_stays_text() -> None:
    """Values like `no` or `404` must be quoted, so every YAML tool reads them as text."""

    def walk(value: Any, where: str, key: str) -> Iterator[str]:
        if isinstance(value, dict):
            for name, item in value.items():
                if key != "levels":
                    assert isinstance(name, str), f"{where}: key {name!r}"
                yield from walk(item, f"{where}.{name}", str(name) if key != "levels" else key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]", key)
        elif key not in NUMBER_FIELDS and not isinstance(value, str):
            yield f"{where} = {value!r}"

    for pack_id, pack in {**BUILT_IN_PACKS, **EXAMPLE_PACKS}.items():
        problems = list(walk(pack, pack_id, ""))
        assert not problems, problems


def test_packs_load_with_the_project_loader() -> None:
    from simulator.packs import load_pack

    for path in [*pack_files(BUILT_IN), *pack_files(EXAMPLE)]:
        pack = load_pack(path)
        assert pack.id == read_pack(path)["id"]


# --- questions ----------------------------------------------------------------------------


@pytest.mark.parametrize("pack_id", sorted(CORE_QUESTION_PACKS))
def test_question_counts(pack_id: str) -> None:
    kind, minimum, _ = CORE_QUESTION_PACKS[pack_id]
    kinds = Counter(k for _, _, k in questions_of({pack_id: BUILT_IN_PACKS[pack_id]}))
    assert set(kinds) == {kind}
    assert kinds[kind] >= minimum


def test_built_in_question_totals_per_kind() -> None:
    kinds = Counter(kind for _, _, kind in questions_of(BUILT_IN_PACKS))
    for kind, minimum, _ in CORE_QUESTION_PACKS.values():
        assert kinds[kind] >= minimum, kind


@pytest.mark.parametrize("pack_id", sorted([*CORE_QUESTION_PACKS, *EXAMPLE_PACKS]))
def test_every_question_is_complete(pack_id: str) -> None:
    pack = {**BUILT_IN_PACKS, **EXAMPLE_PACKS}[pack_id]
    seen: set[str] = set()
    for _, question, kind in questions_of({pack_id: pack}):
        where = f"{pack_id}/{question.get('id')}"
        assert ID.match(question["id"]) and len(question["id"]) <= 64, where
        assert question["id"] not in seen, f"{where}: duplicate id"
        seen.add(question["id"])
        assert kind in KINDS, where
        assert question.get("tags") and all(ID.match(tag) for tag in question["tags"]), where
        assert isinstance(question.get("difficulty"), int), where
        assert 1 <= question["difficulty"] <= 5, where
        if "time_limit" in question:
            assert 10 <= question["time_limit"] <= 3600, where
        assert is_text_list(question.get("talking_points"), 3, 5), f"{where}: talking_points"
        assert is_text_list(question.get("keywords"), 3, 8), f"{where}: keywords"
        assert all(words(keyword) <= 3 for keyword in question["keywords"]), where
        assert is_text_list(question.get("hints"), 1, 5), f"{where}: hints"
        if kind == "follow-up":
            assert is_text_list(question.get("checklist"), 3, 6), f"{where}: checklist"
            assert DUE.match(str(question.get("due", ""))), f"{where}: due"
        else:
            assert "due" not in question, where
            assert is_text_list(question.get("follow_ups"), 1, 6), f"{where}: follow_ups"
        for field in ("clarification", "sample_answer"):
            if field in question:
                assert isinstance(question[field], str) and question[field].strip(), where
        rubrics = {rubric["id"] for rubric in pack.get("rubrics") or []} | BUILT_IN_RUBRICS
        assert question.get("rubric", pack.get("rubric")) in rubrics | {None}, where


@pytest.mark.parametrize("pack_id", sorted([*CORE_QUESTION_PACKS, *EXAMPLE_PACKS]))
def test_sample_answers_on_at_least_half(pack_id: str) -> None:
    packs = BUILT_IN_PACKS | EXAMPLE_PACKS
    questions = [q for _, q, _ in questions_of({pack_id: packs[pack_id]})]
    with_sample = [q for q in questions if q.get("sample_answer")]
    assert questions
    assert 2 * len(with_sample) >= len(questions)


@pytest.mark.parametrize("pack_id", sorted(CORE_QUESTION_PACKS))
def test_most_questions_offer_a_clarification(pack_id: str) -> None:
    questions = [q for _, q, _ in questions_of({pack_id: BUILT_IN_PACKS[pack_id]})]
    clarified = [q for q in questions if q.get("clarification")]
    assert 4 * len(clarified) >= 3 * len(questions)


def test_no_two_prompts_alike() -> None:
    seen: dict[str, str] = {}
    for pack_id, question, _ in questions_of(BUILT_IN_PACKS | EXAMPLE_PACKS):
        key = normalise(question["prompt"])
        where = f"{pack_id}/{question['id']}"
        assert key not in seen, f"{where} repeats {seen.get(key)}"
        seen[key] = where


def test_prompt_lengths() -> None:
    for pack_id, question, kind in questions_of(BUILT_IN_PACKS | EXAMPLE_PACKS):
        where = f"{pack_id}/{question['id']}"
        length = len(question["prompt"].strip())
        assert length <= 2000, where
        if kind == "follow-up":
            # A drill sets a scenario, then asks for the message.
            assert 150 <= length <= 1200, where
        else:
            # What an interviewer says in one breath: one to three sentences.
            assert 15 <= length <= 300, where


def test_sample_answer_lengths() -> None:
    for pack_id, question, _ in questions_of(BUILT_IN_PACKS | EXAMPLE_PACKS):
        if "sample_answer" in question:
            count = words(question["sample_answer"])
            assert 80 <= count <= 250, f"{pack_id}/{question['id']}: {count} words"


def test_drill_samples_are_messages() -> None:
    for _, question, kind in questions_of(BUILT_IN_PACKS | EXAMPLE_PACKS):
        if kind == "follow-up" and "sample_answer" in question:
            sample = question["sample_answer"]
            # An email starts with its subject line; a connection note would not need one.
            assert sample.startswith("Subject: ") or len(sample) <= 300, question["id"]


def test_informational_pack_has_timed_pitches() -> None:
    pack = BUILT_IN_PACKS["core-informational"]
    pitches = [q for q in pack["questions"] if "pitch" in q["tags"]]
    assert len(pitches) >= 3
    assert all(60 <= q.get("time_limit", 0) <= 90 for q in pitches)


# --- rubrics and candidate questions ------------------------------------------------------


@pytest.mark.parametrize("pack_id", sorted(CORE_QUESTION_PACKS))
def test_each_core_pack_defines_its_rubric(pack_id: str) -> None:
    pack = BUILT_IN_PACKS[pack_id]
    rubric_id = CORE_QUESTION_PACKS[pack_id][2]
    assert pack["rubric"] == rubric_id
    (rubric,) = [r for r in pack["rubrics"] if r["id"] == rubric_id]
    assert rubric_id not in BUILT_IN_RUBRICS
    assert 3 <= len(rubric["criteria"]) <= 8
    assert len({c["id"] for c in rubric["criteria"]}) == len(rubric["criteria"])
    for criterion in rubric["criteria"]:
        assert criterion["label"] and criterion["description"], criterion["id"]
        assert {1, 3, 5} <= set(criterion["levels"]) <= {1, 2, 3, 4, 5}, criterion["id"]


def test_star_rubric_has_four_or_five_criteria() -> None:
    rubrics = BUILT_IN_PACKS["core-behavioral"]["rubrics"]
    (rubric,) = [rubric for rubric in rubrics if rubric["id"] == "star"]
    assert 4 <= len(rubric["criteria"]) <= 5


def test_candidate_questions() -> None:
    questions = BUILT_IN_PACKS["core-informational"]["candidate_questions"]
    assert len(questions) >= 25
    for pack in BUILT_IN_PACKS.values():
        items = pack.get("candidate_questions") or []
        assert is_text_list(items, 0, 100)
        assert len({normalise(item) for item in items}) == len(items)


# --- personas -----------------------------------------------------------------------------


def test_personas_present() -> None:
    pack = BUILT_IN_PACKS["core-personas"]
    ids = [persona["id"] for persona in pack["personas"]]
    assert len(ids) >= 8
    assert len(set(ids)) == len(ids)
    assert set(REQUIRED_PERSONAS) <= set(ids)
    assert not pack.get("questions")


@pytest.mark.parametrize(
    "persona", [p for p, _ in all_personas()], ids=lambda persona: persona["id"]
)
def test_persona_is_complete(persona: dict[str, Any]) -> None:
    assert ID.match(persona["id"])
    for field in PERSONA_TEXT_FIELDS:
        assert isinstance(persona.get(field), str) and persona[field].strip(), field
    assert is_text_list(persona.get("transitions"), 3, 20)
    assert is_text_list(persona.get("probes"), 4, 20)
    assert 0 <= persona["follow_up_rate"] <= 1
    assert 10 <= persona["answer_time"] <= 3600
    stages = [stage["stage"] for stage in persona["plan"]]
    assert stages[:2] == ["prep", "intro"]
    assert stages[-1] == "wrap-up"
    assert "questions" in stages
    asked = sum(
        stage.get("count", 1) for stage in persona["plan"] if stage["stage"] == "questions"
    )
    assert 3 <= asked <= 6, "a twenty-minute session is about four to six questions"
    if "panel" in persona:
        assert 2 <= len(persona["panel"]) <= 6
        assert all(
            set(member) <= {"name", "role"} and member["name"] for member in persona["panel"]
        )


def test_all_persona_ids_unique() -> None:
    ids = [persona["id"] for persona, _ in all_personas()]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("persona", "packs"), list(all_personas()), ids=[p["id"] for p, _ in all_personas()]
)
def test_persona_stages_match_enough_questions(
    persona: dict[str, Any], packs: dict[str, dict[str, Any]]
) -> None:
    for stage in persona["plan"]:
        if stage["stage"] != "questions":
            continue
        assert stage.get("packs"), f"{persona['id']}: name the packs a stage draws from"
        assert set(stage["packs"]) <= set(packs), f"{persona['id']}: unknown pack"
        matches = [
            question
            for pack_id, question, kind in questions_of(packs)
            if stage_matches(stage, pack_id, question, kind)
        ]
        assert len(matches) >= stage.get("count", 1), f"{persona['id']}: {stage.get('title')}"


def test_persona_specifics() -> None:
    personas = {p["id"]: p for p in BUILT_IN_PACKS["core-personas"]["personas"]}
    assert personas["rigorous-tech-lead"]["name"] == "Priya"
    assert personas["bar-raiser"]["follow_up_rate"] == 1.0
    assert len(personas["panel-of-three"]["panel"]) == 3
    for persona_id in REQUIRED_PERSONAS:
        if persona_id != "career-coach":
            stages = [s["stage"] for s in personas[persona_id]["plan"]]
            assert "your-questions" in stages, persona_id

    professional = personas["industry-professional"]["plan"]
    (pitch,) = [stage for stage in professional if stage["stage"] == "pitch"]
    assert 60 <= pitch["time_limit"] <= 90
    informational = [stage for stage in professional if stage["stage"] == "questions"]
    assert informational and all(s["kinds"] == ["informational"] for s in informational)

    coach = [s for s in personas["career-coach"]["plan"] if s["stage"] == "questions"]
    assert coach and all(s["kinds"] == ["follow-up"] for s in coach)


# --- the author's kit ---------------------------------------------------------------------


def test_pre_commit_hook() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "validate-packs"
    assert hook["entry"] == "mock-interview packs validate"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.ya?ml$"
    assert re.search(hook["files"], "packs/data-analyst.yaml")


def test_example_repository_layout() -> None:
    for name in ("README.md", "LICENSE", ".pre-commit-config.yaml"):
        assert (EXAMPLE / name).is_file(), name
    assert "creativecommons.org/licenses/by/4.0" in (EXAMPLE / "LICENSE").read_text("utf-8")
    config = yaml.safe_load((EXAMPLE / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "validate-packs" in hooks
    workflow = (EXAMPLE / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8")
    assert "mock-interview packs validate packs" in workflow
    assert EXAMPLE_PACKS, "the example has packs"
    assert any(pack.get("personas") for pack in EXAMPLE_PACKS.values())


def test_authoring_guide_covers_the_kit() -> None:
    guide = (REPO / "docs" / "authoring-packs.md").read_text(encoding="utf-8")
    for needle in (
        "mock-interview packs new",
        "mock-interview packs validate",
        "mock-interview packs schema > pack.schema.json",
        "# yaml-language-server: $schema=./pack.schema.json",
        "mock-interview packs install",
        "panel:",
        "x-",
        *sorted(BUILT_IN_RUBRICS),
        "Versioning",
        "Licensing",
    ):
        assert needle in guide, needle
