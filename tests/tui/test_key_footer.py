"""The footer fits narrow terminals: Help is never cut off, and nothing is lost at 60x20."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label

from simulator.tui.widgets.key_footer import KeyFooter


class Host(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "noop", "Submit the answer"),
        Binding("ctrl+r", "noop", "Ask for a clarification"),
        Binding("ctrl+t", "noop", "Show a hint"),
        Binding("ctrl+n", "noop", "Skip this question"),
        Binding("f1", "app.help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Label("body")
        yield KeyFooter()

    def action_help(self) -> None:
        self.bell()


@pytest.mark.parametrize(
    ("width", "compact", "palette"), [(60, True, False), (90, True, True), (120, False, True)]
)
async def test_footer_fits_the_width(width: int, compact: bool, palette: bool) -> None:
    app = Host()
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert footer.compact is compact
        assert footer.show_command_palette is palette
        keys = [key.action for key in footer.query("FooterKey")]
        assert keys[0] == "app.help"
        first = footer.query("FooterKey").first()
        assert first.region.right <= width  # Help is on screen


async def test_footer_follows_a_resize() -> None:
    app = Host()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert not footer.compact
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert footer.compact and not footer.show_command_palette
        assert next(key.action for key in footer.query("FooterKey")) == "app.help"
