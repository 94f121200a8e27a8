"""``mock-interview log calendar``: the open follow-ups as an iCalendar file, read back with
the icalendar library."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import journal_samples as samples
import pytest

from simulator.cli import main
from simulator.journal import Journal, Reminder
from simulator.journal.interviews import new_interview

DAY = 86_400.0
SESSION_ID = "0123abcd" * 4


@pytest.fixture
def filled(home: Path) -> str:
    """A practice session and a real interview (two interviewers) with follow-ups done,
    snoozed and closed. Returns the interview's id."""
    now = time.time()
    session = samples.empty_session(SESSION_ID, created_at=now - 10 * DAY, phase="done")
    session["reminders"] = [
        samples.reminder("p-open", "thank-you", "Send a thank-you note", now - 2 * DAY),
        samples.reminder("p-done", "inquiry", "Already asked", now - 3 * DAY),
    ]
    logged = new_interview(
        company="Acme, Inc.",
        role="Data engineer",
        held_at=now - 2.5 * DAY,
        format="panel",
        interviewers=["Sam", "Lee"],
        now=now - 2 * DAY,
    )
    with Journal.open() as journal:
        journal.save_session(session)
        journal.set_reminder_done("p-done", now - DAY)
        journal.save_real_interview(logged)
        plan = journal.interview_reminders(logged.id)
        journal.set_reminder_done(plan[0].id, now - DAY)
        journal.snooze_reminder(plan[1].id, now + 2 * DAY)
    return logged.id


def _open(owner_id: str | None = None) -> list[Reminder]:
    with Journal.open() as journal:
        if owner_id is None:
            return journal.open_reminders(practice=False)
        every = journal.reminders(owner_id) + journal.interview_reminders(owner_id)
        return [item for item in every if item.done_at is None and not item.closed]


def _at(moment: float) -> datetime:
    return datetime.fromtimestamp(int(moment), UTC)


def _events(text: str, component: str = "VEVENT") -> dict[str, icalendar.cal.Component]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk(component)}


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "MOCK_INTERVIEW_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_each_open_follow_up_is_an_event_at_its_due_time(filled: str, home: Path) -> None:
    result = run_cli(home, "log", "calendar")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # CRLF only, on stdout too
    events = _events(text)
    expected = _open()
    assert len(expected) == 6  # of the interview's 7: one thank-you note is done
    assert set(events) == {f"{item.id}@mock-interview.local" for item in expected}
    for item in expected:
        event = events[f"{item.id}@mock-interview.local"]
        assert event.decoded("DTSTART") == _at(item.shown_due_at)  # a snoozed one: its snooze
        assert str(event["SUMMARY"]) == item.title
    snoozed = next(item for item in expected if item.snoozed_until is not None)
    assert events[f"{snoozed.id}@mock-interview.local"].decoded("DTSTART") == _at(
        snoozed.snoozed_until or 0
    )
    assert b"Not included: 1 follow-up from practice sessions" in result.stderr


def test_exporting_twice_gives_the_same_uids_and_the_same_file(filled: str, home: Path) -> None:
    first = run_cli(home, "log", "calendar").stdout
    second = run_cli(home, "log", "calendar").stdout
    assert first == second
    assert list(_events(first.decode())) == list(_events(second.decode()))


def test_a_snooze_moves_the_event_under_the_same_uid(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "calendar"]) == 0
    before = _events(capsys.readouterr().out)
    inquiry = next(item for item in _open() if item.kind == "inquiry")
    assert main(["log", "reminders", "snooze", inquiry.id, "--for", "2d"]) == 0
    capsys.readouterr()
    assert main(["log", "calendar"]) == 0
    after = _events(capsys.readouterr().out)
    assert set(after) == set(before)
    uid = f"{inquiry.id}@mock-interview.local"
    moved = after[uid].decoded("DTSTART") - before[uid].decoded("DTSTART")
    assert moved == timedelta(days=2)
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])


def test_done_and_closed_follow_ups_are_left_out(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "calendar", "--practice"]) == 0
    uids = set(_events(capsys.readouterr().out))
    assert "p-open@mock-interview.local" in uids
    assert "p-done@mock-interview.local" not in uids
    with Journal.open() as journal:
        journal.close_follow_up(filled)
    assert main(["log", "calendar", "--practice"]) == 0
    assert set(_events(capsys.readouterr().out)) == {"p-open@mock-interview.local"}


def test_one_session_or_one_interview_by_id(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "calendar", SESSION_ID[:8]]) == 0
    assert set(_events(capsys.readouterr().out)) == {"p-open@mock-interview.local"}
    assert main(["log", "calendar", filled]) == 0
    uids = set(_events(capsys.readouterr().out))
    assert uids == {f"{item.id}@mock-interview.local" for item in _open(filled)}
    assert main(["log", "calendar", "nope"]) == 1
    assert capsys.readouterr().err == "error: no session or real interview with id nope\n"


def test_to_a_file_and_as_to_dos(
    filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "follow-ups.ics"
    assert main(["log", "calendar", "-o", str(target), "--todo"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"Wrote {target} (6 follow-ups)\n")
    data = target.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")
    todos = _events(data.decode("utf-8"), "VTODO")
    for item in _open():
        assert todos[f"{item.id}@mock-interview.local"].decoded("DUE") == _at(item.shown_due_at)


def test_a_new_home_gives_an_empty_calendar_and_creates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "new-home"
    result = run_cli(home, "log", "calendar")
    assert result.returncode == 0
    assert _events(result.stdout.decode()) == {}
    assert b"No open follow-ups: the calendar is empty." in result.stderr
    assert not home.exists()
    missing = run_cli(home, "log", "calendar", "abc")
    assert missing.returncode == 1
    assert missing.stderr == b"error: no session or real interview with id abc\n"
    assert not home.exists()
