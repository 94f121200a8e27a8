"""The command palette (ctrl+p): its commands, Textual's own entries, and opening it.

They are imported when the palette first opens: Textual's palette and the app's commands
are not needed for the first paint.

Textual's "Screenshot" entry saves to the Downloads folder, and failed with "Failed to save
screenshot" wherever there is none (a server, a fresh account, a container); the app's own
entry saves to :func:`~simulator.common.locations.screenshots_dir`, made first, and says
where (in a browser it is a download, as before).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from simulator.common import locations

if TYPE_CHECKING:
    from textual.app import App, SystemCommand

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


SCREENSHOT = "Screenshot"
"""The title of Textual's screenshot entry, replaced by the app's."""


def system_commands(app: App[Any], commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's palette entries (theme, keys, screenshot...), with the app's screenshot."""
    from textual.app import SystemCommand

    for command in commands:
        if command.title == SCREENSHOT:
            # Later, so the palette is gone from the picture.
            later = partial(app.set_timer, 0.1, partial(save_screenshot, app))
            yield SystemCommand(SCREENSHOT, "Save an SVG picture of the screen", later)
        else:
            yield command


def save_screenshot(app: App[Any]) -> None:
    """Save the screen as SVG in the screenshots folder (made if needed), or say why not."""
    folder = locations.screenshots_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        app.notify(
            f"The screenshot was not saved: {folder} cannot be made ({error}).",
            title="Screenshot",
            severity="error",
            markup=False,
        )
        return
    app.deliver_screenshot(path=str(folder))
