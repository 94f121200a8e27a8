"""Exporting from the summary and from the history: one rule for the file name (issue 14).

Never overwrite, never refuse: a second export with the same interviewer on the same day
goes to a file of its own (``-2``, ``-3`` ...), and the notice names the file written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.summary import SummaryScreen

from tui_helpers import START, finished_session, notices, open_session, settle, wait_for

AppFactory = Callable[..., MockInterviewApp]


def base_name(persona: str) -> str:
    """The first export of a session with ``persona`` started at START."""
    return f"mock-interview-{time.strftime('%Y-%m-%d', time.localtime(START))}-{persona}"


async def test_summary_x_writes_a_second_export_of_the_day_to_a_file_of_its_own(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    earlier = tmp_path / f"{base_name('rigorous-tech-lead')}.md"
    earlier.write_text("an earlier session with Priya today", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="summary")
        assert isinstance(app.screen, SummaryScreen)
        second = tmp_path / f"{base_name('rigorous-tech-lead')}-2.md"
        await pilot.press("x")
        await wait_for(pilot, second.exists)
        await wait_for(pilot, lambda: any("Exported" in n for n in notices(app)))
        assert earlier.read_text(encoding="utf-8") == "an earlier session with Priya today"
        assert second.read_text(encoding="utf-8").startswith("# Mock interview with")
        assert any(n.startswith("Exported") and str(second) in n for n in notices(app))
        assert not any("Not exported" in n for n in notices(app))
        third = tmp_path / f"{base_name('rigorous-tech-lead')}-3.md"
        await pilot.press("x")
        await wait_for(pilot, third.exists)
        await wait_for(pilot, lambda: any(str(third) in n for n in notices(app)))


async def test_history_x_follows_the_same_rule_as_the_summary(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        practice = finished_session(app)
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        first = tmp_path / f"{base_name('rigorous-tech-lead')}.md"
        second = tmp_path / f"{base_name('rigorous-tech-lead')}-2.md"
        await pilot.press("x")
        await wait_for(pilot, first.exists)
        text = first.read_text(encoding="utf-8")
        assert practice.session.id in text
        first.write_text("mine", encoding="utf-8")
        await pilot.press("x")
        await wait_for(pilot, second.exists)
        await wait_for(pilot, lambda: any(str(second) in n for n in notices(app)))
        assert first.read_text(encoding="utf-8") == "mine"
        assert second.read_text(encoding="utf-8") == text
        assert {path.name for path in tmp_path.iterdir()} == {first.name, second.name}
