"""Start-up work done off the screen's thread: reading the packs, then opening the journal.

The app's loading worker calls these once home has painted. The engine, journal and packs
(and pydantic under them) are imported inside the functions, never at the top: this module
is imported with the app, and importing them there would delay the first paint.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from simulator.common import locations
from simulator.tui.messages import JournalFailed, LibraryProgress
from simulator.tui.notices import notify_once

if TYPE_CHECKING:
    from textual.app import App
    from textual.message import Message

    from simulator.journal import Journal
    from simulator.packs.library import Library, LoadedPack, LoadProgress
    from simulator.packs.watch import Signature
    from simulator.services.context import Context
    from simulator.services.practice import JournalWriter

EARLY_LIST_AFTER = 0.1
"""Seconds of loading after which interviewers are listed as their packs are read."""


def read_library(context: Context, post: Callable[[Message], object]) -> tuple[Library, Signature]:
    """The installed packs, and the pack folders' signature taken before reading them (so
    a file changed while loading is noticed by the next check); ``post`` gets the
    :class:`LibraryProgress` of a slow load."""
    from simulator.packs.watch import signature

    found: list[LoadedPack] = []
    started = last_post = time.monotonic()

    def progress(step: LoadProgress) -> None:
        # A quick load is shown whole: listing interviewers early would cost frames the
        # interpreter needs for loading. A slow one (thousands of files) lists them as they
        # are read, with counts at most 20 times a second.
        nonlocal found, last_post
        if step.loaded is not None and step.loaded.pack.personas:
            found.append(step.loaded)
        now = time.monotonic()
        if now - started < EARLY_LIST_AFTER:
            return
        if found or now - last_post >= 0.05 or step.done == step.total:
            post(LibraryProgress(step.done, step.total, found))
            found, last_post = [], now

    folders = signature(context.pack_folders())
    return context.load_library(on_pack=progress), folders


def open_journal(app: App[Any], opened: Callable[[Journal], None]) -> None:
    """Open the journal and recover emergency copies (on a worker thread), then hand it to
    ``opened`` on the app's thread; a journal that cannot be opened posts
    :class:`JournalFailed` instead."""
    from simulator.journal import Journal, JournalError
    from simulator.services.emergency import EmergencyStore
    from simulator.services.practice import recover_emergency_files

    try:
        journal = Journal.open(locations.journal_file())
    except JournalError as error:
        app.post_message(JournalFailed(str(error)))
        return
    recovered = recover_emergency_files(journal, EmergencyStore())
    if recovered:
        app.call_from_thread(
            app.notify,
            f"Recovered {len(recovered)} session(s) from emergency copies.",
            title="Recovered",
        )
    app.call_from_thread(opened, journal)


def journal_writer(app: App[Any], journal: Journal) -> JournalWriter:
    """The background writer for ``journal``, telling the user when a save fails or another
    window changed the same draft."""
    from simulator.services.practice import JournalWriter

    # Both are called on the writer thread, and hand the notice over without waiting for it
    # to be shown (call_later, not call_from_thread): the screen's thread may itself be
    # waiting for the writer (a flush before a read), and then both stood still until the
    # flush gave up after 10 s.

    def save_failed(message: str) -> None:
        app.call_later(
            notify_once,
            app,
            f"{message}. Your text is still on screen; try again or copy it somewhere safe.",
            title="Saving",
            severity="error",
            timeout=10,
        )

    def draft_conflict(message: str) -> None:
        # Both texts are in the journal: nothing to rescue.
        app.call_later(
            app.notify,
            f"{message[:1].upper()}{message[1:]}.",
            title="Changed in another window",
            severity="warning",
            markup=False,
            timeout=10,
        )

    return JournalWriter(journal, on_error=save_failed, on_conflict=draft_conflict)
