"""What every screen of a session shares: its practice, saving, and the common keys."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from simulator.tui.host import AppHost, app_host

if TYPE_CHECKING:
    from simulator.services.practice import Practice


class SessionScreen(Screen[None]):
    """A screen showing one phase of a practice session.

    Subclasses render from ``self.practice.session``'s views in :meth:`refresh_view`, call
    the session's actions in response to keys (each change is saved as it happens), then
    :meth:`changed` to move on (the app then calls :meth:`show_step`, here or on the next
    phase's screen).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back"),
        Binding("f1", "app.help", "Help", id="help"),
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
        """Show the session's current state. Textual runs this after the on_mount of each
        subclass (it calls every class's own), so a subclass never calls it itself."""
        self.show_step()

    def show_step(self) -> None:
        """The session has moved, or this screen has just opened: start what begins now,
        then redraw."""
        self.enter_step()
        self.refresh_view()

    def enter_step(self) -> None:
        """Start what begins when the session arrives where it is now, such as an answer's
        timer (subclasses fill this in). Never part of :meth:`refresh_view`, which draws
        and may run any number of times."""

    def refresh_view(self) -> None:
        """Redraw from the session's views (subclasses fill this in)."""

    def saving_to(self, slot: str) -> Callable[[str], None]:
        """Saves an editor's text as the session's draft ``slot``."""
        return self.keeping(lambda text: self.practice.draft(slot, text))

    def keeping(self, keep: Callable[[str], None]) -> Callable[[str], None]:
        """``keep`` for an editor's text: a change from typing, saved by its draft rather
        than a snapshot per keystroke, and nothing once the session has ended."""

        def kept(text: str) -> None:
            # Imported here: this module comes with the app, before the engine is needed.
            from simulator.engine.session import SessionError

            with contextlib.suppress(SessionError), self.practice.typing():
                keep(text)

        return kept

    def collect_typed_text(self) -> None:
        """Put text still waiting for its autosave into the session now (before quitting)."""

    def changed(self) -> None:
        """Save after a change, then show the right screen for where the session is now."""
        self.main_app.show_session()

    def action_back(self) -> None:
        """Escape: offer to leave the session (it stays saved and can be resumed)."""
        self.main_app.confirm_leave_session()
