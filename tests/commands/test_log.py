"""``mock-interview log ...`` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import journal_samples as samples
import pytest

from simulator.cli import main
from simulator.common import locations
from simulator.journal import Journal
from simulator.journal.interviews import new_interview

SESSION_ID = "0123abcd" * 4
OTHER_ID = "0123ffff" * 4


@pytest.fixture
def filled(home: Path) -> Path:
    """The test's home (tests/conftest.py), with a finished and a started session."""
    with Journal.open() as journal:
        journal.save_session(samples.finished_session(SESSION_ID))
        journal.save_session(samples.empty_session(OTHER_ID, created_at=samples.T0 + 86_400))
    return home


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MOCK_INTERVIEW_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_list_json_in_a_new_home_is_empty(tmp_path: Path) -> None:
    home = tmp_path / "new-home"
    result = run_cli(home, "log", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert not (home / "data" / "journal.sqlite3").exists()


def test_list_json_in_a_subprocess(filled: Path) -> None:
    result = run_cli(filled, "log", "list", "--json")
    assert result.returncode == 0, result.stderr
    sessions = json.loads(result.stdout)
    assert [session["id"] for session in sessions] == [OTHER_ID, SESSION_ID]
    assert sessions[1] == {
        "id": SESSION_ID,
        "persona_id": "priya",
        "persona_name": "Priya Raman",
        "created_at": "2026-01-01T12:00:00+00:00",
        "updated_at": "2026-01-01T12:25:00+00:00",
        "finished_at": "2026-01-01T12:15:00+00:00",
        "phase": "done",
        "answer_count": 7,
        "skipped_count": 1,
        "mean_score": 3.75,
    }


def test_list_as_text(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith(SESSION_ID)
    assert "Priya Raman" in lines[1]
    assert main(["log", "list", "--limit", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_show_prints_markdown(filled: Path) -> None:
    result = run_cli(filled, "log", "show", SESSION_ID)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Mock interview with Priya Raman, 2026-01-")
    assert "## Follow-up plan" in result.stdout


def test_show_accepts_a_unique_start_of_the_id(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "show", "0123abcd"]) == 0
    assert SESSION_ID in capsys.readouterr().out
    assert main(["log", "show", "0123"]) == 1
    assert "matches 2 sessions" in capsys.readouterr().err


def test_show_an_unknown_id(filled: Path) -> None:
    result = run_cli(filled, "log", "show", "nope")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "error: no session or real interview with id nope\n"


def test_show_in_a_new_home(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "show", "nope"]) == 1
    assert capsys.readouterr().err == "error: no session or real interview with id nope\n"
    assert not locations.journal_file().exists()


def test_export_markdown_and_json(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "export"]) == 0
    everything = capsys.readouterr().out
    assert everything.count("# Mock interview with") == 2
    assert main(["log", "export", SESSION_ID, "--format", "md"]) == 0
    assert capsys.readouterr().out.count("# Mock interview with") == 1
    assert main(["log", "export", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "mock-interview-journal"
    assert [session["id"] for session in document["sessions"]] == [SESSION_ID, OTHER_ID]
    assert main(["log", "export", "missing", "--format", "json"]) == 1
    assert capsys.readouterr().err == "error: no session or real interview with id missing\n"


def test_export_in_a_new_home(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "export", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == []
    assert not locations.journal_file().exists()


def test_export_to_a_file_and_import_elsewhere(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "journal.json"
    assert main(["log", "export", "--format", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path / "other-home"))
    assert main(["log", "import", str(target)]) == 0
    assert capsys.readouterr().err == "Imported 2 sessions and 2 study topics.\n"
    assert main(["log", "import", str(target)]) == 0
    assert capsys.readouterr().err == (
        "Nothing new to import; 4 already in the journal were left as they were.\n"
    )
    assert main(["log", "export", "--format", "json"]) == 0
    assert capsys.readouterr().out == target.read_text(encoding="utf-8")
    markdown = tmp_path / "journal.md"
    assert main(["log", "export", SESSION_ID[:8], "-o", str(markdown)]) == 0
    assert markdown.read_text(encoding="utf-8").startswith("# Mock interview with")


def test_import_errors_are_one_line(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "import", str(tmp_path / "missing.json")]) == 1
    assert capsys.readouterr().err.startswith("error: ")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{oops", encoding="utf-8")
    assert main(["log", "import", str(garbage)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ")
    assert "not valid JSON" in error
    assert error.count("\n") == 1
    assert not locations.journal_file().exists()


def test_a_damaged_journal_is_an_error_not_a_traceback(home: Path) -> None:
    path = home / "data" / "journal.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database" * 200)
    result = run_cli(home, "log", "list", "--json")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_show_names_criteria_by_the_installed_packs_labels(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = samples.finished_session(SESSION_ID)
    answer = dict(session["answers"][1])
    answer.update(rubric_id="star", scores={"situation": 4, "result": 3})
    session["answers"] = [answer]
    with Journal.open() as journal:
        journal.save_session(session)
    assert main(["log", "show", SESSION_ID]) == 0
    text = capsys.readouterr().out
    # core-behavioral's own star rubric calls its criteria so.
    assert "| Situation and task | 4 |" in text
    assert "| Result | 3 |" in text


def test_a_whole_home_moves_to_another_through_the_command_line(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    interview = new_interview(
        company="Acme",
        role="Data engineer",
        held_at=samples.T0 + 3 * 86_400,
        format="technical",
        interviewers=["Sam"],
        reflection={
            "went_well": "",
            "say_differently": "",
            "topics": ["Queues"],
            "interviewer_notes": "",
        },
        now=samples.T0 + 3 * 86_400,
    )
    with Journal.open() as journal:
        journal.save_real_interview(interview)
        plan = journal.interview_reminders(interview.id)
        journal.snooze_reminder(plan[1].id, samples.T0 + 20 * 86_400)
        journal.close_follow_up(SESSION_ID)
        journal.add_study_item("Heaps")
        journal.save_persona_notes("priya", "Ask about on-call.")
    target = tmp_path / "journal.json"
    assert main(["log", "export", "--format", "json", "-o", str(target)]) == 0
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path / "other-home"))
    capsys.readouterr()
    assert main(["log", "import", str(target)]) == 0
    assert capsys.readouterr().err == (
        "Imported 2 sessions, 1 real interview, 4 study topics and 1 interviewer's prep note.\n"
    )
    assert main(["log", "export", "--format", "json"]) == 0
    assert capsys.readouterr().out == target.read_text(encoding="utf-8")
    assert main(["log", "show", interview.id[:6]]) == 0
    assert capsys.readouterr().out.startswith("# Real interview")
    assert main(["log", "export", interview.id, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in document["real_interviews"]] == [interview.id]
