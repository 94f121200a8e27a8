"""Messages the app's workers send back to the screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from simulator.packs.library import Library


@dataclass
class LibraryLoaded(Message):
    """The installed packs finished loading."""

    library: Library
    """What was loaded, with its errors."""


@dataclass
class LibraryProgress(Message):
    """Some pack files are loaded."""

    done: int
    """Files read so far."""
    total: int
    """Files to read."""
