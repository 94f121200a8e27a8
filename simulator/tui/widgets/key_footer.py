"""The footer every screen uses: Textual's, made to fit narrow terminals.

Textual's footer is one line that is cut off at the right edge, and the only way to see the
rest is a mouse wheel. At 60 columns that hid "f1 Help" itself, the one key that lists all
the others. This footer puts Help first, drops the padding when the keys would not fit with
it (and always below 100 columns), and gives the command palette's room to the screen's own
keys when they need it (ctrl+p still works, and help lists it). Keys that still do not
fit are left out whole rather than cut at the edge, and Help says how many more it lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 100
"""Columns under which the keys are drawn without padding."""

PALETTE_HINT_FROM = 80
"""Columns from which the command palette's key may be shown at the right."""

FLOW_IDS = frozenset({"back", "submit", "continue", "finish", "save"})
"""Keymap ids of the keys that move on from a screen or back out of it."""

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


@dataclass(frozen=True)
class FooterEntry:
    """One key as the footer would draw it."""

    action: str
    """The action it runs."""
    display: str
    """The key as shown ("^s")."""
    description: str
    """What it does."""
    flow: bool
    """Whether it goes on from the screen or back out of it (kept longest)."""


def fitting(entries: list[FooterEntry], room: int, *, compact: bool) -> list[int]:
    """The indexes of the entries drawn in ``room`` columns, in order.

    The first entry (Help) always stays. Otherwise the last key that does not go on or back
    is left out first: without ctrl+s and escape the footer could not say how to leave a
    screen, which a list's keys never do. Help's description grows by ", N more" as keys
    are left out, and that is counted too.
    """
    kept = list(range(len(entries)))
    hidden = 0
    while len(kept) > 1 and _width(entries, kept, hidden, compact) > room:
        optional = [index for index in kept[1:] if not entries[index].flow]
        kept.remove(optional[-1] if optional else kept[-1])
        hidden += 1
    return kept


def _width(entries: list[FooterEntry], kept: list[int], hidden: int, compact: bool) -> int:
    """Columns the kept entries take, Help saying how many are hidden."""
    pairs = [(entries[index].display, entries[index].description) for index in kept]
    if hidden and entries[kept[0]].action == HELP_ACTION:
        pairs[0] = (pairs[0][0], more_keys(pairs[0][1], hidden))
    return keys_width(pairs, compact=compact)


def _room(width: int, *, compact: bool, palette: bool) -> int:
    """Columns left for the screen's keys beside the palette's key, if it is shown."""
    return width - (PALETTE_WIDTH[compact] if palette else 0)


def more_keys(description: str, hidden: int) -> str:
    """Help's description when the footer leaves ``hidden`` keys out ("Help, 2 more")."""
    return f"{description}, {hidden} more"


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
        self._fit_count = -1
        self._drawn: tuple[object, ...] | None = None
        self._redraw_pending = False

    def compose(self) -> ComposeResult:
        """Textual's keys, fitted to the width, Help first so it is never cut off."""
        width = (self.size.width or self.app.size.width) if self.is_attached else 0
        if self.is_attached:
            self._fit(width)
        self._drawn = self._drawing() if self._bindings_ready and self.is_attached else None
        widgets = list(super().compose())
        first = [w for w in widgets if isinstance(w, FooterKey) and w.action == HELP_ACTION]
        ordered = first + [widget for widget in widgets if widget not in first]
        keys = [widget for widget in ordered if isinstance(widget, FooterKey)]
        for key in keys:
            self._style_before_mount(key)
        if self.is_attached and len(keys) == len(ordered):
            yield from self._within(keys, width)
        else:
            yield from ordered  # grouped keys (none of ours) keep Textual's own layout

    def _style_before_mount(self, key: FooterKey) -> None:
        """Give a new key its compact style before it mounts, as Textual's footer would just
        after: a key starts compact and takes the footer's style as it mounts, and each
        change of class worked out all of the key's styles again (twice a key at 120
        columns, the most costly part of a screen's start). The palette's key is not bound
        to the footer and stays compact."""
        compact = self.compact or key.has_class("-command-palette")
        if not key.has_class("-command-palette"):
            key.set_reactive(FooterKey.compact, compact)
        key.set_class(compact, "-compact", update=False)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the keys to the new width."""
        self.fit_to(event.size.width)

    def fit_to(self, width: int) -> None:
        """Refit to ``width`` columns, redrawing the keys if that changes their style or
        how many of them fit."""
        if self._fit(width) and self.is_attached:
            self._redraw_soon()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Redraw the keys after the screen's bindings change, as Textual's footer does,
        but only if that changes what the footer shows."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._redraw_soon()

    def _redraw_soon(self) -> None:
        """Redraw once after the next refresh, however many changes ask for it before then.

        Every focus change publishes the screen's bindings, and Textual's footer mounts all
        its keys again each time: at start that was four times in a row, the same keys.
        """
        if not self._redraw_pending:
            self._redraw_pending = True
            self.call_after_refresh(self._redraw)

    async def _redraw(self) -> None:
        """Compose the keys again if what they would show has changed since they were drawn."""
        self._redraw_pending = False
        if not self.is_attached or self._pruning:
            # A screen being closed loses its widgets one by one, and its keys may depend
            # on them; Textual's own recompose stops here too.
            return
        self._fit(self.size.width or self.app.size.width)
        if self._drawing() != self._drawn:
            await self.recompose()

    def _drawing(self) -> tuple[object, ...]:
        """Everything the keys are drawn from: the style chosen for the width and each
        key's binding, label, state and tooltip."""
        bindings = tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                binding.group,
                self.app.get_key_display(binding),
                enabled,
                tooltip,
            )
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return (self.compact, self.show_command_palette, self._fit_count, bindings)

    def shown_keys(self) -> list[tuple[str, str]]:
        """The (key shown, description) of each key the footer shows, one per action, as
        Textual's footer picks them (the palette's own key aside)."""
        return [(entry.display, entry.description) for entry in self._entries()]

    def _entries(self) -> list[FooterEntry]:
        """The screen's keys in the order the footer draws them, Help first."""
        if not self.is_attached:
            return []
        seen: dict[str, FooterEntry] = {}
        for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen[binding.action] = FooterEntry(
                    binding.action,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.id in FLOW_IDS,
                )
        entries = list(seen.values())
        return sorted(entries, key=lambda entry: entry.action != HELP_ACTION)

    def _within(self, keys: list[FooterKey], width: int) -> list[FooterKey]:
        """The keys that fit in ``width`` whole; Help says how many were left out.

        A key cut off at the edge ("a Show up") reads as broken, and the mouse wheel that
        would show it is not a thing people try on a footer.
        """
        palette = [key for key in keys if key.has_class("-command-palette")]
        screen_keys = [key for key in keys if key not in palette]
        flow = {entry.action for entry in self._entries() if entry.flow}
        entries = [
            FooterEntry(key.action, key.key_display, key.description, key.action in flow)
            for key in screen_keys
        ]
        room = _room(width, compact=self.compact, palette=bool(palette))
        kept = fitting(entries, room, compact=self.compact)
        hidden = len(screen_keys) - len(kept)
        if hidden and screen_keys[0].action == HELP_ACTION:
            screen_keys[0].description = more_keys(screen_keys[0].description, hidden)
        return [*(screen_keys[index] for index in kept), *palette]

    def _fit(self, width: int) -> bool:
        """Choose the style for ``width``: padded only when everything fits padded; the
        palette's key only when the screen's keys leave room for it. True if it changed."""
        entries = self._entries()
        keys = [(entry.display, entry.description) for entry in entries]
        padded = keys_width(keys, compact=False)
        palette_room = PALETTE_WIDTH[False] if self._palette_allowed else 0
        compact = self._always_compact or width < COMPACT_BELOW or padded + palette_room > width
        needed = keys_width(keys, compact=compact) + PALETTE_WIDTH[compact]
        palette = self._palette_allowed and width >= PALETTE_HINT_FROM and needed <= width
        fit = len(
            fitting(entries, _room(width, compact=compact, palette=palette), compact=compact)
        )
        if (compact, palette, fit) == (self.compact, self.show_command_palette, self._fit_count):
            return False
        # Set without the watchers: this runs inside compose, which is about to draw them.
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
        self.set_reactive(Footer.show_command_palette, palette)
        self._fit_count = fit
        return True
