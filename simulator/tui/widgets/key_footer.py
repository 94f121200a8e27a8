"""The footer every screen uses: Textual's, made to fit narrow terminals.

Textual's footer is one line that is cut off at the right edge, and the only way to see the
rest is a mouse wheel. At 60 columns that hid "f1 Help" itself, the one key that lists all
the others. This footer puts Help first, drops the padding when the keys would not fit with
it (and always below 100 columns), and gives the command palette's room to the screen's own
keys when they need it (ctrl+p still works, and help lists it).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100
"""Columns under which the keys are drawn without padding."""

PALETTE_HINT_FROM = 80
"""Columns from which the command palette's key may be shown at the right."""

HELP_ACTION = "app.help"
"""The action of the key that lists all the others."""

PALETTE_WIDTH = {False: 14, True: 12}
"""Columns the palette's key takes, padded and compact: its border, "^p", "palette" and the
padding around them."""


def keys_width(keys: list[tuple[str, str]], *, compact: bool) -> int:
    """Columns the footer needs for these (key shown, description) pairs.

    Padded, a key is " key " then "description " (Textual's padding); compact, it is
    "key description" and a margin of one.
    """
    extra = 2 if compact else 3
    return sum(cell_len(key) + cell_len(what) + extra for key, what in keys)


class KeyFooter(Footer):
    """Textual's footer, compact when room is short, with Help always first.

    ``compact=True`` keeps it compact at every width and ``show_command_palette=False``
    never shows the palette's key.
    """

    DEFAULT_CSS = """
    /* Textual gives every compact key a margin on its right, the palette's too, which left
       one column at the edge where the covered keys showed through ("palettep"). */
    KeyFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
        padding-right: 1;
    }
    """

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._always_compact = compact
        self._palette_allowed = show_command_palette

    def compose(self) -> ComposeResult:
        """Textual's keys, fitted to the width, Help first so it is never cut off."""
        if self.is_attached:
            self._fit(self.size.width or self.app.size.width)
        widgets = list(super().compose())
        first = [w for w in widgets if isinstance(w, FooterKey) and w.action == HELP_ACTION]
        yield from first
        yield from (widget for widget in widgets if widget not in first)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the keys to the new width."""
        self.fit_to(event.size.width)

    def fit_to(self, width: int) -> None:
        """Refit to ``width`` columns, redrawing the keys if that changes their style."""
        if self._fit(width) and self.is_attached:
            self.call_after_refresh(self.recompose)

    def shown_keys(self) -> list[tuple[str, str]]:
        """The (key shown, description) of each key the footer shows, one per action, as
        Textual's footer picks them (the palette's own key aside)."""
        if not self.is_attached:
            return []
        seen: dict[str, tuple[str, str]] = {}
        for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen[binding.action] = (self.app.get_key_display(binding), binding.description)
        return list(seen.values())

    def _fit(self, width: int) -> bool:
        """Choose the style for ``width``: padded only when everything fits padded; the
        palette's key only when the screen's keys leave room for it. True if it changed."""
        keys = self.shown_keys()
        padded = keys_width(keys, compact=False)
        palette_room = PALETTE_WIDTH[False] if self._palette_allowed else 0
        compact = self._always_compact or width < COMPACT_BELOW or padded + palette_room > width
        needed = keys_width(keys, compact=compact) + PALETTE_WIDTH[compact]
        palette = self._palette_allowed and width >= PALETTE_HINT_FROM and needed <= width
        if compact == self.compact and palette == self.show_command_palette:
            return False
        # Set without the watchers: this runs inside compose, which is about to draw them.
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
        self.set_reactive(Footer.show_command_palette, palette)
        return True
