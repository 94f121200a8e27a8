"""Everything typed into a text box comes back on resume: reflection fields and thank-you
notes (answers, prep notes and your-questions entries are in test_interview.py)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.follow_up import FollowUpScreen
from simulator.tui.screens.reflection import ReflectionScreen
from simulator.tui.widgets.draft_area import DraftArea

from tui_helpers import burst, open_session, settle

AppFactory = Callable[..., MockInterviewApp]


async def resume(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    await settle(app, pilot)
    await pilot.pause(0.2)
    await pilot.press("r")
    await settle(app, pilot)


async def test_reflection_text_comes_back_after_a_restart(make_app: AppFactory) -> None:
    first = make_app()
    async with first.run_test(size=(100, 34)) as pilot:
        await open_session(first, pilot, "rigorous-tech-lead", phase="reflection")
        await burst(pilot, *"Told the caching story well")
        await pilot.press("tab")
        await burst(pilot, *"Start with the numbers")
        await pilot.pause(1.0)
        await pilot.press("ctrl+q")
        await pilot.pause()

    second = make_app()
    async with second.run_test(size=(100, 34)) as pilot:
        await resume(second, pilot)
        assert isinstance(second.screen, ReflectionScreen)
        areas = {area.id: area.text for area in second.screen.query(DraftArea)}
        assert areas["reflection-went-well"] == "Told the caching story well"
        assert "Start with the numbers" in areas.values()


async def test_a_thank_you_draft_comes_back_after_a_restart(make_app: AppFactory) -> None:
    first = make_app()
    async with first.run_test(size=(100, 34)) as pilot:
        await open_session(first, pilot, "rigorous-tech-lead", phase="follow-up")
        assert isinstance(first.screen, FollowUpScreen)
        await burst(pilot, *"Hi Priya, thanks for the chat")
        await pilot.pause(1.0)
        await pilot.press("ctrl+q")
        await pilot.pause()

    second = make_app()
    async with second.run_test(size=(100, 34)) as pilot:
        await resume(second, pilot)
        assert isinstance(second.screen, FollowUpScreen)
        assert second.focused is not None
        texts = [area.text for area in second.screen.query(DraftArea)]
        assert "Hi Priya, thanks for the chat" in texts
