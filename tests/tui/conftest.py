"""Fixtures for app tests; the driving helpers live in tui_helpers (importable by tests)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from tui_helpers import START, clock, drive, make_app, open_session, served, settle, utc

__all__ = [
    "START",
    "clock",
    "drive",
    "make_app",
    "open_session",
    "served",
    "settle",
    "snap_compare",
    "utc",
]

RunBefore = Callable[[Pilot[Any]], Awaitable[None] | None]


def hold_cursors_still(app: App[Any]) -> None:
    """Stop every blinking cursor, shown: a picture must not depend on when it is taken.

    A blinking cursor is hidden half of every second, so a snapshot taken more than half a
    second after focus (on a busy machine) would lose it. TextArea's line cache (Textual
    8.2.8) leaves focus out of its key when the cursor does not blink, so a line drawn
    before focus, or in the blink's hidden half, would come back without the cursor: the
    style update empties that cache.
    """
    for screen in app.screen_stack:
        for widget in screen.query("*"):
            if hasattr(widget, "cursor_blink"):
                widget.cursor_blink = False
                widget.notify_style_update()
                widget.refresh()


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """pytest-textual-snapshot's ``snap_compare``, with blinking cursors held still."""

    def compare(app: App[Any], *, run_before: RunBefore | None = None, **options: Any) -> bool:
        async def steady(pilot: Pilot[Any]) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            hold_cursors_still(pilot.app)
            await pilot.pause()

        return snap_compare(app, run_before=steady, **options)

    return compare
