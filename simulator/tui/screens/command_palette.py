"""Textual's command palette, made safe for keys that arrive together with ctrl+p.

A terminal may deliver ctrl+p and the next key in one read. Textual's palette then handles
pagedown (or pageup) before its list has a size, and its option list fails looking up a
line it has not laid out yet: the app stopped. Such a key now waits until the list has been
laid out (one refresh), then does what it would have done. And the search takes at most
:data:`MAX_SEARCH` characters: every character typed searches every command again, so
thousands of characters typed into the palette froze the app for seconds.
"""

from __future__ import annotations

from textual.command import CommandInput, CommandList, CommandPalette
from textual.events import Mount

MAX_SEARCH = 80
"""The longest search the palette takes (no command's name is anywhere near this long)."""

_NEEDS_LAYOUT = frozenset({"page_down", "page_up"})


class SafeCommandPalette(CommandPalette):
    """The command palette, with paging held back until its list is laid out."""

    def _on_mount(self, event: Mount) -> None:
        # Textual runs CommandPalette's own _on_mount after this one (it calls each class's
        # handler): calling it here too made and started every provider twice.
        self.query_one(CommandInput).max_length = MAX_SEARCH

    def _action_command_list(self, action: str) -> None:
        """Page only once the list knows its height (see the module docstring)."""
        if action in _NEEDS_LAYOUT:
            commands = self.query_one(CommandList)
            if not commands.scrollable_content_region:
                self.call_after_refresh(self._page_when_laid_out, action)
                return
        super()._action_command_list(action)

    def _page_when_laid_out(self, action: str) -> None:
        if not self.is_attached:
            return
        commands = self.query_one(CommandList)
        if commands.scrollable_content_region and commands.option_count:
            super()._action_command_list(action)
