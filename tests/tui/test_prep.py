"""The prep screen: its checklist answers the first space pressed on it."""

from __future__ import annotations

from collections.abc import Callable

from simulator.tui.app import MockInterviewApp

from tui_helpers import open_session

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
