"""The ``keymap`` of config.json applied to the app (Textual's keymap), or told about when
it cannot be.

Entries that cannot be used are named in a notice at start (the file, the entry, why) and
left out; the app starts with the rest. A key given to an action takes it from any other
action that had it on the same screen: that is Textual's rule, and Textual 8.2.8 does not
report it for bindings with ids (all of the app's have one), so the README says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from simulator.common import locations
from simulator.services.keymap import read_keymap
from simulator.tui.keys import BINDING_IDS

if TYPE_CHECKING:
    from textual.app import App

    from simulator.services.config import Config


def use_keymap(app: App[Any], config: Config) -> dict[str, str]:
    """Give the app the usable part of the keymap, and return it; name each entry left
    out."""
    setting = read_keymap(config, BINDING_IDS, locations.config_file())
    if setting.keymap:
        app.set_keymap(setting.keymap)
    palette = setting.keymap.get("palette")
    if palette:
        # Textual's footer finds the palette's key by this name alone; left at ctrl+p, the
        # footer's "palette" hint would vanish once the keymap moved the key. Textual declares
        # it a class variable but reads it from the app, so the app's own value is used.
        app.COMMAND_PALETTE_BINDING = palette.split(",")[0].strip()  # type: ignore[misc]
    for problem in setting.problems:
        app.notify(problem, title="Settings", severity="warning", markup=False, timeout=12)
    return setting.keymap
