"""The ``mock-interview`` command line (a stable interface: scripts and tests rely on it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from simulator import __version__
from simulator.commands import log as log_commands
from simulator.commands import packs as packs_commands
from simulator.context import Context

PROGRAM = "mock-interview"


def _common_options() -> argparse.ArgumentParser:
    """Options every command accepts, wherever they are written."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--packs",
        dest="pack_dirs",
        action="append",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="also load packs from DIR (repeatable)",
    )
    common.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        parents=[common],
        description="Practise job interviews offline, in your terminal. "
        "With no command, opens the app.",
        epilog="MOCK_INTERVIEW_HOME=DIR keeps all data, settings and cache under DIR.",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="parse every pack again instead of using the cache"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    packs_commands.add_parser(commands, common)
    log_commands.add_parser(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    context = Context.create(getattr(args, "pack_dirs", []), use_cache=not args.no_cache)
    for warning in context.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    try:
        if args.command is None:
            from simulator.tui.app import run_app

            return run_app(context)
        code: int = args.run(context, args)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the command line never shows a traceback
        sys.stderr.write(f"error: {error}\n")
        return 1
