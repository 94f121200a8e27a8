"""``mock-interview log reminders``: the follow-ups that are due, for people in the shell."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from simulator.cli import main
from simulator.common import locations
from simulator.journal import Journal
from simulator.journal.interviews import new_interview

DAY = 86_400.0
SESSION_ID = "0123abcd" * 4


def _samples() -> ModuleType:
    """The hand-built snapshots shared with the journal tests."""
    path = Path(__file__).parents[1] / "journal" / "journal_samples.py"
    spec = importlib.util.spec_from_file_location("journal_samples_for_reminders", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


samples = _samples()


@pytest.fixture
def filled(home: Path) -> dict[str, str]:
    """A practice session and a real interview, with follow-ups due, coming up, snoozed,
    done and closed, relative to the real clock (the command uses it). Returns ids."""
    now = time.time()
    session = samples.empty_session(SESSION_ID, created_at=now - 10 * DAY, phase="done")
    session["persona_name"] = "Priya [b]Raman[/b]"
    session["reminders"] = [
        samples.reminder("overdue", "thank-you", "Send a thank-you note", now - 2 * DAY),
        samples.reminder("upcoming", "check-in", "Check in", now + 5 * DAY),
        samples.reminder("snoozed", "inquiry", "Ask about the decision", now - DAY),
        samples.reminder("done", "inquiry", "Already asked", now - 3 * DAY),
    ]
    logged = new_interview(
        company="Acme",
        role="Data engineer",
        held_at=now - 2.5 * DAY,
        format="technical",
        interviewers=["Sam"],
        now=now,
    )
    with Journal.open() as journal:
        journal.save_session(session)
        journal.snooze_reminder("snoozed", now + DAY)
        journal.set_reminder_done("done", now - DAY)
        journal.save_real_interview(logged)
    return {"interview": logged.id}


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


def test_a_new_home_has_none_and_creates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "new-home"
    result = run_cli(home, "log", "reminders", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    result = run_cli(home, "log", "reminders")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == "No follow-ups to do right now.\n"
    assert not home.exists()


def test_due_follow_ups_as_json(filled: dict[str, str], home: Path) -> None:
    result = run_cli(home, "log", "reminders", "--json", "--practice")
    assert result.returncode == 0, result.stderr
    due = json.loads(result.stdout)
    assert [item["title"] for item in due] == [
        "Send a thank-you note",  # practice, two days overdue
        "Send a thank-you note to Sam",  # the real interview's, 1.5 days overdue
    ]
    first, second = due
    assert set(first) == {
        "id",
        "source",
        "owner_id",
        "with",
        "kind",
        "title",
        "recipient",
        "due_at",
        "overdue",
        "done_at",
        "closed",
        "snoozed_until",
    }
    assert first["source"] == "practice" and first["owner_id"] == SESSION_ID
    assert first["with"] == "Priya [b]Raman[/b]"
    assert first["overdue"] is True and first["due_at"].endswith("+00:00")
    assert second["source"] == "interview" and second["owner_id"] == filled["interview"]
    assert second["with"] == "Acme (Data engineer)"
    assert second["kind"] == "thank-you" and second["recipient"] == "Sam"


def test_due_follow_ups_as_text(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "reminders", "--practice"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert (
        "overdue by 2 days  Send a thank-you note  (practice with Priya [b]Raman[/b])"
        in (lines[0])
    )
    assert "Send a thank-you note to Sam  (real interview Acme (Data engineer))" in lines[1]


def test_all_lists_every_open_follow_up(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "reminders", "--all", "--json", "--practice"]) == 0
    titles = [item["title"] for item in json.loads(capsys.readouterr().out)]
    assert "Check in" in titles  # not due yet
    assert "Ask about the decision" in titles  # snoozed
    assert "Already asked" not in titles  # done
    assert "Ask politely how the process is going" in titles  # the interview's inquiry
    with Journal.open() as journal:
        journal.close_follow_up(filled["interview"])
    assert main(["log", "reminders", "--all", "--practice"]) == 0
    out = capsys.readouterr().out
    assert "Sam" not in out and "Acme" not in out
    assert "due in 4 days  Check in" in out or "due in 5 days  Check in" in out


def test_practice_drills_are_left_out_unless_asked_for(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # What to act on is the real interview's thank-you; the practice plan is a drill.
    assert main(["log", "reminders"]) == 0
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()
    assert "Send a thank-you note to Sam  (real interview Acme (Data engineer))" in line
    assert captured.err == (
        "Not listed: 1 follow-up from practice sessions (drills); --practice lists them too.\n"
    )
    assert main(["log", "reminders", "--json"]) == 0
    captured = capsys.readouterr()
    assert [item["source"] for item in json.loads(captured.out)] == ["interview"]
    assert captured.err == ""
    assert main(["log", "reminders", "--all"]) == 0
    captured = capsys.readouterr()
    assert "Priya" not in captured.out
    assert "3 follow-ups from practice sessions" in captured.err  # due, snoozed, coming up


def test_a_broken_journal_is_an_error_not_a_traceback(home: Path) -> None:
    locations.journal_file().parent.mkdir(parents=True)
    locations.journal_file().write_bytes(b"this is not a database at all\n" * 100)
    result = run_cli(home, "log", "reminders")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
