"""Fast: the home screen does not wait for the packs, and packs are parsed once, then cached.

(How fast, against an empty Textual app and libyaml, is measured by ``benchmarks/run.py``;
see docs/performance.md. These tests prove the two mechanisms that make it so.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from simulator.packs import library as library_module
from simulator.packs import yamlread
from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.home import HomeScreen

from tui_helpers import settle

MakeApp = Callable[..., MockInterviewApp]


async def test_the_home_screen_appears_before_the_packs_are_loaded(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    original = Context.load_library

    def slow_load(self: Context, on_pack: Any = None) -> Any:
        release.wait(20)  # packs that take as long as the test likes to load
        return original(self, on_pack=on_pack)

    monkeypatch.setattr(Context, "load_library", slow_load)
    app = make_app()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert app.library is None
            status = str(app.screen.query_one("#status", Static).render())
            assert "Loading packs" in status
            release.set()
            await settle(app, pilot)
            assert app.library is not None and app.library.personas
            assert "questions in" in str(app.screen.query_one("#status", Static).render())
    finally:
        release.set()


def test_packs_are_parsed_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    past = time.time() - 3600  # not "racy": written well before they were cached
    for number in range(200):
        path = folder / f"pack-{number:03d}.yaml"
        path.write_text(
            f"format: 1\nid: pack-{number:03d}\ntitle: Pack {number}\nkind: technical\n"
            f"questions:\n  - id: q\n    prompt: Question {number}?\n",
            encoding="utf-8",
        )
        os.utime(path, (past, past))

    reads: list[Path] = []
    parses: list[Path] = []
    read_text, load_pack_text = yamlread.read_text, library_module.load_pack_text

    def counted_read(path: Path) -> str:
        if path.parent == folder:  # the built-in packs may have been written just now
            reads.append(path)
        return read_text(path)

    def counted_parse(path: Path, text: str) -> Any:
        if path.parent == folder:
            parses.append(path)
        return load_pack_text(path, text)

    monkeypatch.setattr(library_module, "read_text", counted_read)
    monkeypatch.setattr(yamlread, "read_text", counted_read)
    monkeypatch.setattr(library_module, "load_pack_text", counted_parse)

    first = Context.create([folder]).load_library()
    assert len(first.packs) >= 200 and not first.errors
    assert len(parses) == 200

    reads.clear()
    parses.clear()
    second = Context.create([folder]).load_library()  # the next start
    assert [loaded.pack.id for loaded in second.packs] == [
        loaded.pack.id for loaded in first.packs
    ]
    assert second.packs[5].pack == first.packs[5].pack
    assert parses == [] and reads == [], "a cached pack was read or parsed again"


@pytest.mark.cold_cache
def test_a_warm_start_reads_only_the_cache_and_never_imports_the_yaml_parser(
    home: Path,
) -> None:
    # Neither PyYAML nor pydantic (with the pack models, about 10 MB) is needed to read the
    # cache; the app's own modules are imported too, so none of them brings either in.
    program = (
        "import sys\n"
        "import simulator.tui.app\n"
        "from simulator.services.context import Context\n"
        "library = Context.create().load_library()\n"
        "assert library.packs and not library.errors, library.errors\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'pydantic')))\n"
    )
    environment = {**os.environ, "MOCK_INTERVIEW_HOME": str(home)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", program],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    # The first start parses the built-in packs; the next one finds them all in the cache.
    assert "'yaml'" in runs[0], runs
    assert runs[1] == "[]", runs
