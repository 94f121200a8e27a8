"""The follow-ups screen: due and overdue reminders with done, snooze and close the process."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Static

from simulator.engine.clock import FakeClock
from simulator.journal.interviews import new_interview
from simulator.journal.models import InterviewQuestion
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.reminders import RemindersScreen

from tui_helpers import finished_session, settle

MakeApp = Callable[..., MockInterviewApp]
DAY = 86_400.0


async def practice_and_interview(app: MockInterviewApp, pilot: Pilot[int]) -> tuple[str, str]:
    """A finished practice session and a real interview a few hours later; their ids."""
    await settle(app, pilot)
    practice = finished_session(app)
    assert app.writer is not None and app.journal is not None
    clock = app.clock
    interview = new_interview(
        company="Acme [b]Corp[/b]",
        role="Data engineer",
        held_at=clock.now() + 3600,
        format="panel",
        interviewers=["Ana", "Ben"],
        questions=[InterviewQuestion("Why us?")],
        now=clock.now() + 3600,
    )
    app.writer.flush()
    app.journal.save_real_interview(interview)
    return practice.session.id, interview.id


async def open_reminders(app: MockInterviewApp, pilot: Pilot[int]) -> RemindersScreen:
    assert app.journal is not None
    app.push_screen(RemindersScreen(app.journal))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, RemindersScreen)
    assert screen.loaded
    return screen


def rows(app: MockInterviewApp) -> list[list[str]]:
    table = app.screen.query_one("#reminders-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def changed(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_nothing_due_says_so_and_a_shows_what_is_coming(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await practice_and_interview(app, pilot)
        screen = await open_reminders(app, pilot)
        assert screen.reminders == []
        assert app.screen.query_one("#reminders-empty").display
        assert "Nothing to follow up" in str(
            app.screen.query_one("#reminders-empty", Static).render()
        )
        await pilot.press("a", "p")
        await changed(app, pilot)
        # The practice session's plan (one thank-you) and the panel's (one per interviewer).
        titles = [reminder.title for reminder in screen.reminders]
        assert titles.count("Ask politely how the process is going") == 2
        assert "Send a thank-you note to Ana" in titles
        assert "Send a thank-you note to Ben" in titles
        assert {reminder.source for reminder in screen.reminders} == {"practice", "interview"}
        assert "Acme [b]Corp[/b] (Data engineer) · real interview" in {row[2] for row in rows(app)}


async def test_done_snooze_and_close(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        session_id, interview_id = await practice_and_interview(app, pilot)
        clock.advance(2 * DAY)  # every thank-you note is overdue now
        screen = await open_reminders(app, pilot)
        await pilot.press("p")  # the practice session's too
        await changed(app, pilot)
        assert [reminder.kind for reminder in screen.reminders] == ["thank-you"] * 3
        assert all(row[0].startswith("overdue by") for row in rows(app))
        first = screen.reminders[0]
        await pilot.press("d")
        await changed(app, pilot)
        assert first.id not in {reminder.id for reminder in screen.reminders}
        assert app.journal is not None
        everything = app.journal.reminders(session_id) + app.journal.interview_reminders(
            interview_id
        )
        assert [r.done_at for r in everything if r.id == first.id] == [clock.now()]
        second = screen.reminders[0]
        await pilot.press("s")  # a day
        await changed(app, pilot)
        assert second.id not in {reminder.id for reminder in screen.reminders}
        clock.advance(DAY + 1)
        screen.reload()
        await changed(app, pilot)
        assert second.id in {reminder.id for reminder in screen.reminders}
        await pilot.press("w")  # a week for the highlighted one
        await changed(app, pilot)
        assert len(screen.reminders) == 1
        # Close the process of the real interview: none of its follow-ups comes back.
        target = next(r for r in screen.reminders if r.session_id == interview_id)
        table = app.screen.query_one("#reminders-table", DataTable)
        table.move_cursor(row=screen.reminders.index(target))
        await pilot.press("c")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        confirm.query_one("#choice-close", Button).press()
        await changed(app, pilot)
        assert isinstance(app.screen, RemindersScreen)
        clock.advance(400 * DAY)
        screen.reload()
        await changed(app, pilot)
        assert {reminder.session_id for reminder in screen.reminders} == {session_id}
        assert all(
            r.closed for r in app.journal.interview_reminders(interview_id) if not r.done_at
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_home_lists_real_interview_follow_ups(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await practice_and_interview(app, pilot)
        clock.advance(2 * DAY)
        assert app.journal is not None
        app.journal._clock = clock.now  # the home screen asks the journal what is due now
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen.refresh_home()
        await settle(app, pilot)
        text = str(app.screen.query_one("#reminders", Static).render())
        assert "Send a thank-you note to Ana" in text
        assert "Acme [b]Corp[/b]" in text  # shown literally, never as markup
        # The practice session's thank-you is a drill, not something to send.
        assert "Priya" not in text and text.count("Send a thank-you note") == 2


async def test_practice_follow_ups_are_left_out_until_asked_for(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        session_id, interview_id = await practice_and_interview(app, pilot)
        clock.advance(2 * DAY)
        screen = await open_reminders(app, pilot)
        assert {reminder.session_id for reminder in screen.reminders} == {interview_id}
        status = str(app.screen.query_one("#reminders-status", Static).render())
        assert "Not listed: 1 from practice sessions" in status
        assert "p lists them too" in status
        await pilot.press("p")
        await changed(app, pilot)
        assert {reminder.session_id for reminder in screen.reminders} == {
            interview_id,
            session_id,
        }
        assert "practice drill" in {row[2].split(" · ")[-1] for row in rows(app)}
        status = str(app.screen.query_one("#reminders-status", Static).render())
        assert "p hides them" in status
        await pilot.press("a", "p")  # everything open, real interviews' only
        await changed(app, pilot)
        assert {reminder.session_id for reminder in screen.reminders} == {interview_id}
        status = str(app.screen.query_one("#reminders-status", Static).render())
        assert "Not listed: 6 from practice sessions" in status


async def test_a_snooze_shows_its_new_due_date_and_moves_an_item_not_yet_due_a_day(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await practice_and_interview(app, pilot)
        clock.advance(2 * DAY)
        screen = await open_reminders(app, pilot)
        await pilot.press("a")  # every open follow-up, so the snoozed one stays in the list
        await changed(app, pilot)
        target = screen.reminders[0]
        assert target.due_at <= clock.now()
        await pilot.press("w")
        await changed(app, pilot)
        index = [reminder.id for reminder in screen.reminders].index(target.id)
        assert rows(app)[index][0] == "due in 7 days (snoozed)"
        # Not yet due: a day's snooze moves it a day past when it would be shown.
        later = next(r for r in screen.reminders if r.shown_due_at > clock.now() + 3600)
        table = app.screen.query_one("#reminders-table", DataTable)
        table.move_cursor(row=screen.reminders.index(later))
        await pilot.press("s")
        await changed(app, pilot)
        moved = next(r for r in screen.reminders if r.id == later.id)
        assert moved.shown_due_at == later.shown_due_at + DAY
        assert "(snoozed)" in rows(app)[screen.reminders.index(moved)][0]
