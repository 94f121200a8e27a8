"""The follow-up screen, driven by keys: thank-you notes, the plan, closing the process."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Static

from simulator.engine.followup import THANK_YOU_CHECKLIST
from simulator.services.practice import thank_you_slot
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.follow_up import FollowUpScreen, ReminderTable
from simulator.tui.screens.reflection import ReflectionScreen
from simulator.tui.screens.summary import SummaryScreen
from simulator.tui.widgets.draft_area import DraftArea

from tui_helpers import burst, open_session

AppFactory = Callable[..., MockInterviewApp]


async def tab_to(pilot: Pilot[int], kind: type[object]) -> None:
    """Press tab until a widget of ``kind`` has focus."""
    for _ in range(10):
        if isinstance(pilot.app.focused, kind):
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached a {kind.__name__}")


async def test_note_is_drafted_and_the_plan_is_kept(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        session = practice.session
        assert isinstance(app.screen, FollowUpScreen)
        assert isinstance(app.focused, DraftArea)
        assert app.writer is not None and app.journal is not None
        text = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "Thank-you note to Priya" in text
        # A practice plan is a drill, and says where its reminders are (not with real ones).
        heading = str(app.screen.query_one("#follow-up-heading", Static).render())
        assert "a drill" in heading and "apart from your real follow-ups" in heading
        for item in THANK_YOU_CHECKLIST:
            assert item.label in text

        await burst(pilot, *"Subject: Thank you")
        await pilot.press("enter")
        await burst(pilot, *"Hi Priya")
        note = "Subject: Thank you\nHi Priya"
        assert session.thank_you_drafts["Priya"] == note
        await pilot.pause(1.1)
        app.writer.flush()
        assert app.journal.drafts(session.id)[thank_you_slot("Priya")] == note

        # The plan: thank-you note, inquiry, four check-ins, in order.
        table = app.screen.query_one(ReminderTable)
        reminders = session.reminders
        assert table.row_count == len(reminders) == 6
        assert [r["kind"] for r in reminders[:2]] == ["thank-you", "inquiry"]
        await tab_to(pilot, ReminderTable)
        await pilot.press("d")  # the thank-you note is sent
        assert session.reminders[0]["done_at"] is not None
        await pilot.press("d")  # not yet after all
        assert session.reminders[0]["done_at"] is None
        await pilot.press("d")
        await pilot.press("down", "d")  # the inquiry too
        assert session.reminders[1]["done_at"] is not None
        await pilot.press("a")  # one more check-in
        assert len(session.reminders) == 7
        assert session.reminders[-1]["kind"] == "check-in"
        assert table.row_count == 7

        # Closing asks first: escape keeps the process open...
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not any(r["closed"] for r in session.reminders)
        # ...and choosing "Close the process" closes everything not done.
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        for reminder in session.reminders:
            assert reminder["closed"] == (reminder["done_at"] is None)

        app.writer.flush()
        saved = app.journal.load_session(session.id)
        assert saved is not None
        assert [r["closed"] for r in saved["reminders"]] == [
            r["closed"] for r in session.reminders
        ]

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session.phase == "summary"
        assert isinstance(app.screen, SummaryScreen)
        app.writer.flush()
        saved = app.journal.load_session(session.id)
        assert saved is not None
        assert saved["thank_you_drafts"] == {"Priya": note}


async def test_one_note_per_panel_member_and_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "panel-of-three", phase="follow-up")
        session = practice.session
        recipients = session.thank_you_recipients()
        assert len(recipients) == 3
        areas = list(app.screen.query(DraftArea))
        assert len(areas) == 3
        await pilot.press("tab")  # the second member's note
        assert app.focused is areas[1]
        await burst(pilot, *"Thanks")
        await pilot.press("escape")  # back to the reflection, saving the note first
        await pilot.pause()
        assert session.phase == "reflection"
        assert isinstance(app.screen, ReflectionScreen)
        assert session.thank_you_drafts[recipients[1]] == "Thanks"
        assert app.writer is not None and app.journal is not None
        app.writer.flush()
        saved = app.journal.load_session(session.id)
        assert saved is not None
        assert saved["thank_you_drafts"][recipients[1]] == "Thanks"
