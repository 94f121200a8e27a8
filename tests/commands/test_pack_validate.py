"""``packs validate PATH...`` checks the files as one installation would."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli import main
from simulator.common import locations

QUESTIONS = """\
format: 1
id: {id}
title: Questions
kind: technical
questions:
  - id: q1
    prompt: Explain a hash map.
    tags: [Data structures]
"""

PERSONA = """\
format: 1
id: {id}
title: Interviewers
personas:
  - id: {persona}
    name: Sam
    plan:
      - stage: intro
      - stage: questions
        title: Data
        tags: [{tags}]
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def validate(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str]]:
    code = main(["packs", "validate", *map(str, paths)])
    return code, capsys.readouterr().out.splitlines()


def test_two_files_with_one_pack_id_exit_1_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path, "first.yaml", QUESTIONS.format(id="shared"))
    second = write(tmp_path / "sub", "second.yaml", QUESTIONS.format(id="shared"))
    code, lines = validate(capsys, first, second)
    assert code == 1
    (line,) = lines
    assert line.startswith(f"{second}:2:5: id: the pack id shared is also used by {first}")


def test_two_files_with_one_persona_id_exit_1_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = write(tmp_path, "q.yaml", QUESTIONS.format(id="qs"))
    first = write(
        tmp_path, "a.yaml", PERSONA.format(id="a", persona="sam", tags="data structures")
    )
    second = write(
        tmp_path, "b.yaml", PERSONA.format(id="b", persona="sam", tags="DATA STRUCTURES")
    )
    code, lines = validate(capsys, questions, first, second)
    assert code == 1
    assert lines == [
        f"{second}:5:9: personas[0].id: the persona id sam is also used by {first}; persona "
        "ids are unique across installed packs"
    ]


def test_install_refuses_the_same_clash(tmp_path: Path, home: Path) -> None:
    write(tmp_path / "repo", "a.yaml", PERSONA.format(id="a", persona="sam", tags="x"))
    write(tmp_path / "repo", "b.yaml", PERSONA.format(id="b", persona="sam", tags="x"))
    assert main(["packs", "install", str(tmp_path / "repo")]) == 1
    assert not (home / "packs").exists()


def test_a_persona_shadowing_a_built_in_one_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path, "mine.yaml", PERSONA.format(id="mine", persona="rigorous-tech-lead", tags="")
    )
    code, lines = validate(capsys, path)
    assert code == 0
    builtin = locations.builtin_packs_dir() / "core-personas.yaml"
    assert lines == [
        f"{path}:5:9: warning: personas[0].id: the persona id rigorous-tech-lead is already "
        f"used by {builtin} (pack core-personas); installed, this persona replaces that one"
    ]


def test_a_persona_shadowing_an_installed_one_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    installed = write(
        locations.user_packs_dir(),
        "theirs.yaml",
        PERSONA.format(id="theirs", persona="sam", tags=""),
    )
    path = write(tmp_path, "mine.yaml", PERSONA.format(id="mine", persona="sam", tags=""))
    code, lines = validate(capsys, path)
    assert code == 0
    assert len(lines) == 1
    assert f"the persona id sam is already used by {installed} (pack theirs)" in lines[0]
    # A new version of the installed pack replaces it: nothing is hidden.
    update = write(tmp_path, "update.yaml", PERSONA.format(id="theirs", persona="sam", tags=""))
    assert validate(capsys, update) == (0, [])


def test_validating_the_built_in_packs_warns_of_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert validate(capsys, locations.builtin_packs_dir()) == (0, [])


def test_a_stage_that_matches_nothing_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "p.yaml", PERSONA.format(id="p", persona="sam", tags="no-such-topic"))
    code, lines = validate(capsys, path)
    assert code == 0
    assert lines == [
        f"{path}:9:9: warning: personas[0].plan[1]: sam's stage 2 (Data) matches no question "
        "among the installed packs and the files given; this interviewer cannot be started"
    ]


def test_questions_from_another_file_given_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    persona = write(
        tmp_path, "p.yaml", PERSONA.format(id="p", persona="sam", tags="DATA structures")
    )
    questions = write(tmp_path, "q.yaml", QUESTIONS.format(id="qs"))
    assert validate(capsys, persona, questions) == (0, [])


def test_a_tag_that_draws_nothing_and_a_short_stage_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = write(tmp_path, "q.yaml", QUESTIONS.format(id="qs"))
    text = PERSONA.format(id="p", persona="sam", tags="data structures, startup-life")
    persona = write(tmp_path, "p.yaml", text + "        count: 2\n")
    code, lines = validate(capsys, persona, questions)
    assert code == 0
    assert lines == [
        f"{persona}:9:9: warning: personas[0].plan[1]: sam's stage 2 (Data) asks 2 "
        "question(s) but only 1 match, so it asks fewer",
        f"{persona}:11:33: warning: personas[0].plan[1].tags[1]: sam's stage 2 (Data) never "
        "draws on its tag startup-life: no question that fits the stage has it",
    ]


def test_a_file_named_twice_is_checked_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "q.yaml", QUESTIONS.format(id="qs"))
    assert validate(capsys, path, tmp_path, tmp_path / "." / "q.yaml") == (0, [])


def test_a_closing_replaced_by_a_later_one_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = QUESTIONS.format(id="p") + (
        "personas:\n"
        "  - id: sam\n"
        "    name: Sam\n"
        "    closings:\n"
        "      - when: brief\n"
        "        say: First.\n"
        "      - when: strong\n"
        "        say: Well done.\n"
        "      - when: brief\n"
        "        say: Second.\n"
        "    plan:\n"
        "      - stage: questions\n"
    )
    path = write(tmp_path, "p.yaml", text)
    code, lines = validate(capsys, path)
    assert code == 0  # a warning: the pack still loads, and the second brief closing is said
    assert lines == [
        f"{path}:13:15: warning: personas[0].closings[0].when: sam has another closing for "
        "brief sessions after this one, and only the last is said"
    ]
