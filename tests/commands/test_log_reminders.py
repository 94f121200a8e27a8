"""``mock-interview log reminders``: the follow-ups that are due, for people in the shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import journal_samples as samples
import pytest

from simulator.cli import main
from simulator.common import locations
from simulator.journal import Journal, Reminder
from simulator.journal.interviews import new_interview

DAY = 86_400.0
SESSION_ID = "0123abcd" * 4


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


# -- done, snooze and close from the shell ------------------------------------------------


def _plan(interview_id: str) -> list[Reminder]:
    with Journal.open() as journal:
        return journal.interview_reminders(interview_id)


def test_the_list_shows_each_id_to_act_on(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "reminders"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    thank_you = _plan(filled["interview"])[0]
    assert line.startswith(thank_you.id[:8] + "  ")


def test_done_marks_a_follow_up_done(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    thank_you = _plan(filled["interview"])[0]
    assert main(["log", "reminders", "done", thank_you.id[:8]]) == 0
    assert capsys.readouterr().out == (
        "Done: Send a thank-you note to Sam (real interview Acme (Data engineer))\n"
    )
    assert _plan(filled["interview"])[0].done_at is not None
    assert main(["log", "reminders", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing is due any more
    assert main(["log", "reminders", "done", thank_you.id]) == 0
    assert capsys.readouterr().out.startswith("Already done (on ")


def test_done_on_a_practice_reminder_updates_the_session_too(filled: dict[str, str]) -> None:
    assert main(["log", "reminders", "done", "overdue"]) == 0
    with Journal.open() as journal:
        snapshot = journal.load_session(SESSION_ID)
    assert snapshot is not None
    marks = {item["id"]: item["done_at"] for item in snapshot["reminders"]}
    assert marks["overdue"] is not None


def test_snooze_for_a_day_by_default_or_as_long_as_asked(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    thank_you = _plan(filled["interview"])[0]
    before = time.time()
    assert main(["log", "reminders", "snooze", thank_you.id]) == 0
    assert capsys.readouterr().out.startswith("Snoozed for 1 day, until ")
    snoozed = _plan(filled["interview"])[0].snoozed_until
    assert snoozed is not None and before + DAY <= snoozed <= time.time() + DAY
    # Counted from when it would next come up, as in the app: a day more, then 3 days more.
    assert main(["log", "reminders", "snooze", thank_you.id, "--for", "3d"]) == 0
    assert capsys.readouterr().out.startswith("Snoozed for 3 days, until ")
    assert _plan(filled["interview"])[0].snoozed_until == snoozed + 3 * DAY
    assert main(["log", "reminders", "snooze", "upcoming", "--for", "1w2d"]) == 0
    with Journal.open() as journal:
        (upcoming,) = journal.find_reminders("upcoming")
    assert upcoming.snoozed_until == upcoming.due_at + 9 * DAY


def test_a_bad_length_is_a_usage_error(filled: dict[str, str], home: Path) -> None:
    result = run_cli(home, "log", "reminders", "snooze", "overdue", "--for", "soon")
    assert result.returncode == 2
    assert "'soon' is not a length of time" in result.stderr
    assert "Traceback" not in result.stderr


def test_snoozing_a_done_follow_up_is_refused(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "reminders", "snooze", "done"]) == 1
    assert capsys.readouterr().err == (
        "error: that follow-up is done: there is nothing to snooze\n"
    )


def test_close_ends_the_whole_process(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    inquiry = _plan(filled["interview"])[1]
    assert main(["log", "reminders", "close", inquiry.id]) == 0
    assert capsys.readouterr().out == (
        "Closed the process with Acme (Data engineer): 6 follow-ups will not come due again.\n"
    )
    assert all(reminder.closed for reminder in _plan(filled["interview"]))
    assert main(["log", "reminders", "close", inquiry.id]) == 0
    assert capsys.readouterr().out == (
        "The process with Acme (Data engineer) was closed already.\n"
    )
    assert main(["log", "reminders", "--all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("verb", ["done", "snooze", "close"])
def test_an_unknown_id_is_a_clear_error(
    filled: dict[str, str], verb: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "reminders", verb, "nope"]) == 1
    assert capsys.readouterr().err == (
        "error: no follow-up with id nope (mock-interview log reminders --all lists them)\n"
    )


def test_an_id_start_that_fits_several_asks_for_more(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.open() as journal:
        journal.save_session(
            samples.empty_session(
                "f" * 32,
                reminders=[
                    samples.reminder("dup-1", "check-in", "One", time.time()),
                    samples.reminder("dup-2", "check-in", "Two", time.time()),
                ],
            )
        )
    assert main(["log", "reminders", "done", "dup"]) == 1
    assert capsys.readouterr().err == "error: dup matches 2 follow-ups; give more of the id\n"


@pytest.mark.parametrize("verb", ["done", "snooze", "close"])
def test_in_a_new_home_nothing_is_created(tmp_path: Path, verb: str) -> None:
    home = tmp_path / "new-home"
    result = run_cli(home, "log", "reminders", verb, "abc")
    assert result.returncode == 1
    assert result.stderr.startswith("error: no follow-up with id abc")
    assert not home.exists()


@pytest.mark.parametrize(
    ("verb", "words"),
    [
        ("done", "Mark one follow-up done"),
        ("snooze", "--for LENGTH"),
        ("close", "none of its follow-ups comes due again"),
    ],
)
def test_each_verb_has_help(tmp_path: Path, verb: str, words: str) -> None:
    result = run_cli(tmp_path, "log", "reminders", verb, "--help")
    assert result.returncode == 0
    assert f"usage: mock-interview log reminders {verb}" in result.stdout
    assert words in " ".join(result.stdout.split())
