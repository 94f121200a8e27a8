"""The ``mock-interview`` command line (a stable interface: scripts and tests rely on it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from simulator import __version__
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
    practice = commands.add_parser(
        "practice", parents=[common], help="start a practice session straight away"
    )
    practice.add_argument("--persona", required=True, metavar="ID", help="the interviewer's id")
    practice.add_argument(
        "--pack",
        dest="session_packs",
        action="append",
        default=[],
        metavar="ID",
        help="only draw questions from this pack (repeatable)",
    )
    practice.add_argument(
        "--questions", type=int, metavar="N", help="ask N questions in each questions stage"
    )
    practice.add_argument(
        "--seed", type=int, metavar="N", help="the same seed gives the same interview"
    )
    practice.set_defaults(run=run_practice)
    from simulator.commands import log as log_commands
    from simulator.commands import packs as packs_commands

    packs_commands.add_parser(commands, common)
    log_commands.add_parser(commands, common)
    return parser


def run_practice(context: Context, args: argparse.Namespace) -> int:
    """Open the app straight into a session with the chosen interviewer."""
    if args.questions is not None and args.questions < 1:
        sys.stderr.write("error: --questions must be 1 or more\n")
        return 2
    library = context.load_library()
    entry = library.persona(args.persona)
    if entry is None:
        known = ", ".join(sorted(item.persona.id for item in library.personas)) or "none"
        sys.stderr.write(f"error: there is no interviewer {args.persona!r} (installed: {known})\n")
        return 1
    if not entry.usable:
        sys.stderr.write(f"error: {args.persona} cannot be started: {entry.reason}\n")
        return 1
    missing = [pack for pack in args.session_packs if library.pack(pack) is None]
    if missing:
        sys.stderr.write(f"error: no installed pack {', '.join(missing)}\n")
        return 1
    from simulator.practice import StartOptions
    from simulator.tui.app import run_app

    options = StartOptions(args.persona, tuple(args.session_packs), args.questions, args.seed)
    return run_app(context, options)


def _app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when the command line only opens the app (no command, no --help or
    --version), found without building the full parser: its commands import the pack
    and journal machinery, which the app loads in the background after its first paint."""
    quick = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    quick.add_argument("--packs", dest="pack_dirs", action="append", type=Path, default=[])
    quick.add_argument("--no-cache", action="store_true")
    try:
        args, rest = quick.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _app_arguments(arguments)
    if args is None:
        args = build_parser().parse_args(arguments)
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
