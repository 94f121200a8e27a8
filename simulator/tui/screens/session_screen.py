"""What every screen of a session shares: its practice, saving, and the common keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from simulator.tui.host import AppHost, app_host

if TYPE_CHECKING:
    from simulator.services.practice import Practice


class SessionScreen(Screen[None]):
    """A screen showing one phase of a practice session.

    Subclasses render from ``self.practice.session``'s views in :meth:`refresh_view`, call
    the session's actions in response to keys, then :meth:`changed` to save and move on.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, practice: Practice) -> None:
        super().__init__()
        self.practice = practice

    @property
    def main_app(self) -> AppHost:
        """The app, typed: a session's screens only ever run in mock-interview's."""
        host = app_host(self.app)
        assert host is not None, "a session screen runs in mock-interview's app"
        return host

    def on_mount(self) -> None:
        """Show the session's current state."""
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw from the session's views (subclasses fill this in)."""

    def collect_typed_text(self) -> None:
        """Put text still waiting for its autosave into the session now (before quitting)."""

    def changed(self) -> None:
        """Save after a change, then show the right screen for where the session is now."""
        self.practice.saved()
        self.main_app.show_session()

    def action_back(self) -> None:
        """Escape: offer to leave the session (it stays saved and can be resumed)."""
        self.main_app.confirm_leave_session()
