"""The history screen: sessions newest first, open read-only, resume, export, delete."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Static

from simulator.engine.clock import FakeClock
from simulator.services.practice import Practice, StartOptions
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.history import PAGE, HistoryScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.screens.session_view import SessionViewScreen

from tui_helpers import drive, settle, shows_all_of

MakeApp = Callable[..., MockInterviewApp]


async def make_sessions(app: MockInterviewApp, pilot: Pilot[int]) -> tuple[str, str]:
    """A finished session, then an hour later an unfinished one; returns their ids."""
    await settle(app, pilot)
    assert app.library is not None and app.writer is not None
    clock = app.clock
    assert isinstance(clock, FakeClock)
    finished = Practice.start(
        app.library, app.writer, StartOptions("rigorous-tech-lead", seed=3), clock=clock
    )
    drive(finished, clock, "summary")
    finished.session.set_reflection(went_well="Calm [b]under[/b] pressure")
    finished.session.finish()
    finished.saved()
    clock.advance(3600)
    unfinished = Practice.start(
        app.library, app.writer, StartOptions("hiring-manager", seed=4), clock=clock
    )
    unfinished.saved()
    app.writer.flush()
    return finished.session.id, unfinished.session.id


def table_rows(app: MockInterviewApp) -> list[list[str]]:
    table = app.screen.query_one("#history-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def open_history(app: MockInterviewApp, pilot: Pilot[int]) -> HistoryScreen:
    await pilot.press("h")
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    assert screen.loaded
    return screen


async def test_sessions_are_listed_newest_first(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await make_sessions(app, pilot)
        await open_history(app, pilot)
        rows = table_rows(app)
        assert len(rows) == 2
        newest, oldest = rows
        assert app.library is not None
        names = {entry.persona.id: entry.persona.name for entry in app.library.personas}
        assert newest[1] == names["hiring-manager"]
        assert oldest[1] == names["rigorous-tech-lead"]
        assert newest[2] == "stopped at the interview"  # unfinished: where it stopped
        assert oldest[2] == "finished"
        assert oldest[4] == "3.0"  # drive() scores every criterion 3
        assert newest[0] > oldest[0]
        shown = app.screen.active_bindings
        assert {"enter", "r", "x", "delete", "escape", "f1"} <= set(shown)
        assert shown["r"].enabled  # the unfinished one is highlighted
        await pilot.press("down")
        assert not app.screen.active_bindings["r"].enabled  # a finished one cannot resume
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_empty_journal_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_history(app, pilot)
        empty = app.screen.query_one("#history-empty", Static)
        assert empty.display
        assert "No sessions yet" in str(empty.render())
        assert not app.screen.query_one("#history-table", DataTable).display
        await pilot.press("enter", "x", "r", "delete")  # nothing to act on: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_enter_opens_a_session_read_only(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await make_sessions(app, pilot)
        await open_history(app, pilot)
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.screen
        assert isinstance(view, SessionViewScreen)
        text = " ".join(str(static.render()) for static in view.query(Static))
        assert "Calm [b]under[/b] pressure" in text
        assert "What went well" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_r_resumes_an_unfinished_session(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _, unfinished_id = await make_sessions(app, pilot)
        await open_history(app, pilot)
        await pilot.press("down", "r")  # the finished one: refused
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.practice is None
        await pilot.press("up", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.practice is not None
        assert app.practice.session.id == unfinished_id
        assert not any(isinstance(screen, HistoryScreen) for screen in app.screen_stack)


async def test_delete_asks_first(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        finished_id, unfinished_id = await make_sessions(app, pilot)
        await open_history(app, pilot)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # cancel keeps it
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert len(table_rows(app)) == 2
        await pilot.press("delete")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        confirm.query_one("#choice-delete", Button).press()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert len(table_rows(app)) == 1
        assert app.journal is not None
        assert app.journal.load_session(unfinished_id) is None
        assert app.journal.load_session(finished_id) is not None


async def test_a_long_history_shows_its_newest_page_then_loads_older_ones(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        finished_id, _ = await make_sessions(app, pilot)
        assert app.journal is not None
        snapshot = app.journal.load_session(finished_id)
        assert snapshot is not None
        older = []
        for number in range(1, 449):
            copy = deepcopy(snapshot)
            copy["id"] = f"{finished_id[:-4]}{number:04d}"
            copy["created_at"] -= number * 60
            copy["updated_at"] -= number * 60
            older.append(copy)
        app.journal.import_sessions(older)

        screen = await open_history(app, pilot)
        status = str(screen.query_one("#history-status", Static).render())
        assert status.startswith("450 sessions · 1 unfinished")  # counted, not just loaded
        table = screen.query_one("#history-table", DataTable)
        assert table.row_count == PAGE < 450
        table.scroll_end(animate=False, immediate=True)  # a mouse wheel near the end...
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 2 * PAGE
        for _ in range(10):
            await pilot.press("ctrl+end")  # ... and the cursor near the end read older pages
            await app.workers.wait_for_complete()
            await pilot.pause()
            if table.row_count == 450:
                break
        ids = [summary.id for summary in screen.sessions]
        assert len(ids) == len(set(ids)) == 450  # every session once, oldest last
        assert ids[-1] == f"{finished_id[:-4]}0448"


async def test_at_60x20_the_status_line_wraps_instead_of_being_cut(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await make_sessions(app, pilot)
        screen = await open_history(app, pilot)
        status = screen.query_one("#history-status", Static)
        assert "del deletes" in str(status.render())
        assert shows_all_of(status, 60)
