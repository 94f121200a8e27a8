"""The command line's quick path to the app: the same options as the full parser, sooner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from simulator.cli import _app_options, build_parser

WORDS = ["--packs", "--no-cache", "folder", "--packs=other", "-h", "--version", "packs", "-x"]


@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_the_quick_path_reads_exactly_what_the_full_parser_reads(argv: list[str]) -> None:
    quick = _app_options(argv)
    if quick is None:
        return  # the full parser reads it, and explains what is wrong if anything is
    args = build_parser().parse_args(argv)
    assert args.command is None
    assert (getattr(args, "pack_dirs", []), args.no_cache) == quick


def test_commands_help_and_mistakes_go_to_the_full_parser() -> None:
    for argv in (["packs", "list"], ["--help"], ["--version"], ["--packs"], ["--pack", "x"]):
        assert _app_options(argv) is None, argv
    assert _app_options(["--packs", "a", "--no-cache", "--packs=b"]) == (
        [Path("a"), Path("b")],
        True,
    )


def test_opening_the_app_does_not_build_the_full_parser(home: Path, tmp_path: Path) -> None:
    program = (
        "import sys\n"
        "import simulator.cli, simulator.tui.app\n"
        "def opened(context):\n"
        "    print('argparse' in sys.modules, context.extra_pack_dirs, context.use_cache)\n"
        "    return 0\n"
        "simulator.tui.app.run_app = opened\n"
        f"sys.exit(simulator.cli.main(['--packs', {str(tmp_path)!r}, '--no-cache']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env={**os.environ, "MOCK_INTERVIEW_HOME": str(home)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"False [{Path(tmp_path)!r}] False"
