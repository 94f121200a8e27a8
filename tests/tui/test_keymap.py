"""The keymap of config.json, applied by Textual: other keys for the app's actions."""

from __future__ import annotations

import json
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from simulator.common import locations
from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.keys import KEYS, shown_key
from simulator.tui.screens.command_palette import CommandPalette
from simulator.tui.screens.help import HelpScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.interview import InterviewScreen
from simulator.tui.widgets.key_footer import KeyFooter

from tui_helpers import burst, open_session, settle

MakeApp = Callable[..., MockInterviewApp]


def write_config(settings: dict[str, object]) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(settings), encoding="utf-8")


def notices(app: MockInterviewApp) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


async def on_to_the_question(app: MockInterviewApp, pilot: Pilot[int], key: str) -> None:
    """From the greeting, ``key`` (continue's, as the keymap has it) until a question."""
    assert app.practice is not None
    for _ in range(10):
        if app.practice.session.step().question is not None:
            return
        await pilot.press(key)
        await pilot.pause()
    raise AssertionError(f"{key} did not go on to a question")


async def test_a_keymap_moves_submit_to_f5(make_app: MakeApp) -> None:
    """The interview's continue between questions shares submit's row, key and id."""
    write_config({"keymap": {"submit": "f5"}})
    app = make_app(Context.create())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead")
        await pilot.press("ctrl+s")  # the prep screen's continue is not submit
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) and app.practice is not None
        session = app.practice.session
        await pilot.press("ctrl+s")  # no longer goes on from the greeting
        await pilot.pause()
        assert session.step().question is None
        await on_to_the_question(app, pilot, "f5")
        first = session.current_answer()
        assert first is not None
        footer = app.screen.query_one(KeyFooter)
        assert ("f5", "Submit") in footer.shown_keys()
        await burst(pilot, *"An answer")
        await pilot.press("ctrl+s")  # the old key: Textual's keymap replaces it
        await pilot.pause()
        assert session.answer(first["id"])["submitted_at"] is None
        await pilot.press("f5")
        await pilot.pause()
        done = session.answer(first["id"])
        assert done["submitted_at"] is not None and done["text"] == "An answer"
        assert not notices(app)  # nothing was wrong with the keymap


async def test_bad_entries_are_named_and_the_app_starts_with_the_rest(make_app: MakeApp) -> None:
    write_config({"keymap": {"sbumit": "f5", "hint": 3, "history": "y"}})
    app = make_app(Context.create())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        told = notices(app)
        path = str(locations.config_file())
        assert len(told) == 2 and all(path in message for message in told), told
        assert any("'sbumit' is not a binding id" in message for message in told)
        assert any("'hint' must be text" in message for message in told)
        await pilot.press("y")  # the good entry applies
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_a_keymap_that_is_not_an_object_leaves_the_usual_keys(make_app: MakeApp) -> None:
    write_config({"theme": "nord", "keymap": "submit=f5"})
    app = make_app(Context.create())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord"  # the other settings still apply
        assert any("keymap must be an object" in message for message in notices(app))
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_a_key_given_to_one_action_is_taken_from_the_other(make_app: MakeApp) -> None:
    """Textual's rule, as the README says: ctrl+r submits, and clarify has no key left."""
    write_config({"keymap": {"submit": "ctrl+r"}})
    app = make_app(Context.create())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await on_to_the_question(app, pilot, "ctrl+r")
        assert app.practice is not None
        first = app.practice.session.current_answer()
        assert first is not None
        await burst(pilot, *"Mine")
        await pilot.press("ctrl+r")
        await pilot.pause()
        done = app.practice.session.answer(first["id"])
        assert done["submitted_at"] is not None and done["clarifications"] == 0


def help_rows(app: MockInterviewApp) -> list[tuple[str, str]]:
    """The help screen's (key, what it does) rows, in order."""
    keys = [str(w.render()) for w in app.screen.query(".help-key").results(Static)]
    whats = [str(w.render()) for w in app.screen.query(".help-what").results(Static)]
    return list(zip(keys, whats, strict=True))


async def test_help_shows_the_keys_the_keymap_gave(make_app: MakeApp) -> None:
    """Help must not send someone to a key that the keymap took away."""
    write_config({"keymap": {"submit": "f5", "hint": "f6,ctrl+g", "score-3": "x"}})
    app = make_app(Context.create())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app)
        assert ("f5", "Submit the answer; between questions: continue") in rows
        assert not any(key == "ctrl+s" and what.startswith("Submit") for key, what in rows)
        hint = next(key for key, what in rows if what.startswith("Show a hint"))
        assert hint == "f6/ctrl+g"
        score = next(key for key, what in rows if what == "Score the highlighted criterion")
        assert score == "1-5 (score-3: x)"
        # What the keymap left alone is shown as it always is.
        assert ("ctrl+r", "Ask for clarification") in rows


def test_shown_key_follows_the_keymap_part_by_part() -> None:
    history = next(e for e in KEYS if e.ids == ("previous-answer", "next-answer"))
    assert shown_key(history, {}) == "pageup/pagedown"
    assert shown_key(history, {"next-answer": "n,j"}) == "pageup/n/j"


async def test_the_footer_shows_the_palette_where_the_keymap_put_it(make_app: MakeApp) -> None:
    write_config({"keymap": {"palette": "f9"}})
    app = make_app(Context.create())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        hint = app.screen.query(FooterKey).filter(".-command-palette")
        assert [key.key_display for key in hint.results(FooterKey)] == ["f9"]
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
