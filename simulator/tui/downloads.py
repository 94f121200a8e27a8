"""Exports in a browser: offered as a download instead of written on the server.

Served with ``mock-interview serve``, the app runs on the machine that serves it; a file
written to its current folder would be out of reach of the person at the browser, who may
be on another computer. So, when served, an export goes to the browser as a download
(Textual's ``deliver_text``), and only in a terminal is it written to a file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from textual.app import App

from simulator.journal import Journal
from simulator.journal.export import export_session_file, session_export

MARKDOWN = "text/markdown"
"""The type a Markdown download is offered with."""


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


def export_session(app: App[Any], journal: Journal, session_id: str, folder: Path) -> str:
    """Export one session as Markdown: offered as a download when the app is served, else
    written to a new file in ``folder``. Returns where it went, for the notice. Call from a
    worker thread; raises JournalError when there is nothing to export or nowhere to write."""
    if app.is_web:
        stem, text = session_export(journal, session_id)
        offer_text(app, f"{stem}.md", text)
        return f"{stem}.md, offered as a download"
    return str(export_session_file(journal, session_id, folder))
