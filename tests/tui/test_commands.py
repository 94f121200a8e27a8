"""The command palette's mock-interview entries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette, DiscoveryHit, Hit
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import TabbedContent

from simulator.engine.clock import FakeClock
from simulator.services.context import Context
from simulator.services.practice import Practice, StartOptions
from simulator.tui.app import MockInterviewApp
from simulator.tui.commands import MockInterviewCommands
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.pack_browser import PackBrowserScreen
from simulator.tui.screens.progress import ProgressScreen
from simulator.tui.screens.real_interview import RealInterviewsScreen
from simulator.tui.screens.reminders import RemindersScreen
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.screens.study_list import StudyListScreen

from tui_helpers import burst, settle, to_first_question

MakeApp = Callable[..., MockInterviewApp]

APP_ENTRIES = [
    "History",
    "Browse packs",
    "Pack problems",
    "Progress",
    "Review due",
    "Study list",
    "Real interviews",
    "Follow-ups",
    "Interviewer voice: turn on",
    "Export a session",
    "Export the whole journal",
    "Export follow-ups to a calendar",
    "Help",
    "Quit",
]
"""The app's own entries, after the session entries and the screen's keys."""

HOSTILE_NAME = "[@click=app.quit] [b"
HOSTILE_PACK = f"""\
format: 1
id: hostile
title: Hostile
kind: behavioral
questions:
  - id: q1
    prompt: Why?
personas:
  - id: hostile-persona
    name: "{HOSTILE_NAME}"
    plan:
      - stage: questions
        packs: [hostile]
"""


async def provider_for(app: MockInterviewApp) -> MockInterviewCommands:
    provider = MockInterviewCommands(app.screen)
    await provider.startup()
    return provider


async def discovered(app: MockInterviewApp) -> list[DiscoveryHit | Hit]:
    provider = await provider_for(app)
    return [hit async for hit in provider.discover()]


async def searched(app: MockInterviewApp, query: str) -> list[DiscoveryHit | Hit]:
    provider = await provider_for(app)
    return [hit async for hit in provider.search(query)]


async def test_discovery_lists_every_entry(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.library is not None
        texts = [hit.text for hit in await discovered(app)]
        usable = [entry.persona.name for entry in app.library.personas if entry.usable]
        assert usable
        expected = [f"Start a session with {name}" for name in usable]
        expected += ["Quick practice", "Resume the last session"]
        expected += ["Next track", *APP_ENTRIES]  # home's keys that no entry above covers
        assert texts == expected


async def test_search_finds_and_runs_history(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        hits = await searched(app, "histo")
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "History"
        best.command()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_start_and_resume_from_the_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        hits = await searched(app, "Start a session with Priya")
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Start a session with Priya"
        best.command()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        practice = app.practice
        assert (
            practice is not None
            and practice.session.snapshot()["persona_id"] == "rigorous-tech-lead"
        )
        # during a session only the other entries are offered, the screen's keys first
        texts = [hit.text for hit in await discovered(app)]
        assert texts == ["Start the interview", *APP_ENTRIES]
        app.end_session()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        resume = [hit for hit in await discovered(app) if hit.text == "Resume the last session"]
        assert resume and resume[0].help is not None and "started" in resume[0].help
        resume[0].command()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.practice is not None and app.practice.session.id == practice.session.id


async def test_quick_practice_uses_the_highlighted_interviewer(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        started: list[StartOptions] = []
        app.start_practice = started.append  # type: ignore[method-assign]
        hits = await searched(app, "quick practice")
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Quick practice"
        best.command()
        assert len(started) == 1 and started[0].question_count == 1
        home = app.screen
        assert isinstance(home, HomeScreen)
        highlighted = home.highlighted_persona()
        assert highlighted is not None and started[0].persona_id == highlighted.persona.id


async def test_persona_names_from_packs_are_literal(make_app: MakeApp, tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(HOSTILE_PACK, encoding="utf-8")
    app = make_app(Context.create([folder]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        name = f"Start a session with {HOSTILE_NAME}"
        found = [hit for hit in await discovered(app) if hit.text == name]
        assert found and isinstance(found[0].prompt, Content)
        assert found[0].prompt.plain == name
        hits = [hit for hit in await searched(app, "click") if hit.text == name]
        assert hits and isinstance(hits[0].prompt, Content) and hits[0].prompt.plain == name


async def drive_palette(app: MockInterviewApp, pilot: Pilot[int], typed: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await burst(pilot, *typed)
    for _ in range(20):  # the palette searches in the background
        await pilot.pause(0.05)
    await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_typing_in_the_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await drive_palette(app, pilot, "browse")
        assert isinstance(app.screen, PackBrowserScreen)


async def test_resume_with_nothing_to_resume_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        resume = [hit for hit in await discovered(app) if hit.text == "Resume the last session"]
        assert resume[0].help == "No unfinished session"
        resume[0].command()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.practice is None
        assert any("no unfinished" in str(n.message) for n in app._notifications)


async def test_resume_offers_the_newest_unfinished_session(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.library is not None and app.writer is not None
        clock = app.clock
        assert isinstance(clock, FakeClock)
        Practice.start(app.library, app.writer, StartOptions("hiring-manager"), clock=clock)
        clock.advance(7200)
        app.writer.flush()
        resume = [hit for hit in await discovered(app) if hit.text == "Resume the last session"]
        assert resume[0].help == "The unfinished session started 2 hours ago"


async def test_quit_saves_and_exits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        hits = await searched(app, "quit")
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "Quit"
        app.call_later(best.command)  # the way the palette runs a chosen command
        await pilot.pause()
        await pilot.pause()
    assert app.return_value == 0


async def test_long_typing_into_the_palette_stops_at_a_search_length(make_app: MakeApp) -> None:
    from textual.command import CommandInput

    from simulator.tui.screens.command_palette import MAX_SEARCH

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        search = app.screen.query_one(CommandInput)
        for _ in range(500):  # typed fast: each key a few characters
            search.insert_text_at_cursor("history ")
        await pilot.pause()
        assert len(search.value) == MAX_SEARCH


async def test_pagedown_at_once_after_ctrl_p_pages_once_the_list_is_laid_out(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", "pagedown", "pagedown")  # before the list has a size
        await pilot.pause(0.2)
        assert isinstance(app.screen, CommandPalette)
        assert not app.contained_errors
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize(
    ("entry", "screen", "tab"),
    [
        ("Progress", ProgressScreen, "criteria"),
        ("Review due", ProgressScreen, "review"),
        ("Study list", StudyListScreen, None),
        ("Real interviews", RealInterviewsScreen, None),
        ("Follow-ups", RemindersScreen, None),
        ("Pack problems", PackBrowserScreen, "problems"),
        ("Export a session", HistoryScreen, None),
    ],
)
async def test_every_screen_has_an_entry(
    make_app: MakeApp, entry: str, screen: type[Screen[None]], tab: str | None
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await drive_palette(app, pilot, entry.lower())
        assert isinstance(app.screen, screen)
        if tab is not None:
            tabs = app.screen.query_one(TabbedContent)
            assert tabs.active == tab


async def test_the_interview_keys_are_entries_too(make_app: MakeApp) -> None:
    """In a browser ctrl+t and ctrl+n never reach the app: the palette still gives a hint
    and skips the question."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        assert app.practice is not None
        session = app.practice.session
        first = session.current_answer()
        assert first is not None
        entries = {hit.text: hit for hit in await discovered(app)}
        assert {"Submit", "Clarify", "Hint", "Skip"} <= set(entries)
        assert entries["Hint"].help == "^t · Show a hint (recorded); ctrl+g works in a browser too"
        await drive_palette(app, pilot, "hint")
        assert session.answer(first["id"])["hints_shown"] == 1
        await drive_palette(app, pilot, "skip")
        assert session.answer(first["id"])["skipped"]


async def test_screenshot_is_saved_where_there_is_no_downloads_folder(
    make_app: MakeApp, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's entry saved to the Downloads folder and failed ("Failed to save
    screenshot") where there is none; the app's saves in its screenshots folder."""
    import platformdirs
    import textual.app

    missing = home / "no-such-downloads"  # and never the real one
    monkeypatch.setattr(textual.app, "user_downloads_path", lambda *a, **k: missing)
    monkeypatch.setattr(platformdirs, "user_downloads_dir", lambda *a, **k: str(missing))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await drive_palette(app, pilot, "screenshot")
        for _ in range(40):  # a timer, then a thread writes the file
            await pilot.pause(0.05)
            if list((home / "screenshots").glob("*.svg")):
                break
        shots = list((home / "screenshots").glob("*.svg"))
        assert len(shots) == 1 and shots[0].read_text(encoding="utf-8").startswith("<svg")
        messages = [str(notice.message) for notice in app._notifications]
        assert not any("Failed" in message for message in messages), messages
        assert not missing.exists()


async def test_opening_the_palette_starts_its_entries_once(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual calls the _on_mount of every class in the palette's chain, and the app's
    palette also called its base's: every provider was made and started twice, reading
    the journal twice, and the palette said it had opened twice."""
    from simulator.tui.commands import MockInterviewCommands

    started: list[object] = []
    original = MockInterviewCommands.startup

    async def counting(self: MockInterviewCommands) -> None:
        started.append(self)
        await original(self)

    monkeypatch.setattr(MockInterviewCommands, "startup", counting)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        for _ in range(10):
            await pilot.pause(0.05)
        assert isinstance(app.screen, CommandPalette)
        assert len(started) == 1
