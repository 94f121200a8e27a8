"""What every subcommand group shares on the command line."""

from __future__ import annotations

import argparse


def add_group(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    name: str,
    summary: str,
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """Register the group ``name`` (``log``, ``packs`` ...) and return the place for its
    verbs, each of which must be given (``mock-interview log`` alone shows the choices)."""
    group = commands.add_parser(name, parents=[common], help=summary)
    return group.add_subparsers(dest="verb", metavar="COMMAND", required=True)
