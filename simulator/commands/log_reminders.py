"""``mock-interview log reminders ...`` and ``log calendar``: the follow-ups from the shell.

``log reminders`` lists them; ``done``, ``snooze`` and ``close`` act on one by its id, as
the app's follow-up screen does; ``log calendar`` writes the open ones as an iCalendar file.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

from simulator.commands.log_common import (
    add_output_option,
    add_owner_argument,
    change,
    fail,
    print_rows,
    read,
    write_output,
)
from simulator.commands.parsing import Run, Verbs
from simulator.common.names import counted
from simulator.common.safetext import one_line
from simulator.engine.timing import due_words
from simulator.journal import Journal, JournalError, Reminder
from simulator.journal.ical import calendar_text
from simulator.services import follow_ups
from simulator.services.context import Context
from simulator.services.follow_ups import CalendarExport, duration_words, find_reminder

SHORT_ID = 8
"""How much of a reminder's id the list shows (a unique start of an id is enough)."""


def _local(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _origin(reminder: Reminder) -> str:
    origin = "real interview" if reminder.source == "interview" else "practice with"
    return f"{origin} {one_line(reminder.persona_name)}"


def _reminder_line(reminder: Reminder, now: float) -> str:
    """One reminder as a line: its id, when, what, for whom, and where it comes from."""
    shown = reminder.shown_due_at
    when = due_words(shown, now)
    if reminder.is_snoozed(now):
        when += " (snoozed)"
    return (
        f"{reminder.id[:SHORT_ID]}  {_local(shown)}  {when}  {one_line(reminder.title)}  "
        f"({_origin(reminder)})"
    )


def _practice_note(hidden: int, left_out: str, option: str) -> None:
    """Say on stderr (so scripts reading the output never take it as data) how many
    practice follow-ups were ``left_out`` and what ``option`` does."""
    if hidden:
        drills = f"{counted(hidden, 'follow-up')} from practice sessions"
        sys.stderr.write(f"Not {left_out}: {drills} (drills); --practice {option} them too.\n")


def run_reminders(context: Context, args: argparse.Namespace) -> int:
    """Print the follow-ups that are due (or, with --all, every open one), soonest first:
    real interviews' only, unless --practice asks for practice sessions' drills too."""
    now = time.time()
    practice = bool(args.practice)

    def reading(journal: Journal) -> tuple[list[Reminder], int]:
        if args.all:
            found = journal.open_reminders(practice=practice)
        else:
            found = journal.due_reminders(now, practice=practice)
        left_out = 0 if practice else journal.practice_reminder_count(now, due=not args.all)
        return found, left_out

    try:
        nothing: tuple[list[Reminder], int] = ([], 0)
        reminders, hidden = read(reading, nothing)
    except JournalError as error:
        return fail(str(error))
    print_rows(
        [reminder.to_json(now) for reminder in reminders],
        args.json,
        [_reminder_line(reminder, now) for reminder in reminders],
        "No follow-ups to do right now.\n" if not args.all else "No open follow-ups.\n",
    )
    if not args.json:
        _practice_note(hidden, "listed", "lists")
    return 0


def _missing(reminder_id: str) -> str:
    return f"no follow-up with id {reminder_id} (mock-interview log reminders --all lists them)"


def _report(act: Callable[[Journal], str], reminder_id: str) -> int:
    """Act on one follow-up and print what that did, or say why it could not be done."""
    try:
        sys.stdout.write(change(act, _missing(reminder_id)) + "\n")
    except JournalError as error:
        return fail(str(error))
    return 0


def run_done(context: Context, args: argparse.Namespace) -> int:
    """Mark one follow-up done."""

    def done(journal: Journal) -> str:
        reminder = find_reminder(journal, args.id)
        if not follow_ups.mark_done(journal, reminder, time.time()):
            when = _local(reminder.done_at or 0.0)
            return f"Already done (on {when}): {one_line(reminder.title)}"
        return f"Done: {one_line(reminder.title)} ({_origin(reminder)})"

    return _report(done, args.id)


def run_snooze(context: Context, args: argparse.Namespace) -> int:
    """Hide one follow-up for a while (a day unless --for says otherwise)."""
    seconds: float = args.length

    def snooze(journal: Journal) -> str:
        reminder = find_reminder(journal, args.id)
        until = follow_ups.snooze(journal, reminder, seconds, time.time())
        return (
            f"Snoozed for {duration_words(seconds)}, until {_local(until)}: "
            f"{one_line(reminder.title)}"
        )

    return _report(snooze, args.id)


def run_close(context: Context, args: argparse.Namespace) -> int:
    """Close the process a follow-up belongs to: none of its follow-ups comes due again."""

    def close(journal: Journal) -> str:
        reminder = find_reminder(journal, args.id)
        closed = follow_ups.close_process(journal, reminder)
        name = one_line(reminder.persona_name)
        if not closed:
            return f"The process with {name} was closed already."
        count = counted(closed, "follow-up")
        return f"Closed the process with {name}: {count} will not come due again."

    return _report(close, args.id)


def run_calendar(context: Context, args: argparse.Namespace) -> int:
    """Write the open follow-ups as an iCalendar file (to stdout, or to a file)."""

    def export(journal: Journal) -> CalendarExport:
        owner = None if args.id is None else follow_ups.find_owner(journal, args.id)
        return follow_ups.follow_up_calendar(
            journal, owner, practice=args.practice, kind="todo" if args.todo else "event"
        )

    try:
        if args.id is None:
            found = read(export, CalendarExport(calendar_text([]), 0, 0))
        else:
            found = change(export, f"no session or real interview with id {args.id}")
        count = f" ({counted(found.count, 'follow-up')})"
        write_output(found.text, args.output, count)
    except JournalError as error:
        return fail(str(error))
    if not found.count:
        sys.stderr.write("No open follow-ups: the calendar is empty.\n")
    _practice_note(found.left_out, "included", "adds")
    return 0


def _duration(text: str) -> float:
    try:
        return follow_ups.parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


ONE_FOLLOW_UP: tuple[tuple[str, Run, str, str], ...] = (
    (
        "done",
        run_done,
        "mark one follow-up done",
        "Mark one follow-up done, as d does on the app's follow-up screen.",
    ),
    (
        "snooze",
        run_snooze,
        "hide one follow-up for a while (a day by default)",
        "Hide one follow-up for a while: it comes due again when the snooze "
        "ends, counted from when it would next come up (a day unless --for says otherwise).",
    ),
    (
        "close",
        run_close,
        "close the process a follow-up belongs to",
        "Close the process a follow-up belongs to (when you have heard back or "
        "moved on): none of its follow-ups comes due again.",
    ),
)
"""The verbs of ``log reminders`` that act on one follow-up, given by its id: (name, what
runs it, its line in the list of verbs, the top of its own help)."""


def _add_verbs(reminders: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    verbs = Verbs(reminders.add_subparsers(dest="reminder_verb", metavar="COMMAND"), common)
    added: dict[str, argparse.ArgumentParser] = {}
    for name, run, summary, description in ONE_FOLLOW_UP:
        added[name] = verbs.add(name, run, summary, description)
        added[name].add_argument(
            "id",
            help="the follow-up's id, or a unique start of it (log reminders --all lists them)",
        )
    added["snooze"].add_argument(
        "--for",
        dest="length",
        type=_duration,
        default=follow_ups.SNOOZE_DEFAULT,
        metavar="LENGTH",
        help="how long: 90m, 12h, 3d, 2w, 1d12h ... (default 1d)",
    )


def add_parsers(verbs: Verbs) -> None:
    """Register ``log reminders`` (with done, snooze and close) and ``log calendar``."""
    reminders = verbs.add(
        "reminders",
        run_reminders,
        "list the follow-ups that are due (thank-you notes, inquiries, check-ins); "
        "mark one done, snooze it or close its process",
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
    _add_verbs(reminders, verbs.common)

    calendar = verbs.add(
        "calendar",
        run_calendar,
        "the open follow-ups as an iCalendar file, to import into a calendar",
    )
    add_owner_argument(calendar, "every real interview's")
    add_output_option(calendar)
    calendar.add_argument(
        "--practice",
        action="store_true",
        help="also practice sessions' follow-ups (drills, left out by default)",
    )
    calendar.add_argument(
        "--todo", action="store_true", help="write to-dos with due times instead of events"
    )
