"""The study list: topics from reflections with where they came from; tick, edit, delete, add."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Static

from simulator.engine.clock import FakeClock
from simulator.journal.interviews import new_interview
from simulator.services.practice import Practice, StartOptions
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.study_list import StudyListScreen
from simulator.tui.screens.topic_prompt import TopicPrompt

from tui_helpers import burst, drive, settle

MakeApp = Callable[..., MockInterviewApp]


async def fill(app: MockInterviewApp, pilot: Pilot[int]) -> str:
    """A session whose reflection names two topics, and a real interview naming one."""
    await settle(app, pilot)
    assert app.library is not None and app.writer is not None and app.journal is not None
    clock = app.clock
    assert isinstance(clock, FakeClock)
    practice = Practice.start(
        app.library, app.writer, StartOptions("rigorous-tech-lead", seed=3), clock=clock
    )
    drive(practice, clock, "reflection")
    practice.session.add_topic("SQL [b]window[/b] functions")
    practice.session.add_topic("Caching")
    practice.saved()
    app.writer.flush()
    app.journal.save_real_interview(
        new_interview(
            company="Acme",
            role="",
            held_at=clock.now(),
            format="technical",
            reflection={
                "went_well": "",
                "say_differently": "",
                "topics": ["Rate limiting"],
                "interviewer_notes": "",
            },
            now=clock.now(),
        )
    )
    return practice.session.id


async def open_study(app: MockInterviewApp, pilot: Pilot[int]) -> StudyListScreen:
    assert app.journal is not None
    app.push_screen(StudyListScreen(app.journal))
    await changed(app, pilot)
    screen = app.screen
    assert isinstance(screen, StudyListScreen)
    assert screen.loaded
    return screen


async def changed(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    for _ in range(2):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def rows(app: MockInterviewApp) -> list[list[str]]:
    table = app.screen.query_one("#study-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_empty_list_says_where_topics_come_from(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_study(app, pilot)
        assert "topics to learn" in str(app.screen.query_one("#study-empty", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_tick_edit_delete_and_add(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        session_id = await fill(app, pilot)
        screen = await open_study(app, pilot)
        assert [row[1] for row in rows(app)] == [
            "SQL [b]window[/b] functions",  # literal, never markup
            "Caching",
            "Rate limiting",
        ]
        assert rows(app)[0][2].startswith("Mock interview with Priya")
        assert rows(app)[2][2].startswith("Real interview at Acme")
        # Tick the first off: it moves below the open ones.
        await pilot.press("space")
        await changed(app, pilot)
        assert [(item.topic, item.done) for item in screen.items][-1] == (
            "SQL [b]window[/b] functions",
            True,
        )
        assert rows(app)[-1][0] == "[x]"
        await pilot.press("h")  # hide done
        await changed(app, pilot)
        assert [item.topic for item in screen.items] == ["Caching", "Rate limiting"]
        await pilot.press("h")
        await changed(app, pilot)
        # Edit "Caching": the session's reflection changes with it.
        table = app.screen.query_one("#study-table", DataTable)
        table.move_cursor(row=0)
        await pilot.press("e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TopicPrompt)
        prompt.query_one(Input).value = "Cache invalidation"
        await pilot.press("enter")
        await changed(app, pilot)
        assert screen.items[0].topic == "Cache invalidation"
        assert app.journal is not None
        stored = app.journal.load_session(session_id)
        assert stored is not None
        assert stored["reflection"]["topics"] == [
            "SQL [b]window[/b] functions",
            "Cache invalidation",
        ]
        # Delete it, after confirming.
        await pilot.press("delete")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        confirm.query_one("#choice-delete", Button).press()
        await changed(app, pilot)
        assert "Cache invalidation" not in {item.topic for item in screen.items}
        stored = app.journal.load_session(session_id)
        assert stored is not None
        assert stored["reflection"]["topics"] == ["SQL [b]window[/b] functions"]
        # Add one of your own; escape on the prompt adds nothing.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await changed(app, pilot)
        assert len(screen.items) == 2
        await pilot.press("a")
        await pilot.pause()
        await burst(pilot, *"Graphs", "enter")
        await changed(app, pilot)
        added = [item for item in screen.items if item.topic == "Graphs"]
        assert added and added[0].session_id is None
        assert [row[2] for row in rows(app) if row[1] == "Graphs"] == ["added by you"]


async def test_editing_to_a_topic_already_listed_is_refused(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await fill(app, pilot)
        screen = await open_study(app, pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TopicPrompt)
        prompt.query_one(Input).value = "SQL [b]window[/b] functions"
        await pilot.press("enter")
        await changed(app, pilot)
        assert [item.topic for item in screen.items].count("SQL [b]window[/b] functions") == 1
        assert "Caching" in {item.topic for item in screen.items}
