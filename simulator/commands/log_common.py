"""What the ``log`` commands share: reading the journal without creating it, printing rows
and errors."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from simulator.common import locations
from simulator.journal import Journal, JournalError
from simulator.journal.export import write_text_atomic

# Everything these commands print goes through simulator.common.safetext.for_terminal: the command
# line writes through TerminalStream (see simulator.cli), so journal text is shown inert.

T = TypeVar("T")


def existing_journal() -> Journal | None:
    """The journal if its file exists: reading a new home must not create it."""
    path = locations.journal_file()
    if not path.exists():
        return None
    return Journal.open(path)


def read(reading: Callable[[Journal], T], empty: T) -> T:
    """What ``reading`` finds in the journal, or ``empty`` in a home with no journal yet.
    Raises JournalError."""
    journal = existing_journal()
    if journal is None:
        return empty
    with journal:
        return reading(journal)


def change(changing: Callable[[Journal], T], missing: str) -> T:
    """What ``changing`` does to the journal; in a home with no journal yet, a JournalError
    saying ``missing`` (and no journal is created)."""
    journal = existing_journal()
    if journal is None:
        raise JournalError(missing)
    with journal:
        return changing(journal)


def print_rows(rows: list[Any], as_json: bool, lines: list[str], empty: str) -> None:
    """Rows as JSON for scripts, else one line each, or ``empty`` on stderr when none."""
    if as_json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif not lines:
        sys.stderr.write(empty)
    else:
        sys.stdout.writelines(line + "\n" for line in lines)


def add_owner_argument(verb: argparse.ArgumentParser, left_out: str | None = None) -> None:
    """Give ``verb`` the id of a session or real interview (a unique start of one will do);
    it may be left out when ``left_out`` says what the verb then covers."""
    words = "a session's or real interview's id (or a unique start)"
    if left_out is None:
        verb.add_argument("id", help=words)
    else:
        verb.add_argument("id", nargs="?", help=f"{words}; without it, {left_out}")


def add_output_option(verb: argparse.ArgumentParser) -> None:
    """Give ``verb`` the ``-o/--output FILE`` that :func:`write_output` honours."""
    verb.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not standard output")


def write_output(text: str, output: str | None, what: str = "") -> None:
    """``text`` to standard output, or to the file ``output`` (``-`` is standard output),
    saying on stderr what was written. Raises JournalError."""
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    write_text_atomic(Path(output), text)
    sys.stderr.write(f"Wrote {output}{what}\n")


def fail(message: str) -> int:
    """Print ``error: message`` on stderr; returns the exit code for it (1)."""
    sys.stderr.write(f"error: {message}\n")
    return 1
