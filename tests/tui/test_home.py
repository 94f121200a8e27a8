"""The home screen, driven with Pilot through the same factory the command line uses."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TabbedContent

from simulator.context import Context
from simulator.packs.library import Library, LoadProgress
from simulator.tui.app import MockInterviewApp, create_app
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.pack_browser import PackBrowserScreen

HOSTILE = """\
format: 1
id: hostile
title: "[b]x[/b] [@click=app.quit]"
kind: behavioral
questions:
  - id: q1
    prompt: "[link=file:///etc/passwd]x[/link] [/] [b"
personas:
  - id: hostile-persona
    name: "[b]x[/b]"
    role: "[@click=app.quit]"
    description: "[link=file:///etc/passwd]x[/link] [/] [b"
    plan:
      - stage: intro
      - stage: questions
        packs: [hostile]
"""


async def loaded(app: MockInterviewApp, pilot: Pilot[int]) -> Library:
    await app.workers.wait_for_complete()
    for _ in range(20):
        if app.library is not None:
            break
        await pilot.pause()  # let the worker's message arrive
    assert app.library is not None
    return app.library


def option_texts(app: MockInterviewApp) -> list[str]:
    options = app.screen.query_one("#personas", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_home_lists_builtin_personas() -> None:
    app = create_app(Context.create())
    async with app.run_test(size=(80, 24)) as pilot:
        library = await loaded(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        texts = option_texts(app)
        assert len(texts) == len(library.personas) > 0
        for entry in library.personas:
            assert any(entry.persona.name in text for text in texts)
        status = app.screen.query_one("#status", Static)
        assert "packs" in str(status.render())


async def test_markup_in_packs_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    app = create_app(Context.create([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.pause()
        texts = option_texts(app)
        assert any("[b]x[/b]" in text and "[@click=app.quit]" in text for text in texts)
        options = app.screen.query_one("#personas", OptionList)
        index = next(i for i, text in enumerate(texts) if "[b]x[/b]" in text)
        options.highlighted = index
        await pilot.pause()
        detail = str(app.screen.query_one("#persona-detail", Static).render())
        assert "[link=file:///etc/passwd]x[/link] [/] [b" in detail
        await pilot.click("#persona-detail")
        await pilot.click("#personas")
        assert app.is_running


async def test_broken_pack_is_listed_as_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "broken.yaml").write_text("format: 1\nid: broken\ntitle: [unclosed\n")
    app = create_app(Context.create([folder]))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.pause()
        status = str(app.screen.query_one("#status", Static).render())
        assert "1 problem(s) with packs: press e" in status
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PackBrowserScreen)
        assert app.screen.query_one(TabbedContent).active == "problems"
        problems = str(app.screen.query_one("#browser-problems", Static).render())
        assert f"{folder / 'broken.yaml'}:" in problems
        assert "not valid YAML" in problems
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_interviewers_are_listed_while_the_packs_still_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reached, release = threading.Event(), threading.Event()
    original = Context.load_library

    def held_after_first_interviewers(self: Context, on_pack: Any = None) -> Library:
        def step(progress: LoadProgress) -> None:
            on_pack(progress)
            if progress.loaded is not None and progress.loaded.pack.personas:
                reached.set()
                release.wait(20)  # the remaining packs take as long as the test likes

        return original(self, on_pack=step)

    monkeypatch.setattr(Context, "load_library", held_after_first_interviewers)
    app = create_app(Context.create())
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                if reached.is_set() and option_texts(app):
                    break
            assert app.library is None
            texts = option_texts(app)
            assert texts and all("(checking…)" in text for text in texts)
            status = str(app.screen.query_one("#status", Static).render())
            assert status.startswith("Loading packs…") and " of " in status
            await pilot.pause()
            detail = str(app.screen.query_one("#persona-detail", Static).render())
            assert "Stages:" in detail and "Still loading packs" in detail

            await pilot.press("enter")  # too early to start: said so, nothing breaks
            await pilot.pause()
            assert any("Still loading packs" in str(n.message) for n in app._notifications)
            assert isinstance(app.screen, HomeScreen)

            release.set()
            library = await loaded(app, pilot)
            await pilot.pause()
            texts = option_texts(app)
            assert len(texts) == len(library.personas)
            assert not any("(checking…)" in text for text in texts)
            detail = str(app.screen.query_one("#persona-detail", Static).render())
            assert "Ready to start." in detail or "Cannot start" in detail
    finally:
        release.set()
