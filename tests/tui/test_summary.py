"""The summary screen, driven by keys: what it shows, export to Markdown, finishing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.follow_up import FollowUpScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.summary import SummaryScreen, bar

from tui_helpers import START, notices, open_session, wait_for

AppFactory = Callable[..., MockInterviewApp]


def screen_text(app: MockInterviewApp) -> str:
    """Everything the current screen's static texts show, as plain text."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def test_bar_fills_in_proportion() -> None:
    assert str(bar(5.0)) == "██████████ 5.0"
    assert str(bar(1.0)) == "██░░░░░░░░ 1.0"
    assert str(bar(3.0, width=4)) == "██░░ 3.0"


async def test_summary_exports_and_finishes(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="summary")
        session = practice.session
        session.set_reflection(went_well="[b]bold?[/b] no", topics=["[@click=app.quit]"])
        practice.saved()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        screen.refresh_view()
        await pilot.pause()
        summary = session.summary()
        text = screen_text(app)
        # The counts add up as read: questions, then the follow-ups asked about them, then
        # every answer given (to both), in the words of the one table of names.
        assert (
            f"Questions asked\n{summary.questions}\n"
            f"Follow-up questions\n{summary.follow_ups}\n"
            f"Answers given\n{summary.answered}\n"
        ) in text
        assert summary.answered == summary.questions + summary.follow_ups - summary.skipped
        assert "Follow-ups\n" not in text  # the plan's letters have their own heading
        for score in summary.scores.by_criterion:
            assert score.label in text
        for tag in summary.scores.by_tag:
            assert tag.tag in text
        assert "[b]bold?[/b] no" in text
        assert "[@click=app.quit]" in text
        assert "Send a thank-you note to Priya" in text

        # x exports this session to the current folder...
        date = time.strftime("%Y-%m-%d", time.localtime(START))
        target = tmp_path / f"mock-interview-{date}-rigorous-tech-lead.md"
        await pilot.press("x")
        await wait_for(pilot, target.exists)
        await wait_for(pilot, lambda: any("Exported" in n for n in notices(app)))
        exported = target.read_text(encoding="utf-8")
        assert "Priya" in exported
        assert "\\[b\\]bold?\\[/b\\] no" in exported  # escaped: it renders as typed
        # ...and never overwrites a file that is already there: the next goes beside it.
        target.write_text("mine", encoding="utf-8")
        await pilot.press("x")
        second = tmp_path / f"mock-interview-{date}-rigorous-tech-lead-2.md"
        await wait_for(pilot, second.exists)
        assert target.read_text(encoding="utf-8") == "mine"
        assert not any("Not exported" in n for n in notices(app))

        # Escape goes back to the follow-up plan, ctrl+s there returns to the summary.
        await pilot.press("escape")
        await pilot.pause()
        assert session.phase == "follow-up"
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)

        # ctrl+s finishes the session and goes home.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert practice.session.phase == "done"
        assert app.practice is None
        assert isinstance(app.screen, HomeScreen)
        assert app.writer is not None and app.journal is not None
        app.writer.flush()
        saved = app.journal.load_session(session.id)
        assert saved is not None
        assert saved["phase"] == "done"
        assert app.journal.unfinished_sessions() == []
