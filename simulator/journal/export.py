"""Export the journal as Markdown or as a versioned JSON document, and import that JSON.

The JSON document (see :mod:`simulator.journal.document`) holds everything the journal
does: sessions, real interviews, reminders' marks, the study list, prep notes and drafts.
Importing it into another home adds only what is not there yet (see
:mod:`simulator.journal.transfer`); files written before version 2 hold sessions only and
still import.
"""

from __future__ import annotations

import os
import re
import time
from datetime import tzinfo
from pathlib import Path

from simulator.common.files import temporary_copy, write_atomically
from simulator.engine.snapshot import SessionSnapshot
from simulator.journal.document import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    JournalDocument,
    document_text,
    parse_document,
)
from simulator.journal.errors import JournalError
from simulator.journal.markdown import (
    Labels,
    interview_markdown,
    journal_markdown,
    session_markdown,
    study_list_markdown,
)
from simulator.journal.models import ImportReport
from simulator.journal.store import Journal

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "JournalDocument",
    "document_text",
    "export_json",
    "export_markdown",
    "import_json",
    "load_document",
    "parse_document",
]


def _sessions(journal: Journal, session_id: str | None) -> list[SessionSnapshot]:
    if session_id is None:
        return journal.load_sessions()
    snapshot = journal.load_session(session_id)
    if snapshot is None:
        raise JournalError(f"no session with id {session_id}")
    return [snapshot]


def export_markdown(
    journal: Journal,
    session_id: str | None = None,
    tz: tzinfo | None = None,
    labels: Labels | None = None,
    interview_id: str | None = None,
) -> str:
    """One session (or all, oldest first) as Markdown; times in ``tz`` (local when None),
    criteria by their ``labels`` (see :func:`session_markdown`). With ``interview_id``, one
    logged real interview.

    The whole journal also holds the logged real interviews (oldest first, after the
    sessions) and, at the end, the study list.
    """
    if session_id is not None:
        return session_markdown(_sessions(journal, session_id)[0], tz, labels)
    if interview_id is not None:
        interview = journal.real_interview(interview_id)
        if interview is None:
            raise JournalError(f"no real interview with id {interview_id}")
        return interview_markdown(interview, tz)
    text = journal_markdown(_sessions(journal, None), tz, labels)
    logged = sorted(journal.real_interviews(), key=lambda item: (item.held_at, item.id))
    for interview in logged:
        text += "\n---\n\n" + interview_markdown(interview, tz)
    items = journal.study_list()
    if items:
        text += "\n" + study_list_markdown(items, tz)
    return text


def export_json(
    journal: Journal, session_id: str | None = None, interview_id: str | None = None
) -> str:
    """The whole journal (or one session's or real interview's part) as the JSON export
    document."""
    return document_text(journal.export_document(session_id=session_id, interview_id=interview_id))


def load_document(path: Path) -> JournalDocument:
    """The checked contents of a JSON export file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise JournalError(f"{path} cannot be read: {error}") from None
    return parse_document(text, str(path))


def import_json(journal: Journal, path: Path) -> ImportReport:
    """Add what a JSON export holds and ``journal`` does not; nothing already there changes.

    Nothing is imported if anything in the file is invalid.
    """
    return journal.import_document(load_document(path))


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file so that a crash never leaves half of it."""
    path = Path(path)
    try:
        write_atomically(path, text)
    except OSError as error:
        raise JournalError(f"cannot write {path}: {error}") from None


MAX_EXPORT_NUMBER = 999
"""The highest number added to an export's file name before giving up."""


def export_stem(persona_id: str, created_at: float) -> str:
    """The start of a session export's file name: ``mock-interview-DATE-PERSONA`` (the local
    date the session started, the persona's id made safe for any file system)."""
    day = time.strftime("%Y-%m-%d", time.localtime(created_at))
    persona = re.sub(r"[^a-z0-9_-]+", "-", persona_id.lower()).strip("-_") or "session"
    return f"mock-interview-{day}-{persona}"


def export_candidates(folder: Path, stem: str, suffix: str = ".md") -> list[Path]:
    """The names tried in turn: ``STEM.md``, then ``STEM-2.md``, ``STEM-3.md`` ..."""
    return [
        Path(folder) / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        for number in range(1, MAX_EXPORT_NUMBER + 1)
    ]


def write_new_file(folder: Path, stem: str, text: str, suffix: str = ".md") -> Path:
    """Write ``text`` to a file of its own in ``folder``: ``STEM.md``, or the first of
    ``STEM-2.md``, ``STEM-3.md`` ... not taken yet. An existing file is never replaced and
    never a reason to refuse; the whole text appears at once (never half of it). Returns
    the file written; raises JournalError when nothing can be written."""
    folder = Path(folder)
    try:
        with temporary_copy(folder, stem, text) as temporary:
            return _link_new_name(temporary, folder, stem, text, suffix)
    except OSError as error:
        raise JournalError(f"cannot write to {folder}: {error}") from None


def _link_new_name(temporary: Path, folder: Path, stem: str, text: str, suffix: str) -> Path:
    for candidate in export_candidates(folder, stem, suffix):
        try:
            os.link(temporary, candidate)  # fails, never replaces, when the name is taken
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: create the file exclusively
            try:
                with candidate.open("x", encoding="utf-8", newline="\n") as stream:
                    stream.write(text)
            except FileExistsError:
                continue
        return candidate
    raise JournalError(f"{folder} already holds {MAX_EXPORT_NUMBER} exports named {stem}")


def session_export(journal: Journal, session_id: str) -> tuple[str, str]:
    """One session's Markdown export: the start of its file name (:func:`export_stem`)
    and its text."""
    snapshot = journal.load_session(session_id)
    if snapshot is None:
        raise JournalError(f"no session with id {session_id}")
    return export_stem(snapshot["persona_id"], snapshot["created_at"]), session_markdown(snapshot)


def export_session_file(journal: Journal, session_id: str, folder: Path) -> Path:
    """Export one session as Markdown to a new file in ``folder`` (see
    :func:`write_new_file`; the name from :func:`export_stem`). Returns the file written."""
    stem, text = session_export(journal, session_id)
    return write_new_file(folder, stem, text)
