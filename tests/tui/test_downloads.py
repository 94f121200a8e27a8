"""Files from the app's screens (issue 20): the follow-ups as a calendar file from the
Follow-ups screen and the follow-up plan, the whole journal from the palette; written to the
current folder in a terminal, offered as a download in a browser."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest
from test_commands import drive_palette
from test_reminders import open_reminders

from simulator.journal import Journal
from simulator.journal.export import export_json, load_document
from simulator.journal.ical import UID_DOMAIN
from simulator.journal.interviews import new_interview
from simulator.journal.models import InterviewQuestion
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.follow_up import FollowUpScreen, ReminderTable

from tui_helpers import START, Delivered, finished_session, notices, open_session, settle, wait_for

MakeApp = Callable[..., MockInterviewApp]
DAY = time.strftime("%Y-%m-%d", time.localtime(START))


def events(path: Path) -> list[Any]:
    """The events of a calendar file, read back by the icalendar library."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def real_interview(journal: Journal, now: float) -> str:
    """A logged panel interview with two interviewers; its id."""
    interview = new_interview(
        company="Acme",
        role="Data engineer",
        held_at=now,
        format="panel",
        interviewers=["Ana", "Ben"],
        questions=[InterviewQuestion("Why us?")],
        now=now,
    )
    journal.save_real_interview(interview)
    return interview.id


async def test_x_on_follow_ups_writes_every_open_one_to_a_calendar_file(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.journal is not None
        interview_id = real_interview(app.journal, app.clock.now())
        finished_session(app)
        expected = {r.id for r in app.journal.interview_reminders(interview_id)}
        await open_reminders(app, pilot)
        target = tmp_path / f"mock-interview-follow-ups-{DAY}.ics"
        await pilot.press("x")
        await wait_for(pilot, target.exists)
        await wait_for(pilot, lambda: any("Exported a calendar file" in n for n in notices(app)))
        # Not due yet, not shown without a: the calendar still holds every open one.
        found = events(target)
        assert {str(event["UID"]).split("@")[0] for event in found} == expected
        assert all(str(event["UID"]).endswith(f"@{UID_DOMAIN}") for event in found)
        notice = next(n for n in notices(app) if "calendar file" in n)
        assert str(target) in notice
        assert f"{len(expected)} follow-ups" in notice
        assert "6 practice follow-ups left out" in notice

        # With the drills listed (p), they go into the file too, a new one beside the first.
        await pilot.press("p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        second = tmp_path / f"mock-interview-follow-ups-{DAY}-2.ics"
        await pilot.press("x")
        await wait_for(pilot, second.exists)
        assert len(events(second)) == len(expected) + 6
        assert len(events(target)) == len(expected)


async def test_x_on_follow_ups_with_nothing_open_writes_nothing_and_says_why(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await open_reminders(app, pilot)
        await pilot.press("x")
        await wait_for(pilot, lambda: any("Not exported" in n for n in notices(app)))
        assert "no open follow-ups to put in a calendar" in notices(app)[-1]
        assert list(tmp_path.iterdir()) == []


async def test_x_on_the_plan_writes_this_sessions_open_follow_ups(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        assert app.journal is not None
        real_interview(app.journal, app.clock.now())  # not part of this plan
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        screen.query_one(ReminderTable).focus()
        # Marked done just now, and in the file at once: the export waits for the save.
        await pilot.press("d", "x")
        target = tmp_path / f"mock-interview-{DAY}-rigorous-tech-lead-follow-ups.ics"
        await wait_for(pilot, target.exists)
        reminders = practice.session.reminders
        still_open = [r for r in reminders if r["done_at"] is None]
        assert len(still_open) == len(reminders) - 1
        found = events(target)
        assert [str(event["UID"]).split("@")[0] for event in found] == [
            r["id"] for r in still_open
        ]
        assert [event.decoded("DTSTART").timestamp() for event in found] == [
            r["due_at"] for r in still_open
        ]


async def test_in_a_browser_the_calendar_is_offered_as_a_download(
    make_app: MakeApp, tmp_path: Path, served: Delivered
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.journal is not None
        real_interview(app.journal, app.clock.now())
        await open_reminders(app, pilot)
        await pilot.press("x")
        await wait_for(pilot, lambda: bool(served))
        await wait_for(pilot, lambda: any("offered as a download" in n for n in notices(app)))
        (offer,) = served
        assert offer["save_filename"] == f"mock-interview-follow-ups-{DAY}.ics"
        assert offer["mime_type"] == "text/calendar"
        assert offer["text"].startswith("BEGIN:VCALENDAR")
        assert list(tmp_path.iterdir()) == []  # nothing written on the server


async def test_the_palette_exports_the_whole_journal(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.journal is not None
        interview_id = real_interview(app.journal, app.clock.now())
        practice = finished_session(app)
        await drive_palette(app, pilot, "export the whole journal")
        target = tmp_path / f"mock-interview-journal-{DAY}.json"
        await wait_for(pilot, target.exists)
        assert target.read_text(encoding="utf-8") == export_json(app.journal)
        document = load_document(target)  # what log import reads
        assert [s["id"] for s in document.sessions] == [practice.session.id]
        assert [i.id for i in document.real_interviews] == [interview_id]
        held = "1 session, 1 real interview"
        await wait_for(pilot, lambda: any(held in n for n in notices(app)))


async def test_the_palette_exports_the_real_follow_ups_to_a_calendar(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.journal is not None
        interview_id = real_interview(app.journal, app.clock.now())
        await drive_palette(app, pilot, "export follow-ups to a calendar")
        target = tmp_path / f"mock-interview-follow-ups-{DAY}.ics"
        await wait_for(pilot, target.exists)
        assert len(events(target)) == len(app.journal.interview_reminders(interview_id))
