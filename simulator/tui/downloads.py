"""Exports: written to a file in a terminal, offered as a download in a browser.

Served with ``mock-interview serve``, the app runs on the machine that serves it; a file
written to its current folder would be out of reach of the person at the browser, who may
be on another computer. So, when served, an export goes to the browser as a download
(Textual's ``deliver_text``), and only in a terminal is it written to a file.

Every export in the app (a session's Markdown, the follow-ups' calendar file, the whole
journal) goes through :func:`export_in_background`: the pending saves first, then the file,
then one notice saying where it went or why nothing was written.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from simulator.journal import Journal, JournalError
from simulator.services.exports import MARKDOWN, ExportFile, write_export
from simulator.services.practice import JournalWriter
from simulator.tui.host import app_host

Build = Callable[[Journal], ExportFile]
"""Works out the file from the journal (on a worker thread)."""


def offer_text(app: App[Any], file_name: str, text: str, mime_type: str = MARKDOWN) -> None:
    """Offer ``text`` to the browser as a download named ``file_name``. Call from a worker
    thread (the delivery is handed to the app's own thread)."""
    app.call_from_thread(
        app.deliver_text,
        io.StringIO(text),
        save_filename=file_name,
        mime_type=mime_type,
        encoding="utf-8",
    )


def deliver(app: App[Any], export: ExportFile, folder: Path) -> str:
    """Offer ``export`` as a download when the app is served, else write it to a new file
    in ``folder``. Returns where it went, for the notice. Call from a worker thread; raises
    JournalError when there is nowhere to write."""
    if app.is_web:
        offer_text(app, export.name, export.text, export.mime_type)
        return f"{export.name}, offered as a download"
    return str(write_export(export, folder))


def export_in_background(
    app: App[Any],
    build: Build,
    *,
    journal: Journal | None = None,
    writer: JournalWriter | None = None,
    folder: Path | None = None,
) -> None:
    """Make the file ``build`` works out and hand it over (see :func:`deliver`), off the
    screen's thread, after every save queued so far; a notice says where it went.

    ``journal`` and ``writer`` are the app's unless given; ``folder`` is the current one.
    """
    host = app_host(app)
    if host is not None:
        journal = journal or host.journal
        writer = writer or host.writer
    if journal is None:
        reason = host.journal_error if host is not None else ""
        app.notify(reason or "The journal is not open.", title="Not exported", severity="error")
        return
    job = partial(_export, app, journal, writer, build, folder or Path.cwd())
    app.run_worker(job, name="export", group="export", thread=True, exclusive=True)


def _export(
    app: App[Any], journal: Journal, writer: JournalWriter | None, build: Build, folder: Path
) -> None:
    if writer is not None:
        writer.flush()
    try:
        export = build(journal)
        where = deliver(app, export, folder)
    except (OSError, JournalError) as error:
        app.call_from_thread(
            app.notify,
            f"Nothing was written: {error}.",
            title="Not exported",
            severity="error",
            markup=False,
        )
        return
    message = f"{where}\n{export.note}" if export.note else where
    app.call_from_thread(
        app.notify, message, title=f"Exported {export.kind}", markup=False, timeout=8
    )
