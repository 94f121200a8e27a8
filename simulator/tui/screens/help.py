"""The keys, grouped by screen, from the key table in :mod:`simulator.tui.keys`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from simulator.tui.keys import PLACES, KeyHelp, keys_for, shown_key


def key_rows(
    places: tuple[str, ...] = PLACES, keymap: Mapping[str, str] | None = None
) -> ComposeResult:
    """The key table as widgets: a heading per place, then a grid of key and what it does,
    each key where the user's ``keymap`` (binding id to keys) put it.

    A grid rather than one block of text, so that a long description wraps under itself
    instead of under the keys.
    """
    for place in places:
        entries: list[KeyHelp] = keys_for(place)
        if not entries:
            continue
        yield Static(place, classes="help-place", markup=False)
        with Grid(classes="help-grid"):
            for entry in entries:
                key = shown_key(entry, keymap or {})
                yield Static(key, classes="help-key", markup=False)
                yield Static(entry.what, classes="help-what", markup=False)


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works; escape, f1 or ? closes it."""

    CSS_PATH = "../styles/help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="back"),
        Binding("f1,question_mark", "close", "Close", show=False, id="help"),
    ]

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        """The key table, with the keys the user's ``keymap`` moved shown where they went."""
        super().__init__()
        self.keymap: Mapping[str, str] = keymap or {}
        """Binding id to the keys it was given in config.json (comma separated)."""

    def compose(self) -> ComposeResult:
        """A box with the key table, scrollable when the terminal is small."""
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title", markup=False)
            with VerticalScroll(id="help-scroll"), Vertical(id="help-keys"):
                yield from key_rows(keymap=self.keymap)
            yield Static("escape, f1 or ? closes this", id="help-hint", markup=False)

    def on_mount(self) -> None:
        """Focus the table so the arrow keys scroll it."""
        self.query_one("#help-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
