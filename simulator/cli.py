"""The ``mock-interview`` command line (a stable interface: scripts and tests rely on it)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from simulator import __version__
from simulator.common.safetext import TerminalStream, for_terminal
from simulator.services.context import Context

if TYPE_CHECKING:
    import argparse

PROGRAM = "mock-interview"


def _common_options() -> argparse.ArgumentParser:
    """Options every command accepts, wherever they are written."""
    import argparse

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
    import argparse

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
    from simulator.commands import serve as serve_commands
    from simulator.commands import voice as voice_commands

    packs_commands.add_parser(commands, common)
    log_commands.add_parser(commands, common)
    voice_commands.add_parser(commands, common)
    serve_commands.add_parser(commands, common)
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
        sys.stderr.write(
            for_terminal(f"error: there is no interviewer {args.persona!r} (installed: {known})\n")
        )
        return 1
    if not entry.usable:
        sys.stderr.write(
            for_terminal(f"error: {args.persona} cannot be started: {entry.reason}\n")
        )
        return 1
    missing = [pack for pack in args.session_packs if library.pack(pack) is None]
    if missing:
        sys.stderr.write(for_terminal(f"error: no installed pack {', '.join(missing)}\n"))
        return 1
    from simulator.services.practice import StartOptions
    from simulator.tui.app import run_app

    options = StartOptions(args.persona, tuple(args.session_packs), args.questions, args.seed)
    return run_app(context, options)


def _app_options(argv: Sequence[str]) -> tuple[list[Path], bool] | None:
    """The pack folders and whether to skip the cache, when the command line only opens the
    app (``--packs DIR`` and ``--no-cache``, nothing else); None otherwise.

    Read by hand because building the full parser imports argparse and every command's
    module: that would delay the app's first paint. Anything unusual is left to the full
    parser, which explains it.
    """
    pack_dirs: list[Path] = []
    no_cache = False
    words = iter(argv)
    for word in words:
        if word == "--no-cache":
            no_cache = True
        elif word == "--packs":
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None
            pack_dirs.append(Path(value))
        elif word.startswith("--packs="):
            pack_dirs.append(Path(word.removeprefix("--packs=")))
        else:
            return None
    return pack_dirs, no_cache


@contextmanager
def _safe_output() -> Iterator[None]:
    """Standard output and error pass through :func:`for_terminal` while commands run, so no
    text they print (a pack's, the journal's, a file name, an error) can hold a raw control
    byte. The app itself draws on the real streams."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, TerminalStream(saved[0]))
    sys.stderr = cast(TextIO, TerminalStream(saved[1]))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    app_options = _app_options(arguments)
    args: argparse.Namespace | None = None
    if app_options is None:
        with _safe_output():  # argparse's own messages repeat what was typed
            args = build_parser().parse_args(arguments)
        pack_dirs, no_cache = getattr(args, "pack_dirs", []), args.no_cache
    else:
        pack_dirs, no_cache = app_options
    context = Context.create(pack_dirs, use_cache=not no_cache)
    for warning in context.warnings:
        sys.stderr.write(for_terminal(f"warning: {warning}\n"))
    try:
        if args is None or args.command is None:
            from simulator.tui.app import run_app

            return run_app(context)
        # practice opens the app and serve draws textual-serve's banner: both need the real
        # streams, and word their own errors safely.
        with nullcontext() if args.command in ("practice", "serve") else _safe_output():
            code: int = args.run(context, args)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the command line never shows a traceback
        sys.stderr.write(for_terminal(f"error: {error}\n"))
        return 1
