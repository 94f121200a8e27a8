"""The command palette (ctrl+p): its commands and opening it.

Both are imported when the palette first opens: Textual's palette and the app's commands
are not needed for the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from simulator.tui.commands import MockInterviewCommands


def commands_provider() -> type[MockInterviewCommands]:
    """The palette's commands."""
    from simulator.tui.commands import MockInterviewCommands

    return MockInterviewCommands


def open_palette(app: App[Any]) -> None:
    """Show the command palette (one that takes keys arriving with ctrl+p safely), unless
    it is open already or the app has none."""
    from textual.command import CommandPalette

    from simulator.tui.screens.command_palette import SafeCommandPalette

    open_already = any(isinstance(screen, CommandPalette) for screen in app.screen_stack)
    if app.use_command_palette and not open_already:
        app.push_screen(SafeCommandPalette(id="--command-palette"))
