"""``mock-interview log ...``: list, show, export and import journal sessions; list the
follow-up reminders that are due."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from simulator.commands.parsing import add_group
from simulator.common import locations
from simulator.common.safetext import one_line
from simulator.engine.timing import due_words
from simulator.journal import Journal, JournalError, Reminder, SessionSummary
from simulator.journal.export import (
    document_text,
    export_json,
    export_markdown,
    load_document,
    write_text_atomic,
)
from simulator.journal.markdown import Labels, criterion_labels, journal_markdown
from simulator.services.context import Context

# Everything these commands print goes through simulator.common.safetext.for_terminal: the command
# line writes through TerminalStream (see simulator.cli), so journal text is shown inert.

T = TypeVar("T")


def _existing_journal() -> Journal | None:
    """The journal if its file exists: reading a new home must not create it."""
    path = locations.journal_file()
    if not path.exists():
        return None
    return Journal.open(path)


def _read(read: Callable[[Journal], T], empty: T) -> T:
    """What ``read`` finds in the journal, or ``empty`` in a home with no journal yet.
    Raises JournalError."""
    journal = _existing_journal()
    if journal is None:
        return empty
    with journal:
        return read(journal)


def _print_rows(rows: list[Any], as_json: bool, lines: list[str], empty: str) -> None:
    """Rows as JSON for scripts, else one line each, or ``empty`` on stderr when none."""
    if as_json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif not lines:
        sys.stderr.write(empty)
    else:
        sys.stdout.writelines(line + "\n" for line in lines)


def _fail(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return 1


def _summary_line(summary: SessionSummary) -> str:
    created = summary.to_json()["created_at"]
    answers = f"{summary.answer_count} answer(s)"
    if summary.skipped_count:
        answers += f", {summary.skipped_count} skipped"
    mean = "" if summary.mean_score is None else f", mean score {summary.mean_score:.1f}"
    name, phase = one_line(summary.persona_name), one_line(summary.phase)
    return f"{summary.id}  {created}  {name}  [{phase}]  {answers}{mean}"


def run_list(context: Context, args: argparse.Namespace) -> int:
    """Print the sessions, newest first."""
    try:
        empty: list[SessionSummary] = []
        summaries = _read(lambda journal: journal.list_sessions(limit=args.limit), empty)
    except JournalError as error:
        return _fail(str(error))
    _print_rows(
        [summary.to_json() for summary in summaries],
        args.json,
        [_summary_line(summary) for summary in summaries],
        "No sessions in the journal yet.\n",
    )
    return 0


def _resolve(journal: Journal, session_id: str) -> str:
    """A full session id from an id or a unique start of one."""
    found = journal.find_session_ids(session_id)
    if not found:
        raise JournalError(f"no session with id {session_id}")
    if len(found) > 1:
        raise JournalError(f"{session_id} matches {len(found)} sessions; give more of the id")
    return found[0]


def _labels(context: Context) -> Labels:
    """Criterion labels from the installed packs' own rubrics (the built-in rubrics' labels
    are known to the export already)."""
    try:
        library = context.load_library()
    except Exception:  # no labels is only less friendly: the export still works
        return {}
    return criterion_labels(rubric for loaded in library.packs for rubric in loaded.pack.rubrics)


def run_show(context: Context, args: argparse.Namespace) -> int:
    """Print one session as Markdown."""
    try:
        journal = _existing_journal()
        if journal is None:
            return _fail(f"no session with id {args.id}")
        with journal:
            text = export_markdown(journal, _resolve(journal, args.id), labels=_labels(context))
    except JournalError as error:
        return _fail(str(error))
    sys.stdout.write(text)
    return 0


def run_export(context: Context, args: argparse.Namespace) -> int:
    """Write one session, or all, as Markdown or JSON."""
    try:
        journal = _existing_journal()
        if journal is None:
            if args.id is not None:
                return _fail(f"no session with id {args.id}")
            text = document_text([]) if args.format == "json" else journal_markdown([])
        else:
            with journal:
                session_id = None if args.id is None else _resolve(journal, args.id)
                if args.format == "json":
                    text = export_json(journal, session_id)
                else:
                    text = export_markdown(journal, session_id, labels=_labels(context))
        if args.output in (None, "-"):
            sys.stdout.write(text)
        else:
            write_text_atomic(Path(args.output), text)
            sys.stderr.write(f"Wrote {args.output}\n")
    except JournalError as error:
        return _fail(str(error))
    return 0


def run_import(context: Context, args: argparse.Namespace) -> int:
    """Add the sessions of a JSON export to this journal."""
    path = Path(args.file)
    if not path.is_file():
        return _fail(f"{path} does not exist or is not a file")
    try:
        sessions = load_document(path)  # read first: a bad file creates no journal
        with Journal.open(locations.journal_file()) as journal:
            counts = journal.import_sessions(sessions)
    except JournalError as error:
        return _fail(str(error))
    sys.stderr.write(
        f"Imported {counts.imported} session(s); {counts.skipped} already in the journal.\n"
    )
    return 0


def _reminder_line(reminder: Reminder, now: float) -> str:
    """One reminder as a line: when, what, for whom, and where it comes from."""
    shown = reminder.shown_due_at
    due = datetime.fromtimestamp(shown, UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    when = due_words(shown, now)
    if reminder.is_snoozed(now):
        when += " (snoozed)"
    origin = "real interview" if reminder.source == "interview" else "practice with"
    return (
        f"{due}  {when}  {one_line(reminder.title)}  ({origin} {one_line(reminder.persona_name)})"
    )


def run_reminders(context: Context, args: argparse.Namespace) -> int:
    """Print the follow-ups that are due (or, with --all, every open one), soonest first:
    real interviews' only, unless --practice asks for practice sessions' drills too."""
    now = time.time()
    practice = bool(args.practice)

    def read(journal: Journal) -> tuple[list[Reminder], int]:
        if args.all:
            found = journal.open_reminders(practice=practice)
        else:
            found = journal.due_reminders(now, practice=practice)
        left_out = 0 if practice else journal.practice_reminder_count(now, due=not args.all)
        return found, left_out

    try:
        nothing: tuple[list[Reminder], int] = ([], 0)
        reminders, hidden = _read(read, nothing)
    except JournalError as error:
        return _fail(str(error))
    _print_rows(
        [reminder.to_json(now) for reminder in reminders],
        args.json,
        [_reminder_line(reminder, now) for reminder in reminders],
        "No follow-ups to do right now.\n" if not args.all else "No open follow-ups.\n",
    )
    if hidden and not args.json:
        # On stderr, so scripts reading the list never see it as a reminder.
        drills = f"{hidden} follow-up{'s' if hidden != 1 else ''} from practice sessions"
        sys.stderr.write(f"Not listed: {drills} (drills); --practice lists them too.\n")
    return 0


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """Register ``log`` and its subcommands."""
    verbs = add_group(commands, common, "log", "list, show, export and import journal sessions")

    listing = verbs.add_parser("list", parents=[common], help="list sessions, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.add_argument("--limit", type=int, metavar="N", help="show at most N sessions")
    listing.set_defaults(run=run_list)

    show = verbs.add_parser("show", parents=[common], help="print one session as Markdown")
    show.add_argument("id", help="the session id (or a unique start of it)")
    show.set_defaults(run=run_show)

    export = verbs.add_parser(
        "export", parents=[common], help="export one session, or all, as Markdown or JSON"
    )
    export.add_argument("id", nargs="?", help="the session id (default: all sessions)")
    export.add_argument(
        "--format", choices=("md", "json"), default="md", help="the output format (default md)"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    export.set_defaults(run=run_export)

    importing = verbs.add_parser(
        "import", parents=[common], help="add the sessions of a JSON export to this journal"
    )
    importing.add_argument("file", help="a file written by log export --format json")
    importing.set_defaults(run=run_import)

    reminders = verbs.add_parser(
        "reminders",
        parents=[common],
        help="list the follow-ups that are due: thank-you notes, inquiries, check-ins",
    )
    reminders.add_argument("--json", action="store_true", help="print JSON for scripts")
    reminders.add_argument(
        "--all", action="store_true", help="every open follow-up, also those not due yet"
    )
    reminders.add_argument(
        "--practice",
        action="store_true",
        help="also the follow-ups of practice sessions (drills, left out by default)",
    )
    reminders.set_defaults(run=run_reminders)
