""" "Practise this again": logged questions become a valid pack in the user's pack folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.cli import main
from simulator.common import locations
from simulator.journal.interviews import new_interview
from simulator.journal.models import InterviewQuestion, RealInterview
from simulator.packs import load_pack, load_pack_text
from simulator.services import personal_pack
from simulator.services.context import Context
from simulator.services.personal_pack import (
    PersonalPackError,
    base_pack_id,
    clean_text,
    slug,
    write_personal_pack,
)

T0 = 1_800_000_000.0


def interview(
    *questions: str | InterviewQuestion, company: str = "Acme", **extra: object
) -> RealInterview:
    values: dict[str, object] = {
        "company": company,
        "role": "Data engineer",
        "held_at": T0,
        "format": "technical",
        "interviewers": ["Priya Raman"],
        "questions": [
            q if isinstance(q, InterviewQuestion) else InterviewQuestion(q) for q in questions
        ],
        "now": T0,
    }
    values.update(extra)
    return new_interview(**values)  # type: ignore[arg-type]


def test_three_questions_make_a_valid_pack(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logged = interview(
        "How would you design a rate limiter?",
        InterviewQuestion("Tell me about a conflict.", kind="behavioral"),
        "What do you know about us?",
        reflection={
            "went_well": "",
            "say_differently": "Talk about token buckets.",
            "topics": [],
            "interviewer_notes": "",
        },
    )
    written = write_personal_pack(logged)
    assert written.path.parent == locations.user_packs_dir()
    assert written.path.is_relative_to(home)
    assert written.questions == 3
    assert not written.replaced
    pack = load_pack(written.path)
    assert pack.id == written.pack_id == base_pack_id(logged)
    assert pack.id.startswith("real-acme-")
    kinds = [pack.question_kind(question) for question in pack.questions]
    # A technical round, but "What do you know about us?" is about motivation, not tech.
    assert kinds == ["technical", "behavioral", "behavioral"]
    assert all("real-interview" in pack.question_tags(question) for question in pack.questions)
    [persona] = pack.personas
    assert persona.id == written.persona_id
    assert persona.name == "Priya Raman"
    assert "token buckets" in persona.instructions
    stage = next(stage for stage in persona.plan if stage.stage == "questions")
    assert stage.count == 3 and stage.packs == [pack.id]
    # The command line agrees, and the pack is installed: its interviewer can start.
    assert main(["packs", "validate", str(written.path)]) == 0
    assert capsys.readouterr().out == ""
    library = Context.create(use_cache=False).load_library()
    entry = library.persona(written.persona_id)
    assert entry is not None and entry.usable


def test_text_is_cleaned_to_what_packs_allow(home: Path) -> None:
    logged = interview(
        "Line one\r\nline two\x07 with a bell\u202e reversed\tand a tab",
        "x" * 3000,
        "   ",
        "  [b]bold?[/b] [@click=app.quit]quit[/]  ",
        company="Ünïcode Company " + "y" * 100,
    )
    written = write_personal_pack(logged)
    text = written.path.read_text(encoding="utf-8")
    pack = load_pack_text(written.path, text)
    prompts = [question.prompt for question in pack.questions]
    assert prompts[0] == "Line one\nline two with a bell reversed\tand a tab"
    assert len(prompts[1]) == 2000
    assert prompts[2] == "[b]bold?[/b] [@click=app.quit]quit[/]"
    assert [question.id for question in pack.questions] == ["q1", "q2", "q3"]
    assert len(pack.title) <= 80
    assert len(pack.id) <= 64 and len(written.persona_id) <= 64
    assert pack.id.startswith("real-unicode-company-")
    assert "&" not in text and "*" not in text.replace("**", "")  # no anchors or aliases
    assert not yaml.safe_load(text)["x-interview-id"].startswith("!")


def test_clean_text_and_slug() -> None:
    assert clean_text(" a\u200bb\u200dc\x00 ") == "ab\u200dc"
    assert slug("Ünïcode & Co. — Ltd") == "unicode-co-ltd"
    assert slug("株式会社") == ""
    assert slug("a" * 40) == "a" * 32
    assert slug("alpha beta gamma", limit=11) == "alpha-beta"


def test_a_company_name_with_no_ascii_letters(home: Path) -> None:
    written = write_personal_pack(interview("Why us?", company="株式会社"))
    assert written.pack_id.startswith("real-interview-")
    assert load_pack(written.path).title.endswith("株式会社")


def test_the_same_interview_updates_its_pack_and_another_gets_its_own(home: Path) -> None:
    first = interview("Why us?")
    written = write_personal_pack(first)
    again = write_personal_pack(
        RealInterview(**{**first.__dict__, "questions": (InterviewQuestion("Why now?"),)})
    )
    assert again.path == written.path and again.replaced
    assert load_pack(written.path).questions[0].prompt == "Why now?"
    other = write_personal_pack(interview("Why us?"))  # same company and day
    assert other.path != written.path
    assert other.pack_id == f"{written.pack_id}-2"
    assert len(list(locations.user_packs_dir().glob("*.yaml"))) == 2


def test_no_questions_no_pack(home: Path) -> None:
    with pytest.raises(PersonalPackError, match="at least one question"):
        write_personal_pack(interview())
    with pytest.raises(PersonalPackError, match="at least one question"):
        write_personal_pack(interview("  ", "\x07"))
    assert not list(locations.user_packs_dir().glob("*.yaml"))


def test_an_invalid_pack_is_never_written(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    logged = interview("Why us?")
    written = write_personal_pack(logged)
    before = written.path.read_bytes()
    monkeypatch.setattr(personal_pack, "pack_text", lambda *_: "format: 1\nid: Not Valid\n")
    with pytest.raises(PersonalPackError, match="would not be valid"):
        write_personal_pack(logged)
    assert written.path.read_bytes() == before
    assert [path.name for path in written.path.parent.iterdir()] == [written.path.name]


def test_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(PersonalPackError, match="cannot create the pack folder"):
        write_personal_pack(interview("Why us?"), blocker / "packs")
