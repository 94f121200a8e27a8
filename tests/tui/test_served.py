"""The app as ``mock-interview serve`` runs it in a browser (issue 20).

An export is offered to the browser as a download instead of being written on the server,
and the first screen gets its focus even though the app starts without focus there.
Textual's web driver is not used: ``is_web`` and the delivery are stood in for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events

from simulator.engine.clock import FakeClock
from simulator.services.context import Context
from simulator.services.practice import Practice, StartOptions
from simulator.tui import home_cache
from simulator.tui.app import MockInterviewApp, create_app
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.summary import SummaryScreen
from simulator.tui.widgets.persona_list import PersonaList

from tui_helpers import START, Delivered, drive, notices, open_session, settle, wait_for

AppFactory = Callable[..., MockInterviewApp]


def file_name(persona: str) -> str:
    day = time.strftime("%Y-%m-%d", time.localtime(START))
    return f"mock-interview-{day}-{persona}.md"


async def test_summary_export_is_a_download_in_a_browser(
    make_app: AppFactory, served: Delivered, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="summary")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("x")
        await wait_for(pilot, lambda: bool(served))
        await wait_for(pilot, lambda: any("offered as a download" in n for n in notices(app)))
    (download,) = served
    assert download["save_filename"] == file_name("rigorous-tech-lead")
    assert download["mime_type"] == "text/markdown"
    assert download["text"].startswith("# Mock interview with")
    assert practice.session.id in download["text"]
    assert list(tmp_path.iterdir()) == [], "nothing is written on the server"


async def test_history_export_is_a_download_in_a_browser(
    make_app: AppFactory, served: Delivered, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.library is not None and app.writer is not None
        assert isinstance(app.clock, FakeClock)
        options = StartOptions("friendly-recruiter", seed=3)
        practice = Practice.start(app.library, app.writer, options, clock=app.clock)
        drive(practice, app.clock, "summary")
        practice.session.finish()
        practice.saved()
        app.writer.flush()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("x")
        await wait_for(pilot, lambda: bool(served))
        await wait_for(
            pilot, lambda: any(file_name("friendly-recruiter") in n for n in notices(app))
        )
    assert served[0]["save_filename"] == file_name("friendly-recruiter")
    assert practice.session.id in served[0]["text"]
    assert list(tmp_path.iterdir()) == []


async def test_home_gets_its_focus_when_the_browser_gives_the_app_focus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual's web driver starts the app without focus, so a screen mounted then skips
    its automatic focus; home drawn from the kept listing would have nothing focused."""
    first = create_app(Context.create())
    async with first.run_test(size=(100, 30)) as pilot:
        await settle(first, pilot)
        await first.workers.wait_for_complete()
    assert home_cache.listing_file().is_file()
    real_mount = MockInterviewApp.on_mount

    def mount_without_focus(self: MockInterviewApp) -> None:
        real_mount(self)
        self.post_message(events.AppBlur())  # what the web driver does as it starts

    monkeypatch.setattr(MockInterviewApp, "on_mount", mount_without_focus)
    app = create_app(Context.create())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert not app.app_focus
        assert app.screen.focused is None
        app.post_message(events.AppFocus())  # the page was clicked, or focused itself
        await pilot.pause()
        personas = app.screen.query_one("#personas", PersonaList)
        assert app.screen.focused is personas
        before = personas.highlighted
        await pilot.press("down")
        assert personas.highlighted != before
