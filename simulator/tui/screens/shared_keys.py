"""The keys several screens bind alike, written once so each screen lists only its own."""

from __future__ import annotations

from textual.binding import Binding

QUIT = Binding("ctrl+q", "quit", "Quit", priority=True, id="quit")
"""Ctrl+q: save everything and quit (the app's key)."""

PALETTE = Binding(
    "ctrl+p",
    "command_palette",
    "palette",
    show=False,
    priority=True,
    tooltip="Open the command palette",
    id="palette",
)
"""Ctrl+p: the command palette (the app's key). Textual adds a palette key of its own
unless the app binds one; this one has an id, so a keymap can move it."""

BACK = Binding("escape", "back", "Back", id="back")
"""Escape: back to where the screen was opened from."""

HELP = Binding("f1,question_mark", "app.help", "Help", id="help")
"""F1 or ?: every key, on the help screen."""

OPEN = Binding("enter", "open", "Open", priority=True, id="open")
"""Enter: open the highlighted row (before the table takes the key)."""

DELETE = Binding("delete", "delete", "Delete", key_display="del", id="delete")
"""Delete: delete the highlighted row, after asking."""


def tab_keys(*tabs: tuple[str, str, str, str]) -> list[Binding]:
    """A key for each tab: (key, tab id, label, binding id)."""
    return [
        Binding(key, f"show_tab('{tab}')", label, id=binding) for key, tab, label, binding in tabs
    ]
