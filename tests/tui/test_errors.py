"""Unexpected errors: the error screen, the log file, nothing lost; refused actions and links."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from textual import work
from textual.binding import Binding, BindingType

from simulator.engine.clock import FakeClock
from simulator.journal import Journal
from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp, create_app
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.error import ErrorScreen

from tui_helpers import START, burst, open_session, settle

MakeApp = Callable[..., MockInterviewApp]


class BrokenApp(MockInterviewApp):
    """The real app with two ways to fail on purpose."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("f12", "explode", "Explode")]

    def action_explode(self) -> None:
        raise RuntimeError("a screen handler failed")

    @work(thread=True)
    def explode_in_worker(self) -> None:
        raise ValueError("a worker failed")


async def test_handler_error_saves_logs_and_closes_without_traceback(home: Path) -> None:
    app = BrokenApp(Context.create(), clock=FakeClock(START))
    with pytest.raises(RuntimeError, match="a screen handler failed"):  # noqa: PT012
        async with app.run_test(size=(100, 30)) as pilot:
            await open_session(app, pilot, "startup-cto")
            await pilot.press("ctrl+s", "ctrl+s")  # to the first question
            await burst(pilot, *"Kept safe")
            await pilot.press("f12")
    log = (home / "data" / "logs" / "errors.log").read_text()
    assert "RuntimeError: a screen handler failed" in log
    assert "Traceback" in log
    assert "press r to resume" in app._crash_note
    assert not any("Traceback" in str(item) for item in app._exit_renderables)
    assert app.practice is not None
    with Journal.open() as journal:
        saved = journal.load_session(app.practice.session.id)
    assert saved is not None
    current = next(a for a in saved["answers"] if a["id"] == saved["current_answer_id"])
    assert current["text"] == "Kept safe"


async def test_worker_error_then_save_and_quit(home: Path) -> None:
    app = BrokenApp(Context.create(), clock=FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.explode_in_worker()
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, ErrorScreen):
                break
        assert isinstance(app.screen, ErrorScreen)
        assert "a worker failed" in app.screen.summary
        await pilot.click("#quit")
        # Quitting saves first, in a worker: one pause is not always enough for it.
        for _ in range(100):
            if app.return_code is not None:
                break
            await asyncio.sleep(0.05)
    assert app.return_code == 0
    assert "ValueError: a worker failed" in (home / "data" / "logs" / "errors.log").read_text()


async def test_unused_builtin_actions_are_refused(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(app, pilot)
        target = tmp_path / "shot.svg"
        assert not await app.run_action(f"screenshot('{target.name}', '{tmp_path}')")
        assert not await app.run_action("simulate_key('ctrl+q')")
        assert not await app.run_action("push_screen('help')")
        await pilot.pause()
        assert not target.exists()
        assert app.is_running


async def test_links_open_only_http_after_asking(make_app: MakeApp) -> None:
    app = make_app()
    opened: list[str] = []
    async with app.run_test() as pilot:
        await settle(app, pilot)
        app._driver.open_url = lambda url, new_tab: opened.append(url)  # type: ignore[union-attr,method-assign]
        app.open_url("file:///etc/passwd")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        app.open_url("https://example.org/")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert opened == []
        await pilot.click("#choice-open")
        await pilot.pause()
    assert opened == ["https://example.org/"]


def test_create_app_is_the_cli_factory() -> None:
    assert isinstance(create_app(Context.create()), MockInterviewApp)
