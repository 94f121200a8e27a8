"""``mock-interview log ...``: list, show, export and import the journal; the follow-up
commands (``log reminders``, ``log calendar``) are in :mod:`simulator.commands.log_reminders`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.commands import log_reminders
from simulator.commands.log_common import (
    add_output_option,
    add_owner_argument,
    existing_journal,
    fail,
    print_rows,
    read,
    write_output,
)
from simulator.commands.parsing import add_group
from simulator.common import locations
from simulator.common.names import counted
from simulator.common.safetext import one_line
from simulator.journal import ImportReport, Journal, JournalError, SessionSummary
from simulator.journal.document import JournalDocument, document_text
from simulator.journal.export import export_json, export_markdown, load_document
from simulator.journal.markdown import Labels, criterion_labels, journal_markdown
from simulator.services.context import Context
from simulator.services.follow_ups import Owner, find_owner


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
        summaries = read(lambda journal: journal.list_sessions(limit=args.limit), empty)
    except JournalError as error:
        return fail(str(error))
    print_rows(
        [summary.to_json() for summary in summaries],
        args.json,
        [_summary_line(summary) for summary in summaries],
        "No sessions in the journal yet.\n",
    )
    return 0


def _missing(entry_id: str) -> str:
    return f"no session or real interview with id {entry_id}"


def _labels(context: Context) -> Labels:
    """Criterion labels from the installed packs' own rubrics (the built-in rubrics' labels
    are known to the export already)."""
    try:
        library = context.load_library()
    except Exception:  # no labels is only less friendly: the export still works
        return {}
    return criterion_labels(rubric for loaded in library.packs for rubric in loaded.pack.rubrics)


def _markdown(journal: Journal, owner: Owner | None, labels: Labels) -> str:
    if owner is None:
        return export_markdown(journal, labels=labels)
    if owner.kind == "interview":
        return export_markdown(journal, interview_id=owner.id)
    return export_markdown(journal, owner.id, labels=labels)


def run_show(context: Context, args: argparse.Namespace) -> int:
    """Print one session or real interview as Markdown."""
    try:
        journal = existing_journal()
        if journal is None:
            return fail(_missing(args.id))
        with journal:
            text = _markdown(journal, find_owner(journal, args.id), _labels(context))
    except JournalError as error:
        return fail(str(error))
    sys.stdout.write(text)
    return 0


def _export(journal: Journal, args: argparse.Namespace, labels: Labels) -> str:
    owner = None if args.id is None else find_owner(journal, args.id)
    if args.format != "json":
        return _markdown(journal, owner, labels)
    if owner is None:
        return export_json(journal)
    if owner.kind == "interview":
        return export_json(journal, interview_id=owner.id)
    return export_json(journal, owner.id)


def run_export(context: Context, args: argparse.Namespace) -> int:
    """Write one session or real interview, or the whole journal, as Markdown or JSON."""
    try:
        journal = existing_journal()
        if journal is None:
            if args.id is not None:
                return fail(_missing(args.id))
            empty = JournalDocument()
            text = document_text(empty) if args.format == "json" else journal_markdown([])
        else:
            with journal:
                text = _export(journal, args, _labels(context) if args.format != "json" else {})
        write_output(text, args.output)
    except JournalError as error:
        return fail(str(error))
    return 0


def import_words(report: ImportReport) -> str:
    """What an import did, in a sentence."""
    parts = [
        ("session", report.sessions),
        ("real interview", report.real_interviews),
        ("study topic", report.study_items),
        ("interviewer's prep note", report.prep_notes),
    ]
    added = [counted(counts.imported, name) for name, counts in parts if counts.imported]
    kept = sum(counts.skipped for _, counts in parts)
    if not added:
        text = "Nothing new to import"
    else:
        listed = ", ".join(added[:-1]) + (" and " if len(added) > 1 else "") + added[-1]
        text = f"Imported {listed}"
    if kept:
        text += f"; {kept} already in the journal were left as they were"
    return text + "."


def run_import(context: Context, args: argparse.Namespace) -> int:
    """Add what a JSON export holds and this journal does not."""
    path = Path(args.file)
    if not path.is_file():
        return fail(f"{path} does not exist or is not a file")
    try:
        document = load_document(path)  # read first: a bad file creates no journal
        with Journal.open(locations.journal_file()) as journal:
            report = journal.import_document(document)
    except JournalError as error:
        return fail(str(error))
    sys.stderr.write(import_words(report) + "\n")
    return 0


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """Register ``log`` and its subcommands."""
    verbs = add_group(
        commands,
        common,
        "log",
        "the journal: sessions, real interviews, follow-ups; export, import, calendar",
    )

    listing = verbs.add("list", run_list, "list sessions, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.add_argument("--limit", type=int, metavar="N", help="show at most N sessions")

    show = verbs.add("show", run_show, "print one session or real interview as Markdown")
    add_owner_argument(show)

    export = verbs.add(
        "export",
        run_export,
        "export the journal, or one session or real interview, as Markdown or JSON",
    )
    add_owner_argument(export, "the whole journal")
    export.add_argument(
        "--format", choices=("md", "json"), default="md", help="the output format (default md)"
    )
    add_output_option(export)

    importing = verbs.add(
        "import",
        run_import,
        "add what a JSON export holds to this journal (nothing here is changed)",
    )
    importing.add_argument("file", help="a file written by log export --format json")

    log_reminders.add_parsers(verbs)
