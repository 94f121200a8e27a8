"""Markdown and JSON export, and importing a JSON export into another home."""

from __future__ import annotations

import json
import os
from datetime import UTC
from pathlib import Path

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
    assert document["version"] == 1
    assert [session["id"] for session in document["sessions"]] == ["a" * 32, "b" * 32]
    export_file = tmp_path / "export.json"
    write_text_atomic(export_file, exported)

    with Journal.open(tmp_path / "second.sqlite3") as journal:
        assert import_json(journal, export_file) == ImportCounts(imported=2, skipped=0)
        assert export_json(journal) == exported
        assert import_json(journal, export_file) == ImportCounts(imported=0, skipped=2)
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
        assert import_json(journal, export_file) == ImportCounts(imported=0, skipped=1)
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
