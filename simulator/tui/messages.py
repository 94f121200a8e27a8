"""Messages the app's workers send back to the screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from simulator.journal import Reminder, SessionSummary
    from simulator.packs.library import Library, LoadedPack
    from simulator.services.practice import Practice


@dataclass
class LibraryLoaded(Message):
    """The installed packs finished loading."""

    library: Library
    """What was loaded, with its errors."""
    signature: tuple[tuple[str, int, int], ...] = ()
    """The pack folders as they were just before loading (see :mod:`simulator.packs.watch`)."""


@dataclass
class PacksChanged(Message):
    """A pack file was added, removed or edited since the packs were loaded."""


@dataclass
class LibraryProgress(Message):
    """Some pack files are loaded."""

    done: int
    """Files read so far."""
    total: int
    """Files to read."""
    packs: list[LoadedPack]
    """Packs with interviewers read since the last message, to list them at once."""


@dataclass
class JournalFailed(Message):
    """The journal could not be opened."""

    reason: str
    """Why, in plain words."""


@dataclass
class PracticeReady(Message):
    """A session was started or resumed."""

    practice: Practice
    """The session, ready to show."""


@dataclass
class PracticeFailed(Message):
    """A session could not be started or resumed."""

    reason: str
    """Why, in plain words."""


@dataclass
class HomeData(Message):
    """What the home screen shows from the journal."""

    unfinished: list[SessionSummary]
    """Sessions that can be resumed, newest first."""
    reminders: list[Reminder]
    """Follow-up reminders due now or overdue."""
