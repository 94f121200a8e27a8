"""What the session's screens after the scoring, where the user writes, share: drafts
saved before moving on or back.

A base for screens, not a screen of its own: it lives beside the app's modules rather than
in ``screens/``, whose every class is one the user sees."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from simulator.tui.draft_screen import DRAFT_KEYS, DraftScreen
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.widgets.draft_area import DraftArea


class WritingScreen(SessionScreen, DraftScreen):
    """A phase with text boxes that keep drafts (the reflection, the follow-up plan):
    ctrl+s goes on to the next phase, escape back to the one before, both after saving
    whatever was typed; f8 and f3 copy a box or edit it outside (see
    :mod:`simulator.tui.draft_screen`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "continue", "Continue", id="continue"),
        Binding("escape", "back", "Back", id="back"),
        *DRAFT_KEYS,
    ]

    def on_mount(self) -> None:
        """Show the phase and start typing in its first box."""
        self.query_one(DraftArea).focus()

    def save_drafts(self) -> None:
        """Save whatever was typed and not saved yet."""
        for area in self.query(DraftArea):
            area.flush()

    def action_continue(self) -> None:
        """On to the next phase."""
        self.save_drafts()
        self.practice.session.advance()
        self.changed()

    def action_back(self) -> None:
        """Back to the phase before."""
        self.save_drafts()
        self.practice.session.go_back()
        self.changed()
