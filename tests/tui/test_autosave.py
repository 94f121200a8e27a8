"""The autosave rule: soon after typing pauses, and never later than the deadline while it
goes on (in a tiny host app, with short times so the test is quick)."""

from __future__ import annotations

import asyncio
import time

from textual.app import App

from simulator.tui.autosave import Autosave


class Host(App[None]):
    """An app that only runs an :class:`Autosave`."""

    def __init__(self) -> None:
        super().__init__()
        self.saves = 0
        self.autosave = Autosave(self, self.save, quiet=0.1, deadline=0.25)

    def save(self) -> None:
        self.saves += 1


async def test_a_pause_saves_once() -> None:
    app = Host()
    async with app.run_test():
        app.autosave.changed()
        assert app.autosave.pending
        await asyncio.sleep(0.3)
        assert app.saves == 1
        assert not app.autosave.pending


async def test_changes_that_never_pause_are_still_saved_by_the_deadline() -> None:
    app = Host()
    async with app.run_test():
        # A change every 50 ms for a second: the quiet time never passes.
        for _ in range(20):
            app.autosave.changed()
            await asyncio.sleep(0.05)
        assert app.saves >= 2


async def test_flush_saves_now_and_cancel_forgets() -> None:
    app = Host()
    async with app.run_test():
        app.autosave.flush()
        assert app.saves == 0  # nothing waiting
        app.autosave.changed()
        app.autosave.flush()
        assert app.saves == 1
        app.autosave.changed()
        app.autosave.cancel()
        await asyncio.sleep(0.3)
        assert app.saves == 1


async def test_a_change_after_a_busy_spell_past_the_deadline_saves_at_once() -> None:
    app = Host()
    async with app.run_test():
        app.autosave.changed()
        time.sleep(0.3)  # the loop is busy (a burst of keys) past the deadline
        app.autosave.changed()
        assert app.saves == 1
        await asyncio.sleep(0.3)
        assert app.saves == 1
