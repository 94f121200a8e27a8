"""The prep screen: its checklist answers the first space pressed on it."""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget
from textual.widgets import Static

from simulator.tui.app import MockInterviewApp

from tui_helpers import open_session, shows_all_of

AppFactory = Callable[..., MockInterviewApp]


async def test_first_space_on_the_prep_checklist_ticks_the_first_item(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        practice = await open_session(app, pilot, "career-coach")
        await pilot.press("shift+tab")  # from the notes back to the checklist
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "prep-checklist"
        await pilot.press("space")
        await pilot.pause()
        first = next(iter(practice.session.prep_checklist))
        ticked = [item for item, done in practice.session.prep_checklist.items() if done]
        assert ticked == [first]


async def test_at_60x20_the_prep_headings_wrap_instead_of_being_cut(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await open_session(app, pilot, "friendly-recruiter")
        await pilot.pause()
        screen = app.screen
        for selector in ("#stage-bar", "#notes-label", "#briefing-box > Label"):
            assert shows_all_of(screen.query_one(selector, Widget), 60), selector


async def test_the_plan_names_each_stage_as_every_other_screen_does(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_session(app, pilot, "friendly-recruiter")
        await pilot.pause()
        briefing = str(app.screen.query_one("#briefing", Static).render())
        (plan,) = [line for line in briefing.splitlines() if line.startswith("The interview:")]
        # Untitled stages get the names the interview screen's stage line uses, never ids.
        assert plan == (
            "The interview: Preparation → Introduction → Getting to know you → "
            "How you like to work → Your questions → Wrap-up"
        )
