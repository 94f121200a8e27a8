"""What every subcommand group shares on the command line: each verb takes the options
every command takes, and names the function that runs it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.services.context import Context

Run = Callable[["Context", argparse.Namespace], int]
"""What runs a verb: given the context and the parsed arguments, it gives the exit status."""


@dataclass(frozen=True)
class Verbs:
    """Where a group's verbs are registered."""

    place: argparse._SubParsersAction[argparse.ArgumentParser]
    """The group's subcommands."""
    common: argparse.ArgumentParser
    """The options every command accepts."""

    def add(
        self, name: str, run: Run, summary: str, description: str | None = None
    ) -> argparse.ArgumentParser:
        """Register the verb ``name``, run by ``run``: ``summary`` says what it does in its
        group's help, ``description`` (if given) atop its own; its arguments are added to
        the parser returned."""
        verb = self.place.add_parser(
            name, parents=[self.common], help=summary, description=description
        )
        verb.set_defaults(run=run)
        return verb


def add_group(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    name: str,
    summary: str,
) -> Verbs:
    """Register the group ``name`` (``log``, ``packs`` ...) and return the place for its
    verbs, each of which must be given (``mock-interview log`` alone shows the choices)."""
    group = commands.add_parser(name, parents=[common], help=summary)
    return Verbs(group.add_subparsers(dest="verb", metavar="COMMAND", required=True), common)
