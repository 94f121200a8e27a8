"""Notices are about what was on screen: moving to another answer or screen clears them."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.notifications import Notification
from textual.screen import Screen
from textual.widgets import Static

from simulator.tui.app import MockInterviewApp
from simulator.tui.notices import FRESH_FOR, clear_stale_notices, notify_once
from simulator.tui.screens.self_score import SelfScoreScreen

from tui_helpers import burst, open_session, to_first_question

MakeApp = Callable[..., MockInterviewApp]


def messages(app: App[object]) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


async def test_the_next_question_clears_the_last_ones_notices(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        app.notify("About the first answer")
        app.notify("Could not save", severity="error")
        await pilot.pause(FRESH_FOR + 0.2)
        await burst(pilot, *"An answer", "ctrl+s")
        await pilot.pause()
        assert messages(app) == ["Could not save"]  # errors stay until they time out


async def test_moving_to_another_answer_in_self_scoring_clears_notices(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="self-score")
        assert isinstance(app.screen, SelfScoreScreen)
        await pilot.press("pageup")  # the first answer: says so
        await pilot.pause()
        assert any("first answer" in text for text in messages(app))
        await pilot.pause(FRESH_FOR + 0.2)
        await pilot.press("pagedown")
        await pilot.pause()
        assert messages(app) == []
        # A notice raised by the key that moves is about the move, and stays.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("unscored" in text for text in messages(app))


class Other(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("another screen")


async def test_another_screen_clears_older_notices(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.notify("About the home screen")
        await pilot.pause(FRESH_FOR + 0.2)
        app.notify("Just now")
        await pilot.pause()
        app.push_screen(Other())
        await pilot.pause()
        assert messages(app) == ["Just now"]


def test_only_old_information_and_warnings_go() -> None:
    app: App[None] = App()
    now = time.time()
    for text, severity, age in [
        ("old", "information", 2.0),
        ("old warning", "warning", 2.0),
        ("old error", "error", 2.0),
        ("new", "information", 0.1),
    ]:
        # app.notify only posts a message; the app adds the notice when it handles it.
        notice = Notification(text, severity=severity, raised_at=now - age)  # type: ignore[arg-type]
        app._notifications.add(notice)
    assert clear_stale_notices(app, now=now) == 2
    assert sorted(str(n.message) for n in app._notifications) == ["new", "old error"]


async def test_a_failure_told_again_is_not_stacked() -> None:

    app: App[None] = App()
    async with app.run_test() as pilot:
        assert notify_once(app, "The disk is full.", title="Saving", severity="error")
        await pilot.pause()
        assert not notify_once(app, "The disk is full.", title="Saving", severity="error")
        assert notify_once(app, "Something else.", title="Saving")
        await pilot.pause()
        assert messages(app) == ["The disk is full.", "Something else."]


def test_a_notice_raised_after_the_last_key_stays_however_slow_the_move() -> None:
    class Slow(App[None]):
        last_input_at = 0.0

    app = Slow()
    now = time.time()
    app.last_input_at = now - 3.0  # the key that moved, three seconds ago on a loaded machine
    for text, age in [("before the key", 4.0), ("raised by the key's work", 2.0)]:
        app._notifications.add(Notification(text, raised_at=now - age))
    assert clear_stale_notices(app, now=now) == 1
    assert [str(n.message) for n in app._notifications] == ["raised by the key's work"]
