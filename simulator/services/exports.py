"""The files the app hands out: a session as Markdown, the follow-ups as a calendar, the
whole journal as JSON.

Each is worked out here as an :class:`ExportFile` (its name, text and type), so the app can
write it to a folder in a terminal or offer it to the browser when served, and the command
line and the app agree on what a file holds and what it is called.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from simulator.common.names import counted
from simulator.journal import Journal, JournalError
from simulator.journal.document import document_text
from simulator.journal.export import export_stem, session_export, write_new_file
from simulator.services.follow_ups import Owner, follow_up_calendar

MARKDOWN = "text/markdown"
"""The type a Markdown file is offered with."""
CALENDAR = "text/calendar"
"""The type an iCalendar file is offered with (RFC 5545)."""
JSON = "application/json"
"""The type a JSON export is offered with."""


@dataclass(frozen=True)
class ExportFile:
    """A file to hand to the user: written to a folder, or offered to a browser."""

    stem: str
    """Its name without the ending; a file already there gets ``-2``, ``-3`` ... added."""
    suffix: str
    """Its ending, with the dot."""
    text: str
    """What it holds."""
    mime_type: str
    """What a browser is told it is."""
    kind: str
    """What was exported, after "Exported" in the notice ("to Markdown" ...)."""
    note: str = ""
    """What else to say about it (how much it holds, what was left out), or ""."""

    @property
    def name(self) -> str:
        """The file name, as a browser offers it."""
        return f"{self.stem}{self.suffix}"


def _day(moment: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(moment))


def session_file(journal: Journal, session_id: str) -> ExportFile:
    """One session as Markdown, named for its day and interviewer. Raises JournalError when
    there is no such session."""
    stem, text = session_export(journal, session_id)
    return ExportFile(stem, ".md", text, MARKDOWN, "to Markdown")


def calendar_file(
    journal: Journal, owner: Owner | None, now: float, *, practice: bool = False
) -> ExportFile:
    """The open follow-ups as an iCalendar file: one practice session's or real interview's
    (``owner``), else every real interview's (and practice sessions' with ``practice``).
    Raises JournalError when none is open, since an empty calendar is no use to import."""
    found = follow_up_calendar(journal, owner, practice=practice)
    if not found.count:
        where = "in this plan" if owner is not None else "to put in a calendar"
        raise JournalError(f"no open follow-ups {where}")
    note = f"{counted(found.count, 'follow-up')}, to import into your calendar app"
    if found.left_out:
        note += f"; {counted(found.left_out, 'practice follow-up')} left out"
    stem = _calendar_stem(journal, owner, now)
    return ExportFile(stem, ".ics", found.text, CALENDAR, "a calendar file", note + ".")


def _calendar_stem(journal: Journal, owner: Owner | None, now: float) -> str:
    if owner is not None and owner.kind == "session":
        snapshot = journal.load_session(owner.id)
        if snapshot is not None:
            return export_stem(snapshot["persona_id"], snapshot["created_at"]) + "-follow-ups"
    if owner is not None:
        interview = journal.real_interview(owner.id)
        if interview is not None:
            return export_stem(interview.company, interview.held_at) + "-follow-ups"
    return f"mock-interview-follow-ups-{_day(now)}"


def journal_file(journal: Journal, now: float) -> ExportFile:
    """Everything the journal holds as the JSON export (what ``log import`` reads back),
    read once for both the text and the counts in the notice."""
    document = journal.export_document()
    held = [
        counted(len(document.sessions), "session"),
        counted(len(document.real_interviews), "real interview"),
        counted(len(document.study_list), "study topic"),
    ]
    note = ", ".join(held) + "; mock-interview log import reads it back."
    stem = f"mock-interview-journal-{_day(now)}"
    return ExportFile(stem, ".json", document_text(document), JSON, "the whole journal", note)


def write_export(export: ExportFile, folder: Path) -> Path:
    """Write ``export`` to a new file in ``folder``: an existing file is never replaced.
    Returns the file written; raises JournalError when nothing can be written."""
    return write_new_file(folder, export.stem, export.text, export.suffix)
