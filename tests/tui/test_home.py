"""The home screen, driven with Pilot through the same factory the command line uses."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TabbedContent

from simulator.common import locations
from simulator.packs.library import Library, LoadProgress
from simulator.services.context import Context
from simulator.tui import startup as app_module
from simulator.tui.app import MockInterviewApp, create_app
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.pack_browser import PackBrowserScreen

from tui_helpers import settle

Size = tuple[int, int]

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
    track: "[red]t[/red]"
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


def option_rows(app: MockInterviewApp) -> list[tuple[str, bool]]:
    """Each line of the interviewer list, and whether it is a heading (disabled)."""
    options = app.screen.query_one("#personas", OptionList)
    found = [options.get_option_at_index(i) for i in range(options.option_count)]
    return [(str(option.prompt), option.disabled) for option in found]


def option_texts(app: MockInterviewApp) -> list[str]:
    options = app.screen.query_one("#personas", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_home_lists_builtin_personas() -> None:
    app = create_app(Context.create())
    async with app.run_test(size=(80, 24)) as pilot:
        library = await loaded(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        texts = [text for text, disabled in option_rows(app) if not disabled]
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
        assert ("[red]t[/red]", True) in option_rows(app)  # its track's heading
        options = app.screen.query_one("#personas", OptionList)
        index = next(i for i, text in enumerate(texts) if "[b]x[/b]" in text)
        options.highlighted = index
        await pilot.pause()
        detail = str(app.screen.query_one("#persona-detail", Static).render())
        assert "[b]x[/b], [@click=app.quit]" in detail
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


def hold_loading(
    monkeypatch: pytest.MonkeyPatch, *, after_interviewers: bool
) -> tuple[threading.Event, threading.Event]:
    """Make the packs load until told to go on (``release``): right after the first pack
    with interviewers, or before any pack is read. ``reached`` is set when it waits."""
    reached, release = threading.Event(), threading.Event()
    original = Context.load_library
    # Listing as packs are read normally waits 0.1 s, which a held load never reaches.
    monkeypatch.setattr(app_module, "EARLY_LIST_AFTER", 0.0)

    def held(self: Context, on_pack: Any = None) -> Library:
        def step(progress: LoadProgress) -> None:
            if not after_interviewers and not reached.is_set():
                reached.set()
                release.wait(20)
            on_pack(progress)
            if progress.loaded is not None and progress.loaded.pack.personas:
                reached.set()
                release.wait(20)  # the remaining packs take as long as the test likes

        return original(self, on_pack=step)

    monkeypatch.setattr(Context, "load_library", held)
    return reached, release


async def started_session(app: MockInterviewApp, pilot: Pilot[int]) -> str:
    """The persona id of the session the app starts (waits for its screen)."""
    for _ in range(200):
        await pilot.pause(0.02)
        if app.practice is not None and not isinstance(app.screen, HomeScreen):
            await app.workers.wait_for_complete()
            await pilot.pause()
            persona = app.practice.session.persona
            assert persona is not None
            return persona.id
    raise AssertionError("no session was started")


async def test_interviewers_are_listed_while_the_packs_still_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reached, release = hold_loading(monkeypatch, after_interviewers=True)
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

            release.set()
            library = await loaded(app, pilot)
            await pilot.pause()
            texts = option_texts(app)
            names = [entry.persona.name for entry in library.personas]
            assert all(any(name in text for text in texts) for name in names)
            assert not any("(checking…)" in text for text in texts)
            detail = str(app.screen.query_one("#persona-detail", Static).render())
            assert "Ready to start." in detail or "Cannot start" in detail
    finally:
        release.set()


async def test_enter_while_loading_starts_the_highlighted_interviewer_once_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reached, release = hold_loading(monkeypatch, after_interviewers=True)
    app = create_app(Context.create())
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                if reached.is_set() and len(option_texts(app)) > 1:
                    break
            await pilot.press("down", "enter")  # the second interviewer, too early to start
            await pilot.pause()
            options = app.screen.query_one("#personas", OptionList)
            assert options.highlighted is not None
            wanted = options.get_option_at_index(options.highlighted).id
            assert app.library is None and app.practice is None
            assert any("starts as soon as" in str(n.message) for n in app._notifications)

            release.set()
            assert await started_session(app, pilot) == wanted
    finally:
        release.set()


async def test_enter_before_any_interviewer_is_listed_starts_the_first_once_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reached, release = hold_loading(monkeypatch, after_interviewers=False)
    app = create_app(Context.create())
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                if reached.is_set():
                    break
            assert not option_texts(app)
            await pilot.press("enter")
            await pilot.pause()
            assert app.practice is None

            release.set()
            library = await loaded(app, pilot)
            first = next(entry for entry in library.personas if entry.usable)
            assert await started_session(app, pilot) == first.persona.id
    finally:
        release.set()


TRACKS = Path(__file__).parent / "fixtures" / "tracks"
"""Fourteen interviewers in seven tracks (the built-in packs change as they are written)."""


@pytest.fixture
def tracks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture's interviewers stand in for the built-in packs."""
    monkeypatch.setattr(locations, "builtin_packs_dir", lambda: TRACKS)


def home_snapshot(
    snap_compare: Callable[..., bool], make_app: Callable[..., MockInterviewApp], size: Size
) -> bool:
    async def ready(pilot: Pilot[int]) -> None:
        await settle(pilot.app, pilot)  # type: ignore[arg-type]

    return snap_compare(make_app(), terminal_size=size, run_before=ready)


@pytest.mark.usefixtures("tracks")
def test_home_snapshot_80x24(
    snap_compare: Callable[..., bool], make_app: Callable[..., MockInterviewApp]
) -> None:
    assert home_snapshot(snap_compare, make_app, (80, 24))


@pytest.mark.usefixtures("tracks")
def test_home_snapshot_60x20(
    snap_compare: Callable[..., bool], make_app: Callable[..., MockInterviewApp]
) -> None:
    assert home_snapshot(snap_compare, make_app, (60, 20))


@pytest.mark.usefixtures("tracks")
def test_home_snapshot_120x40(
    snap_compare: Callable[..., bool], make_app: Callable[..., MockInterviewApp]
) -> None:
    assert home_snapshot(snap_compare, make_app, (120, 40))


@pytest.mark.usefixtures("tracks")
async def test_interviewers_are_grouped_by_track_and_t_jumps_between_tracks(
    make_app: Callable[..., MockInterviewApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        rows = [(text.strip(), disabled) for text, disabled in option_rows(app)]
        headings = [text for text, disabled in rows if disabled]
        assert headings[0] == "General"
        assert headings[1:] == sorted(headings[1:], key=str.casefold) and len(headings) == 7
        assert sum(not disabled for _, disabled in rows) == 14
        options = app.screen.query_one("#personas", OptionList)
        assert options.highlighted == 1  # the first interviewer, not the heading
        await pilot.press("t")
        assert rows[options.highlighted or 0][0] == "Ines Duarte"  # Cybersecurity's first
        await pilot.press("up")  # the cursor skips the heading above
        assert rows[options.highlighted or 0][0] == "Malik Sorensen"
        for _ in range(7):
            await pilot.press("t")
        assert options.highlighted == 1  # round from the last track to the first
        await pilot.press("t", "t", "enter")
        await settle(app, pilot)
        assert app.practice is not None and app.practice.session.persona is not None
        assert app.practice.session.persona.id == "analytics-manager"
