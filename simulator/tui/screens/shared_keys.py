"""The keys several screens bind alike, written once so each screen lists only its own."""

from __future__ import annotations

from textual.binding import Binding

BACK = Binding("escape", "back", "Back")
"""Escape: back to where the screen was opened from."""

HELP = Binding("f1,question_mark", "app.help", "Help")
"""F1 or ?: every key, on the help screen."""

OPEN = Binding("enter", "open", "Open", priority=True)
"""Enter: open the highlighted row (before the table takes the key)."""

DELETE = Binding("delete", "delete", "Delete", key_display="del")
"""Delete: delete the highlighted row, after asking."""


def tab_keys(*tabs: tuple[str, str, str]) -> list[Binding]:
    """A key for each tab: (key, tab id, label)."""
    return [Binding(key, f"show_tab('{tab}')", label) for key, tab, label in tabs]
