"""The keys, grouped by screen, from the key table in :mod:`simulator.tui.keys`."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from simulator.tui.keys import PLACES, KeyHelp, keys_for


def key_table(places: tuple[str, ...] = PLACES) -> Content:
    """The key table as display content: one heading per place, one line per key."""
    parts: list[str | tuple[str, str]] = []
    width = max((len(entry.key) for place in places for entry in keys_for(place)), default=0)
    for place in places:
        entries: list[KeyHelp] = keys_for(place)
        if not entries:
            continue
        if parts:
            parts.append("\n")
        parts += [(place, "bold $accent"), "\n"]
        for entry in entries:
            parts += ["  ", (entry.key.ljust(width), "bold"), "  ", entry.what, "\n"]
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works; escape, f1 or ? closes it."""

    CSS_PATH = "../styles/help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        """A box with the key table, scrollable when the terminal is small."""
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title", markup=False)
            with VerticalScroll(id="help-scroll"):
                yield Static(key_table(), id="help-keys", markup=False)
            yield Static("escape, f1 or ? closes this", id="help-hint", markup=False)

    def on_mount(self) -> None:
        """Focus the table so the arrow keys scroll it."""
        self.query_one("#help-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
