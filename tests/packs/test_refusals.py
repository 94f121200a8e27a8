"""Every refusal in pack-format.md: the exact PATH:LINE:COL and the field named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.packs import PackError, load_pack

FIXTURES = Path(__file__).parent / "fixtures" / "refusals"

# file: (line, column, text that must appear in the message, usually the field's name)
EXPECTED: dict[str, tuple[int, int, str]] = {
    "invalid-yaml.yaml": (8, 1, "not valid YAML"),
    "several-documents.yaml": (5, 1, "several YAML documents"),
    "empty.yaml": (1, 1, "empty"),
    "not-utf8.yaml": (5, 17, "description: the file is not UTF-8"),
    "anchor.yaml": (5, 14, "description: anchors"),
    "alias.yaml": (5, 14, "description: aliases"),
    "tag.yaml": (5, 14, "description: YAML tags such as !!python/object/apply:os.system"),
    "duplicate-key.yaml": (8, 5, "questions[0].prompt: duplicate key (first given on line 7)"),
    "duplicate-top-key.yaml": (5, 1, "title: duplicate key"),
    "deep-nesting.yaml": (5, 40, "nesting is deeper than 32 levels at x-deep"),
    "unknown-key.yaml": (7, 5, "questions[0].promt: unknown field; did you mean prompt?"),
    "newer-format.yaml": (1, 9, "format: this pack is written for format 2 and needs a newer"),
    "control-character.yaml": (7, 20, "questions[0].prompt: the file holds a control character"),
    "format-character.yaml": (7, 29, "questions[0].prompt: the file holds an invisible"),
    # The same characters written as YAML escapes, found in the decoded value.
    "escape-erase-screen.yaml": (7, 20, "questions[0].prompt: the value holds a control"),
    "escape-c1-csi.yaml": (7, 21, "questions[0].prompt: the value holds a control character"),
    "escape-osc52-clipboard.yaml": (7, 19, "questions[0].prompt: the value holds a control"),
    "escape-rtl-override.yaml": (7, 22, "questions[0].prompt: the value holds an invisible"),
    "escape-on-a-later-line.yaml": (8, 16, "questions[0].prompt: the value holds an invisible"),
    "escape-in-a-key.yaml": (8, 8, "a key in questions[0]: the key holds an invisible"),
    "escape-in-an-extension.yaml": (8, 14, "questions[0].x-note: the value holds a control"),
    "wrong-type.yaml": (8, 11, "questions[0].tags: must be a list"),
    "out-of-range.yaml": (8, 17, "questions[0].difficulty: must be at most 5"),
    "not-a-whole-number.yaml": (8, 17, "questions[0].time_limit: must be a whole number"),
    "bad-id.yaml": (6, 9, "questions[0].id: must be lowercase letters"),
    "duplicate-id.yaml": (10, 9, "questions[2].id: the question id q1 is already used"),
    "unknown-rubric.yaml": (10, 13, "questions[1].rubric: there is no rubric no-such-rubric"),
    "due-on-behavioral.yaml": (8, 5, "questions[0].due: only follow-up questions"),
    "bad-due.yaml": (9, 10, "questions[0].due: must be a whole number of hours or days"),
    "no-kind.yaml": (5, 5, "questions[0]: has no kind"),
    "filter-on-intro.yaml": (10, 9, "personas[0].plan[0].count: only a questions stage"),
    "level-out-of-range.yaml": (12, 11, "rubrics[0].criteria[0].levels.6: must be at most 5"),
    "title-too-long.yaml": (3, 8, "title: is too long: at most 80 characters"),
    "missing-title.yaml": (1, 1, "title: is required"),
    "complex-key.yaml": (5, 3, "must be plain text"),
    "not-a-mapping.yaml": (1, 1, "must be a mapping"),
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(path.name for path in FIXTURES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_refusal_names_file_line_column_and_field(name: str) -> None:
    line, column, text = EXPECTED[name]
    path = FIXTURES / name
    with pytest.raises(PackError) as caught:
        load_pack(path)
    problem = caught.value.problems[0] if name != "unknown-key.yaml" else caught.value.problems[1]
    assert (problem.path, problem.line, problem.column) == (path, line, column)
    assert text in problem.message
    assert str(problem).startswith(f"{path}:{line}:{column}: ")


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("format: 1\nid: huge\ntitle: Huge\ndescription: " + "a" * (1024 * 1024))
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert "larger than 1 MiB" in caught.value.message


def test_unreadable_path_is_a_pack_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="cannot read the file"):
        load_pack(tmp_path / "missing.yaml")


def test_validate_cli_prints_each_refusal_without_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "packs", "validate", str(FIXTURES)],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for name, (line, column, _text) in EXPECTED.items():
        assert any(row.startswith(f"{FIXTURES / name}:{line}:{column}: ") for row in lines), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_cli_exits_1_on_each(name: str) -> None:
    from simulator.cli import main

    assert main(["packs", "validate", str(FIXTURES / name)]) == 1


def test_format_character_list_matches_unicodedata() -> None:
    import unicodedata

    from simulator.packs.yamlread import _FORBIDDEN

    allowed = {"\u200c", "\u200d"}
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cf" and char not in allowed:
            assert _FORBIDDEN.match(char), f"U+{code:04X} should be refused"
    for char in allowed | {"\t", "\n", "é", "😀"}:
        assert not _FORBIDDEN.match(char)


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        (
            "unknown-keys-everywhere.yaml",
            [
                "colour",
                "personas[0].panel[1].rol",
                "personas[0].plan[0].tagz",
                "questions[0].extra",
                "questions[1].bogus",
                "rubrics[0].criteria[0].levels.7",
                "rubrics[0].criteria[0].what",
            ],
        ),
        ("fields-out-of-place.yaml", ["personas[0].plan[0].count", "questions[0].due"]),
    ],
)
def test_errors_about_keys_point_at_the_key(name: str, fields: list[str]) -> None:
    path = FIXTURES.parent / "keys" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    with pytest.raises(PackError) as caught:
        load_pack(path)
    found = {}
    for problem in caught.value.problems:
        field = problem.message.split(":")[0]
        key = field.rsplit(".", 1)[-1].split("[")[0]
        found[field] = lines[problem.line - 1][problem.column - 1 :].split(":")[0]
        assert found[field] == key, problem
    assert sorted(found) == fields
