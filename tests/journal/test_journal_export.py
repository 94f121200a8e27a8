"""Markdown and JSON export, and importing a JSON export into another home."""

from __future__ import annotations

import json
import os
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from journal_samples import DAY, T0, empty_session, finished_session

from simulator.journal import ImportCounts, Journal, JournalError
from simulator.journal.export import (
    EXPORT_FORMAT,
    export_json,
    export_markdown,
    import_json,
    write_text_atomic,
)
from simulator.journal.markdown import duration, session_markdown

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff!)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_markdown_of_a_finished_session(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        journal.save_session(finished_session())
        text = export_markdown(journal, "s" * 32, tz=UTC)
    check_golden("finished_session.md", text)


def test_markdown_of_an_unfinished_session() -> None:
    text = session_markdown(empty_session("u" * 32, phase="self-score"), tz=UTC)
    assert text.startswith("# Mock interview with Priya Raman, 2026-01-01\n")
    assert "- Not finished (at the self-score step)" in text
    assert "*No answers recorded.*" in text
    assert "## Reflection" not in text


def test_markdown_of_all_sessions(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        assert "No sessions yet" in export_markdown(journal, tz=UTC)
        journal.save_session(empty_session("b" * 32, created_at=T0 + DAY))
        journal.save_session(finished_session("a" * 32))
        text = export_markdown(journal, tz=UTC)
    first, second = text.split("\n---\n\n")
    assert "`" + "a" * 32 + "`" in first  # oldest first
    assert "`" + "b" * 32 + "`" in second


def test_duration() -> None:
    assert duration(0) == "0:00"
    assert duration(59.6) == "1:00"
    assert duration(330) == "5:30"
    assert duration(3725) == "1:02:05"
    assert duration(-3) == "0:00"


def test_json_round_trip_into_another_home(tmp_path: Path) -> None:
    first_home = tmp_path / "first.sqlite3"
    with Journal.open(first_home) as journal:
        journal.save_session(finished_session("a" * 32))
        journal.save_session(empty_session("b" * 32, created_at=T0 + DAY))
        journal.set_reminder_done("a" * 32 + "-r1", T0 + 3600)
        exported = export_json(journal)
    document = json.loads(exported)
    assert document["format"] == EXPORT_FORMAT
    assert document["version"] == 2
    assert [session["id"] for session in document["sessions"]] == ["a" * 32, "b" * 32]
    export_file = tmp_path / "export.json"
    write_text_atomic(export_file, exported)

    with Journal.open(tmp_path / "second.sqlite3") as journal:
        assert import_json(journal, export_file).sessions == ImportCounts(imported=2, skipped=0)
        assert export_json(journal) == exported
        assert import_json(journal, export_file).sessions == ImportCounts(imported=0, skipped=2)
        assert len(journal.list_sessions()) == 2
        assert export_json(journal) == exported
        # The tables are filled too, not just the stored snapshots.
        assert journal.due_reminders(T0 + 30 * DAY)[0].kind == "inquiry"
        assert journal.question_stats()[("core-behavioral", "conflict")].times_seen == 1
        single = json.loads(export_json(journal, "b" * 32))
        assert [session["id"] for session in single["sessions"]] == ["b" * 32]


def test_import_keeps_sessions_already_there(tmp_path: Path) -> None:
    export_file = tmp_path / "export.json"
    with Journal.open(tmp_path / "first.sqlite3") as journal:
        journal.save_session(finished_session("a" * 32))
        write_text_atomic(export_file, export_json(journal))
    with Journal.open(tmp_path / "second.sqlite3") as journal:
        mine = empty_session("a" * 32, persona_name="Mine")
        journal.save_session(mine)
        assert import_json(journal, export_file).sessions == ImportCounts(imported=0, skipped=1)
        assert journal.load_session("a" * 32) == mine


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "something-else", "version": 1, "sessions": []}', "not a mock-interview"),
        ('{"format": "mock-interview-journal", "version": 9, "sessions": []}', "newer version"),
        ('{"format": "mock-interview-journal", "version": 1, "sessions": {}}', "must be a list"),
        ('{"format": "mock-interview-journal", "version": 1, "sessions": [1]}', "JSON object"),
    ],
)
def test_bad_import_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    with (
        Journal.open(tmp_path / "journal.sqlite3") as journal,
        pytest.raises(JournalError, match=message),
    ):
        import_json(journal, path)


def test_an_invalid_session_means_nothing_is_imported(tmp_path: Path) -> None:
    good = finished_session("a" * 32)
    bad = empty_session("b" * 32)
    del bad["reflection"]  # type: ignore[misc]
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps({"format": EXPORT_FORMAT, "version": 1, "sessions": [good, bad]}), "utf-8"
    )
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        with pytest.raises(JournalError, match="reflection is missing"):
            import_json(journal, path)
        assert journal.list_sessions() == []


def test_a_session_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    future = finished_session()
    future["version"] = 99
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps({"format": EXPORT_FORMAT, "version": 1, "sessions": [future]}), "utf-8"
    )
    with (
        Journal.open(tmp_path / "journal.sqlite3") as journal,
        pytest.raises(JournalError, match="newer version"),
    ):
        import_json(journal, path)


def test_exporting_an_unknown_session(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        with pytest.raises(JournalError, match="no session"):
            export_markdown(journal, "missing")
        with pytest.raises(JournalError, match="no session"):
            export_json(journal, "missing")


# Untrusted text in the Markdown export: it must render as exactly what was typed.

HOSTILE = [
    "<script>alert(1)</script>",
    "List<T> and __init__ and *stars* and ~~strike~~ and `ticks`",
    "[x](javascript:alert(1)) ![img](x.png) <https://example.org> &lt; &#60;",
    "# not a heading",
    "- not a list",
    "1. not a list either",
    "> not a quote",
    "===",
    "a | b | c",
    "a backslash at the end \\",
]
HOSTILE_TEXT = "\n".join(HOSTILE) + "\n\nA second paragraph\nwith a line break."


def hostile_session() -> dict[str, Any]:
    session: dict[str, Any] = dict(finished_session("h" * 32))
    session["persona_name"] = "__Priya__ <b>Raman</b>"
    session["prep_notes"] = HOSTILE_TEXT
    first = dict(session["answers"][1])
    first.update(text=HOSTILE_TEXT, prompt="Why List<T>? [a](javascript:x)")
    session["answers"] = [first]
    session["reflection"] = {
        "went_well": HOSTILE_TEXT,
        "say_differently": "Line one\nline <i>two</i>",
        "topics": ["__init__", "[x](javascript:alert(1))"],
        "interviewer_notes": HOSTILE_TEXT,
    }
    session["candidate_questions"] = ["<script>alert(1)</script>"]
    session["thank_you_drafts"] = {"<b>Ana</b>": HOSTILE_TEXT}
    return session


def renderers() -> list[Any]:
    from markdown_it import MarkdownIt

    # CommonMark with raw HTML allowed (so any that got through would show), and the
    # GitHub-like flavour with tables, strikethrough and bare-link detection.
    return [MarkdownIt("commonmark", {"html": True}), MarkdownIt("gfm-like")]


def inline_texts(tokens: list[Any]) -> list[str]:
    """The text of every heading, paragraph, list item and cell, line breaks as newlines."""
    found = []
    for token in tokens:
        if token.type != "inline":
            continue
        text = ""
        for child in token.children or []:
            assert child.type in {
                "text",
                "softbreak",
                "hardbreak",
                "code_inline",
                "em_open",
                "em_close",
                "strong_open",
                "strong_close",
                "link_open",  # checked by no_markup_from_text
                "link_close",
            }, child.type
            if child.type in {"softbreak", "hardbreak"}:
                text += "\n"
            elif child.type in {"text", "code_inline"}:
                text += child.content
        found.append(text)
    return found


def no_markup_from_text(tokens: list[Any], *, bare_links: bool) -> None:
    """No HTML, image or link; with ``bare_links``, a link only where the text holds an
    http(s) address (a renderer that links bare addresses does that to any text)."""
    for token in tokens:
        assert token.type not in {"html_block", "html_inline", "image"}, token
        for child in token.children or []:
            assert child.type not in {"html_inline", "image", "s_open"}, child
            if child.type == "link_open":
                assert bare_links and child.attrs["href"] == "https://example.org", child


def test_markdown_renders_untrusted_text_literally() -> None:
    text = session_markdown(hostile_session(), UTC)  # type: ignore[arg-type]
    for renderer, bare_links in zip(renderers(), (False, True), strict=True):
        tokens = renderer.parse(text)
        no_markup_from_text(tokens, bare_links=bare_links)
        found = inline_texts(tokens)
        paragraphs = HOSTILE_TEXT.split("\n\n")
        assert found.count(paragraphs[0]) == 5, text  # prep, answer, 2 reflection, draft
        assert found.count(paragraphs[1]) == 5
        assert "Line one\nline <i>two</i>" in found
        assert "Mock interview with __Priya__ <b>Raman</b>, 2026-01-01" in found
        assert "1. Why List<T>? [a](javascript:x)" in found
        assert {"__init__", "[x](javascript:alert(1))", "<script>alert(1)</script>"} <= set(found)
        assert "Thank-you note to <b>Ana</b>" in found


def test_markdown_shows_control_characters_as_escapes() -> None:
    session: dict[str, Any] = dict(finished_session("c" * 32))
    answer = dict(session["answers"][1])
    answer["text"] = "Clear \x1b[2J now\tand \x9b31m red, \u202efdp.exe"
    session["answers"] = [answer]
    text = session_markdown(session, UTC)  # type: ignore[arg-type]
    assert not [char for char in text if ord(char) < 0x20 and char != "\n"]
    assert "\x9b" not in text and "\u202e" not in text
    (found,) = [
        line for line in inline_texts(renderers()[0].parse(text)) if line.startswith("Clear")
    ]
    assert found == "Clear \\u001b[2J now    and \\u009b31m red, \\u202efdp.exe"


def test_score_tables_show_labels() -> None:
    session = finished_session("l" * 32)
    text = session_markdown(session, UTC, {("star", "structure"): "Clear structure"})
    assert "| Clear structure | 4 |" in text
    assert "| Impact | 3 |" in text  # no label known: the id in words
    assert "| structure |" not in text
    builtin: dict[str, Any] = dict(session["answers"][1])
    builtin.update(rubric_id="star-story", scores={"result": 2})
    session["answers"] = [builtin]  # type: ignore[list-item]
    assert "| Result | 2 |" in session_markdown(session, UTC)


def test_a_real_interview_gives_each_heading_once() -> None:
    from simulator.journal.interviews import new_interview
    from simulator.journal.markdown import interview_markdown
    from simulator.journal.models import InterviewQuestion

    interview = new_interview(
        company="<b>Acme</b>",
        role="Engineer",
        held_at=T0,
        format="panel",
        interviewers=["Ana"],
        questions=[
            InterviewQuestion("List<T>?", kind="technical", notes="One\n[x](javascript:1)")
        ],
        how_it_went="Fine.",
        reflection={
            "went_well": "The queue.",
            "say_differently": "",
            "topics": ["Queues"],
            "interviewer_notes": "",
        },
        thank_you_drafts={"": "Dear Ana."},
        now=T0,
        interview_id="i" * 32,
    )
    text = interview_markdown(interview, UTC)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert len(headings) == len(set(headings))
    assert headings.count("## Reflection") == headings.count("## Follow-up plan") == 1
    tokens = renderers()[0].parse(text)
    no_markup_from_text(tokens, bare_links=False)
    assert "Company: <b>Acme</b>" in inline_texts(tokens)
    assert "One\n[x](javascript:1)" in inline_texts(tokens)
