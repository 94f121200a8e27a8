"""The footer every screen uses: Textual's, made to fit narrow terminals.

Textual's footer is one line that is cut off at the right edge, and the only way to see the
rest is a mouse wheel. At 60 columns that hid "f1 Help" itself, the one key that lists all
the others. This footer puts Help first, drops the padding below 100 columns, and gives the
command palette's room to the screen's own keys below 80 (ctrl+p still works, and help
lists it).
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100
"""Columns under which the keys are drawn without padding."""

PALETTE_HINT_FROM = 80
"""Columns from which the command palette's key is shown at the right."""

HELP_ACTION = "app.help"
"""The action of the key that lists all the others."""


class KeyFooter(Footer):
    """Textual's footer, compact on narrow terminals, with Help always first.

    ``compact=True`` keeps it compact at every width and ``show_command_palette=False``
    never shows the palette's key (screens with many keys of their own ask for both).
    """

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._always_compact = compact
        self._palette_allowed = show_command_palette

    def compose(self) -> ComposeResult:
        """Textual's keys, Help moved to the front so a narrow screen never cuts it off."""
        widgets = list(super().compose())
        first = [w for w in widgets if isinstance(w, FooterKey) and w.action == HELP_ACTION]
        yield from first
        yield from (widget for widget in widgets if widget not in first)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the keys to the new width."""
        self.fit_to(event.size.width)

    def fit_to(self, width: int) -> None:
        """Compact below :data:`COMPACT_BELOW` columns; no palette hint below
        :data:`PALETTE_HINT_FROM`."""
        compact = self._always_compact or width < COMPACT_BELOW
        palette = self._palette_allowed and width >= PALETTE_HINT_FROM
        if compact == self.compact and palette == self.show_command_palette:
            return
        self.compact = compact
        self.show_command_palette = palette
        if self.is_attached:
            self.call_after_refresh(self.recompose)
