"""Starting and resuming practice sessions, with every failure put in words for the user."""

from __future__ import annotations

from simulator.engine.clock import Clock
from simulator.engine.session import SessionError
from simulator.journal import JournalError
from simulator.packs.library import Library
from simulator.services.practice import JournalWriter, Practice, StartOptions


class CannotOpen(Exception):
    """A session could not be started or resumed; the message says why, in plain words."""


def start_session(
    library: Library, writer: JournalWriter, options: StartOptions, clock: Clock
) -> Practice:
    """A new session, saved. Raises :class:`CannotOpen`."""
    try:
        return Practice.start(library, writer, options, clock=clock)
    except (SessionError, JournalError) as error:
        raise CannotOpen(str(error)) from error


def resume_session(
    library: Library, writer: JournalWriter, session_id: str | None, clock: Clock
) -> Practice | None:
    """A saved session continued (``session_id`` None: the newest unfinished one), read after
    every save still queued; None when there is no unfinished session. Raises
    :class:`CannotOpen`."""
    try:
        writer.flush()
        if session_id is None:
            unfinished = writer.journal.unfinished_sessions()
            if not unfinished:
                return None
            session_id = unfinished[0].id
        return Practice.resume(library, writer, session_id, clock=clock)
    except (SessionError, JournalError) as error:
        raise CannotOpen(f"This session cannot be resumed: {error}") from error
