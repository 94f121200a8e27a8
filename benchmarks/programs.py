"""The programs the benchmark starts in fresh interpreters.

``python benchmarks/programs.py bare``
    The floor for first paint and memory: a Textual app that paints one word.
``python benchmarks/programs.py parse FILE...``
    The floor for reading packs: ``yaml.load(..., Loader=yaml.CSafeLoader)`` of each file.
``python benchmarks/programs.py history FILE``
    mock-interview's app (home from ``MOCK_INTERVIEW_HOME``). Once home has loaded the
    packs and the journal and settled, it writes ``time.monotonic()`` to FILE and opens
    the history screen, as pressing h would. Exits with status 3 when the app has no
    history screen.

None of these change anything in the app: they only start it, as the command line does.
"""

from __future__ import annotations

import sys

BARE_WORD = "Ready"
NO_HISTORY = 3


def bare() -> int:
    """A Textual app that paints one word and waits."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(BARE_WORD)

    Bare().run()
    return 0


def parse(paths: list[str]) -> int:
    """Read each file with libyaml's safe loader, the way a plain script would."""
    import yaml

    for path in paths:
        with open(path, encoding="utf-8") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)
    return 0


def history(stamp: str) -> int:
    """The app at home; once settled, history is opened and the moment recorded."""
    import asyncio
    import time
    from pathlib import Path

    from simulator.services.context import Context
    from simulator.tui.app import create_app

    app = create_app(Context.create())
    if not hasattr(app, "action_history"):
        return NO_HISTORY

    async def open_history(pilot: object) -> None:
        while getattr(app, "journal", None) is None or getattr(app, "library", None) is None:
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.5)  # home reads the journal's news; let it finish
        Path(stamp).write_text(repr(time.monotonic()), encoding="ascii")
        app.action_history()

    app.run(auto_pilot=open_history)  # type: ignore[arg-type]
    return 0


def main(argv: list[str]) -> int:
    """Run the program named by the first argument."""
    mode, rest = argv[0], argv[1:]
    if mode == "bare":
        return bare()
    if mode == "parse":
        return parse(rest)
    if mode == "history":
        return history(rest[0])
    sys.stderr.write(f"unknown program {mode!r}\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
