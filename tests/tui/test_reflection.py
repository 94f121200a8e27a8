"""The reflection screen, driven by keys: typing, autosave, topics, leaving."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from simulator.services.practice import reflection_slot
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.follow_up import FollowUpScreen
from simulator.tui.screens.reflection import ReflectionScreen, TopicList
from simulator.tui.screens.self_score import SelfScoreScreen
from simulator.tui.widgets.draft_area import DraftArea

from tui_helpers import burst, open_session

AppFactory = Callable[..., MockInterviewApp]


async def test_reflection_is_typed_autosaved_and_kept(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="reflection")
        session = practice.session
        assert isinstance(app.screen, ReflectionScreen)
        assert isinstance(app.focused, DraftArea)
        assert app.writer is not None and app.journal is not None

        await burst(pilot, *"Clear caching story")
        assert session.reflection["went_well"] == "Clear caching story"  # kept at once
        await pilot.pause(1.1)  # typing paused: saved as a draft
        app.writer.flush()
        drafts = app.journal.drafts(session.id)
        assert drafts[reflection_slot("went_well")] == "Clear caching story"

        await pilot.press("tab")
        await burst(pilot, *"Lead with the result")
        await pilot.press("tab")
        await burst(pilot, *"Asked why twice")
        # Tab on to the topic box: leaving the boxes never loses the last words.
        await pilot.press("tab")
        assert isinstance(app.focused, Input)
        await burst(pilot, *"cache stampedes")
        await pilot.press("enter")
        await burst(pilot, *"error budgets")
        await pilot.press("enter")
        await burst(pilot, *"cache stampedes")
        await pilot.press("enter")  # already listed: not added twice
        assert session.reflection["topics"] == ["cache stampedes", "error budgets"]
        options = app.screen.query_one(TopicList)
        assert options.option_count == 2

        # The topics are saved with the session, so they are on the study list.
        app.writer.flush()
        study = [item.topic for item in app.journal.study_list()]
        assert "cache stampedes" in study and "error budgets" in study

        # Delete the highlighted topic from the list.
        await pilot.press("tab")
        assert isinstance(app.focused, OptionList)
        await pilot.press("delete")
        assert session.reflection["topics"] == ["error budgets"]
        assert options.option_count == 1
        app.writer.flush()
        study = [item.topic for item in app.journal.study_list()]
        assert "cache stampedes" not in study and "error budgets" in study

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session.phase == "follow-up"
        assert isinstance(app.screen, FollowUpScreen)
        app.writer.flush()
        saved = app.journal.load_session(session.id)
        assert saved is not None
        assert saved["reflection"] == {
            "went_well": "Clear caching story",
            "say_differently": "Lead with the result",
            "topics": ["error budgets"],
            "interviewer_notes": "Asked why twice",
        }
        assert app.journal.drafts(session.id) == {}  # the snapshot holds it all now


async def test_typing_then_leaving_at_once_keeps_the_text(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="reflection")
        session = practice.session
        await burst(pilot, *"Quick")
        await pilot.press("tab", "tab", "tab")
        await burst(pilot, *"gc pauses")  # a topic typed but not yet added
        await pilot.press("escape")  # back to self-scoring, before the autosave wait
        await pilot.pause()
        assert session.phase == "self-score"
        assert isinstance(app.screen, SelfScoreScreen)
        assert app.writer is not None and app.journal is not None
        app.writer.flush()
        saved = app.journal.load_session(session.id)
        assert saved is not None
        assert saved["phase"] == "self-score"
        assert saved["reflection"]["went_well"] == "Quick"
        assert saved["reflection"]["topics"] == ["gc pauses"]
        # And forward again: the text is still there.
        while session.phase == "self-score":  # ctrl+s through the answers, then on
            await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        area = app.screen.query_one("#reflection-went-well", DraftArea)
        assert area.text == "Quick"


def _run_before(pilot: Pilot[int]) -> object:
    async def run() -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await open_session(app, pilot, "rigorous-tech-lead", phase="reflection")
        await burst(pilot, *"Explained the trade-offs clearly")
        await pilot.press("tab", "tab", "tab")
        await burst(pilot, *"consistent hashing")
        await pilot.press("enter")
        await pilot.pause()

    return run()


def test_reflection_snapshot_80x24(
    make_app: AppFactory, snap_compare: Callable[..., bool]
) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_run_before)


def test_reflection_snapshot_120x40(
    make_app: AppFactory, snap_compare: Callable[..., bool]
) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_run_before)
