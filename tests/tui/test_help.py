"""The help screen and the key table it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from simulator.tui.app import MockInterviewApp
from simulator.tui.keys import (
    EVERYWHERE,
    FOLLOW_UP,
    FOLLOW_UPS,
    HELP,
    HISTORY,
    HOME,
    INTERVIEW,
    KEYS,
    PACK_BROWSER,
    PLACES,
    PROGRESS,
    REAL_INTERVIEWS,
    REFLECTION,
    SELF_SCORE,
    SESSION,
    SESSION_VIEW,
    STUDY_LIST,
    SUMMARY,
    keys_for,
)
from simulator.tui.screens.follow_up import FollowUpScreen
from simulator.tui.screens.help import HelpScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.interview import InterviewScreen
from simulator.tui.screens.pack_browser import PackBrowserScreen
from simulator.tui.screens.progress import ProgressScreen
from simulator.tui.screens.real_interview import RealInterviewsScreen
from simulator.tui.screens.real_interview_form import RealInterviewForm
from simulator.tui.screens.reflection import ReflectionScreen
from simulator.tui.screens.reminders import RemindersScreen
from simulator.tui.screens.self_score import SelfScoreScreen
from simulator.tui.screens.session_view import SessionViewScreen
from simulator.tui.screens.study_list import StudyListScreen
from simulator.tui.screens.summary import SummaryScreen

from tui_helpers import settle

MakeApp = Callable[..., MockInterviewApp]

SHOWN_AS = {"question_mark": "?"}
"""Textual key names the table writes differently."""


def table_keys(*places: str) -> set[str]:
    """The Textual key names the table lists for these places ("1-5" and "a/b" spread out)."""
    found: set[str] = set()
    for entry in KEYS:
        if entry.where not in places:
            continue
        for key in entry.key.split("/"):
            if key == "1-5":
                found.update("12345")
            else:
                found.add(key)
    return found


class Host(App[None]):
    def on_mount(self) -> None:
        self.push_screen(HelpScreen())


def test_every_entry_has_a_known_place_and_no_repeats() -> None:
    assert {entry.where for entry in KEYS} == set(PLACES)
    pairs = [(entry.key, entry.where) for entry in KEYS]
    assert len(pairs) == len(set(pairs))
    interview = {
        key for entry in KEYS if entry.where == "Interview" for key in entry.key.split("/")
    }
    assert {"ctrl+s", "ctrl+r", "ctrl+t", "ctrl+n"} <= interview
    assert ("ctrl+q", EVERYWHERE) in pairs


@pytest.mark.parametrize(
    ("screen", "places"),
    [
        (HomeScreen, (HOME,)),
        (HistoryScreen, (HISTORY,)),
        (PackBrowserScreen, (PACK_BROWSER,)),
        (SessionViewScreen, (SESSION_VIEW,)),
        (HelpScreen, (HELP,)),
        (InterviewScreen, (INTERVIEW, SESSION)),
        (SelfScoreScreen, (SELF_SCORE, SESSION)),
        (ReflectionScreen, (REFLECTION, SESSION)),
        (FollowUpScreen, (FOLLOW_UP, SESSION)),
        (SummaryScreen, (SUMMARY, SESSION)),
        (ProgressScreen, (PROGRESS,)),
        (StudyListScreen, (STUDY_LIST,)),
        (RealInterviewsScreen, (REAL_INTERVIEWS,)),
        (RealInterviewForm, (REAL_INTERVIEWS,)),
        (RemindersScreen, (FOLLOW_UPS,)),
    ],
)
def test_screen_bindings_are_in_the_table(screen: type[Screen[Any]], places: tuple[str]) -> None:
    listed = table_keys(*places, EVERYWHERE)
    for binding in screen.BINDINGS:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            assert SHOWN_AS.get(key, key) in listed, (screen.__name__, key)


async def test_help_lists_every_key_and_closes() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        places = [str(s.render()) for s in app.screen.query(".help-place").results(Static)]
        assert places == [place for place in PLACES if keys_for(place)]
        keys = [str(s.render()) for s in app.screen.query(".help-key").results(Static)]
        whats = [str(s.render()) for s in app.screen.query(".help-what").results(Static)]
        shown = list(zip(keys, whats, strict=True))
        assert shown == [(entry.key, entry.what) for place in PLACES for entry in keys_for(place)]
        await pilot.press("pagedown", "end")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        for key in ("f1", "question_mark"):
            app.push_screen(HelpScreen())
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


async def test_f1_opens_help_in_the_app(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")  # f1 again does not stack a second help
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("b", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PackBrowserScreen)
