"""Tags are free text, as pack-format.md gives them: kept as written, matched case aside."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from simulator.packs import PackError, load_pack
from simulator.packs.cache import PackCache
from simulator.packs.library import PackFolders, load_library, stage_matches
from simulator.packs.schema import pack_schema

FIXTURE = Path(__file__).parent / "fixtures" / "valid" / "free-text-tags.yaml"
WRITTEN = ["NO", "1.10", "2020-02-30", "off", "C++", "System design"]


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (the YAML 1.2 core schema): only
    true and false are booleans and there are no dates, so NO and 2020-02-30 are text and
    1.10 is a number."""


EditorLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def as_editor_json(text: str) -> Any:
    """The file as JSON, the way an editor checks it against the schema (keys as text)."""
    return json.loads(json.dumps(yaml.load(text, Loader=EditorLoader), default=str))


def test_tags_load_exactly_as_written() -> None:
    pack = load_pack(FIXTURE)
    assert pack.tags == WRITTEN
    assert pack.questions[0].tags == ["System design", "Node.js", "UX", "Caching"]
    assert pack.questions[1].tags == ["c++"]


def test_the_editor_reads_some_tags_as_numbers() -> None:
    # The premise of the next test: without it the schema would be checked on strings only.
    assert as_editor_json(FIXTURE.read_text("utf-8"))["tags"][1] == 1.1


def test_pack_with_free_text_tags_passes_the_schema() -> None:
    schema = pack_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = jsonschema.Draft202012Validator(schema).iter_errors(
        as_editor_json(FIXTURE.read_text("utf-8"))
    )
    assert [error.message for error in errors] == []


def test_text_first_fixture_passes_the_schema() -> None:
    text = (FIXTURE.parent / "text-first.yaml").read_text("utf-8").replace("hints: [null]", "")
    errors = jsonschema.Draft202012Validator(pack_schema()).iter_errors(as_editor_json(text))
    assert [error.message for error in errors] == []


def test_plan_filters_match_tags_case_insensitively(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_bytes(FIXTURE.read_bytes())
    empty = tmp_path / "none"
    empty.mkdir()
    library = load_library(PackFolders(builtin=empty, user=tmp_path), PackCache(None))
    (entry,) = library.personas
    assert entry.usable, entry.reason
    design, language = entry.persona.plan
    assert [ref.question.id for ref in library.matching(design)] == ["design-a-cache"]
    # The pack's C++ and the question's c++ are one tag, spelled as first given.
    found = library.matching(language)
    assert [ref.question.id for ref in found] == ["design-a-cache", "pointers"]
    assert found[1].tags == ("c++", "NO", "1.10", "2020-02-30", "off", "System design")
    assert entry.notes == ()
    for stage in (design, language):
        every = [ref for ref in library.questions() if stage_matches(stage, ref)]
        assert every == library.matching(stage)


def pack_with_tag(tmp_path: Path, written: str) -> Path:
    path = tmp_path / "tag.yaml"
    path.write_text(
        "format: 1\nid: sample\ntitle: Sample\nkind: technical\nquestions:\n"
        f"  - id: q1\n    prompt: Hi\n    tags: [ok, {written}]\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"two\\nlines"', "a tag must be text on one line"),
        ('"a\\ttab"', "a tag must be text on one line"),
        ('"   "', "must not be empty"),
        ('""', "must not be empty"),
        ("x" * 61, "is too long: at most 60 characters"),
        ("[nested]", "must be text"),
    ],
)
def test_bad_tags_are_refused_at_the_tag(tmp_path: Path, written: str, message: str) -> None:
    path = pack_with_tag(tmp_path, written)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (8, 16)
    assert problem.message.startswith("questions[0].tags[1]: ")
    assert message in problem.message


def test_a_tag_of_sixty_characters_loads(tmp_path: Path) -> None:
    assert load_pack(pack_with_tag(tmp_path, "x" * 60)).questions[0].tags[1] == "x" * 60
