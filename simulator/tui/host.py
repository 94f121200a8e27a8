"""What a screen may ask of the app it runs in: one typed interface, without importing the app.

Screens used to reach the app through ``getattr(self.app, "writer", None)`` and the like,
untyped, and two modules imported :mod:`simulator.tui.app` at run time to get its type,
which tied every tui module into one import cycle. :class:`AppHost` names what the app
offers; :class:`MockInterviewApp <simulator.tui.app.MockInterviewApp>` is checked against it
by mypy. A screen shown alone in a small test app gets ``None`` (or the system clock) and
does what it can without.

The engine, journal and packs are only named here for the type checker: importing them
would slow the app's first paint (see :mod:`simulator.tui.app`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.app import App

    from simulator.engine.clock import Clock
    from simulator.journal import Journal
    from simulator.packs.library import Library
    from simulator.services.context import Context
    from simulator.services.practice import JournalWriter, Practice, StartOptions


@runtime_checkable
class HasClock(Protocol):
    """An app with a clock (the whole app, or a test host that only fakes the time)."""

    @property
    def clock(self) -> Clock:
        """The clock sessions run on."""
        ...


@runtime_checkable
class AppHost(Protocol):
    """Everything a screen may read from or ask of the app."""

    context: Context
    """Settings and folders."""
    library: Library | None
    """The installed packs, once loaded."""
    journal: Journal | None
    """The journal, once open."""
    journal_error: str
    """Why the journal could not be opened ("" when it could)."""
    writer: JournalWriter | None
    """Saves in the background, in order; flushed before reads."""
    practice: Practice | None
    """The session being practised, if any."""

    @property
    def clock(self) -> Clock:
        """The clock sessions run on."""
        ...

    def start_practice(self, options: StartOptions) -> None:
        """Start a session (its screen appears when it is ready)."""

    def resume_practice(self, session_id: str = ...) -> None:
        """Continue a saved session; by default the newest unfinished one."""

    def load_packs(self) -> None:
        """Read the packs again."""

    def show_session(self) -> None:
        """Show the screen for where the session is now."""

    def end_session(self) -> None:
        """Close the session's screens and go home."""

    def confirm_leave_session(self) -> None:
        """Ask before leaving the session."""

    def action_history(self) -> None:
        """Open the history."""

    def action_browse_packs(self, tab: str = "packs") -> None:
        """Open the pack browser."""

    def action_help(self) -> None:
        """Show the keys."""

    async def action_quit(self) -> None:
        """Save everything and quit."""


def app_host(app: App[Any]) -> AppHost | None:
    """The app as an :class:`AppHost`, or None in a host app that is not mock-interview's."""
    return app if isinstance(app, AppHost) else None


def now(app: App[Any]) -> float:
    """The app's time: its clock (a fake one in tests), else the system's."""
    return float(app.clock.now()) if isinstance(app, HasClock) else time.time()


def writer_of(app: App[Any]) -> JournalWriter | None:
    """The app's journal writer, whose queued saves a read waits for first."""
    host = app_host(app)
    return host.writer if host is not None else None


def library_of(app: App[Any]) -> Library | None:
    """The app's packs, once loaded."""
    host = app_host(app)
    return host.library if host is not None else None


def practising(app: App[Any]) -> bool:
    """Whether a session is under way (so another cannot start)."""
    host = app_host(app)
    return host is not None and host.practice is not None
