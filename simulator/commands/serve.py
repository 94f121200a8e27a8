"""``mock-interview serve``: the app in a web browser, through textual-serve (an extra).

textual-serve runs a shell command line for each browser tab that connects, so the app is
started as ``python -m simulator ...`` with this run's pack folders and cache setting, and
the same ``MOCK_INTERVIEW_HOME``. The page comes from ``serve_page/app_index.html``, our own
template: textual-serve's loads a font from the internet, ours loads nothing from anywhere
but this server.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from simulator.common import locations
from simulator.common.safetext import for_terminal
from simulator.services.context import Context

DEFAULT_HOST = "127.0.0.1"
"""Only this computer can reach the app unless ``--host`` says otherwise."""
DEFAULT_PORT = 8000
"""textual-serve's usual port."""
PAGE_FOLDER = Path(__file__).resolve().parent / "serve_page"
"""Our page template (``app_index.html``, the name textual-serve asks for)."""
INSTALL_HINT = (
    'error: the browser mode needs an extra package: pip install "mock-interview[serve]"\n'
)
"""What ``serve`` says when textual-serve is not installed."""


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """Register ``serve``."""
    serve = commands.add_parser(
        "serve", parents=[common], help="open the app in a web browser (needs the serve extra)"
    )
    serve.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, metavar="N", help="the port to use"
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="H",
        help=f"the address to listen on (default {DEFAULT_HOST}: this computer only)",
    )
    serve.set_defaults(run=run_serve)


def port_number(text: str) -> int:
    """A TCP port from the command line, 1 to 65535."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return number


def app_arguments(context: Context, python: str = sys.executable) -> list[str]:
    """The command line that runs the app as this run would: the same pack folders (made
    absolute) and the same cache setting."""
    words = [python, "-m", "simulator"]
    if not context.use_cache:
        words.append("--no-cache")
    for folder in context.extra_pack_dirs:
        words += ["--packs", str(Path(folder).expanduser().resolve())]
    return words


def shell_line(words: Sequence[str]) -> str:
    """``words`` as one command line for the platform's shell (textual-serve runs it so)."""
    if os.name == "nt":
        return subprocess.list2cmdline(words)
    return shlex.join(words)


def pinned_home(environ: Mapping[str, str]) -> str | None:
    """``MOCK_INTERVIEW_HOME`` made absolute, or None when it is not set."""
    value = environ.get(locations.HOME_VARIABLE, "").strip()
    return str(Path(value).expanduser().resolve()) if value else None


def is_local(host: str) -> bool:
    """Whether only this computer can reach ``host``."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def print_command_plainly(console: Any) -> None:
    """Make textual-serve's console print its "Serving <command line>" line as plain text.

    textual-serve prints that line as Rich markup, so a pack folder such as ``my[/b]packs``
    in the command line stopped ``serve`` with a markup error before it listened. Only that
    line changes (its other lines are markup on purpose), and Rich is not imported here:
    below the TUI nothing is (see the import contracts in pyproject.toml).
    """
    show = console.print

    def plain(*objects: Any, **options: Any) -> None:
        if any(isinstance(item, str) and item.startswith("Serving ") for item in objects):
            options["markup"] = False
        show(*objects, **options)

    console.print = plain


def run_serve(context: Context, args: argparse.Namespace) -> int:
    """Serve the app over HTTP until interrupted."""
    try:
        from textual_serve.server import Server
    except ImportError:
        sys.stderr.write(INSTALL_HINT)
        return 1
    home = pinned_home(os.environ)
    if home is not None:  # each tab's app inherits this process's environment
        os.environ[locations.HOME_VARIABLE] = home
    if not is_local(args.host):
        sys.stderr.write(
            for_terminal(
                f"warning: {args.host} may be reachable from other computers, and the app "
                "asks no password: anyone who can reach it can read and change your journal\n"
            )
        )
    server = Server(
        shell_line(app_arguments(context)),
        host=args.host,
        port=args.port,
        title="mock-interview",
        templates_path=PAGE_FOLDER,
    )
    print_command_plainly(server.console)
    try:
        server.serve()
    except OSError as error:
        sys.stderr.write(
            for_terminal(f"error: cannot serve on {args.host}:{args.port}: {error}\n")
        )
        return 1
    return 0
