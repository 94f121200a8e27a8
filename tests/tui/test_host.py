"""Screens reach the app through one typed interface (simulator.tui.host), never getattr."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path

from textual.app import App

from simulator.engine.clock import FakeClock
from simulator.tui import host
from simulator.tui.app import MockInterviewApp
from simulator.tui.host import AppHost, app_host, library_of, practising, writer_of

from tui_helpers import START, settle

SCREENS = Path(host.__file__).parent / "screens"


def members(protocol: type) -> list[str]:
    """The names a protocol asks for: its attributes and its methods."""
    names = set(getattr(protocol, "__annotations__", {}))
    names.update(name for name, _ in inspect.getmembers(protocol) if not name.startswith("_"))
    return sorted(names)


async def test_the_app_offers_everything_a_screen_may_ask_for(
    make_app: Callable[..., MockInterviewApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app, AppHost)
        assert app_host(app) is app
        for name in members(AppHost):
            assert hasattr(app, name), name
        assert host.now(app) == START  # the app's fake clock
        assert writer_of(app) is app.writer is not None
        assert library_of(app) is app.library is not None
        assert not practising(app)


async def test_a_small_host_gets_what_it_offers_and_none_of_the_rest() -> None:
    class ClockOnly(App[None]):
        clock = FakeClock(START + 60)

    app = ClockOnly()
    async with app.run_test():
        assert app_host(app) is None
        assert host.now(app) == START + 60
        assert writer_of(app) is None and library_of(app) is None
        assert not practising(app)


def test_no_screen_reaches_the_app_untyped() -> None:
    for path in sorted(SCREENS.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"getattr\(\s*self\.app\b", source), path.name
        assert "simulator.tui.app" not in source, path.name
