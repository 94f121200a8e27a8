"""Home notices packs installed, removed or fixed while it is open (another terminal's
``packs install``, an editor), without a restart."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList

from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp, create_app
from simulator.tui.screens.home import HomeScreen

PACK = """\
format: 1
id: {id}
title: Watched pack
kind: behavioral
questions:
  - id: q1
    prompt: Tell me about a time you changed your mind.
  - id: q2
    prompt: Tell me about a time you disagreed with a decision.
personas:
  - id: {id}-persona
    name: {name}
    role: Team lead
    plan:
      - stage: intro
      - stage: questions
        count: 1
        packs: [{id}]
"""


@pytest.fixture(autouse=True)
def quick_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MockInterviewApp, "pack_check_seconds", 0.1, raising=False)


def names_on_home(app: MockInterviewApp) -> str:
    assert app.library is not None
    return " ".join(entry.persona.name for entry in app.library.personas)


def problems(app: MockInterviewApp) -> int:
    assert app.library is not None
    return len(app.library.errors)


async def until(check: Callable[[], bool], pilot: object, seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if check():
            return True
        await asyncio.sleep(0.05)
    return check()


async def test_a_pack_added_removed_and_fixed_reaches_home(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    app = create_app(Context.create([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(lambda: app.library is not None, pilot)
        assert "Wanjiru Watched" not in names_on_home(app)
        assert isinstance(app.screen, HomeScreen)

        (folder / "watched.yaml").write_text(
            PACK.format(id="watched", name="Wanjiru Watched"), "utf-8"
        )
        assert await until(lambda: "Wanjiru Watched" in names_on_home(app), pilot)
        await pilot.pause()
        options = app.screen.query_one("#personas", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Wanjiru Watched" in text for text in shown)
        assert any("packs changed" in note.message for note in app._notifications)

        broken = folder / "broken.yaml"
        broken.write_text("format: 1\nid: broken\ntitle: [unclosed\n", "utf-8")
        assert await until(lambda: problems(app) == 1, pilot)
        broken.write_text(PACK.format(id="broken", name="Fixed Fatima"), "utf-8")
        assert await until(lambda: problems(app) == 0, pilot)
        assert "Fixed Fatima" in names_on_home(app)

        (folder / "watched.yaml").unlink()
        assert await until(lambda: "Wanjiru Watched" not in names_on_home(app), pilot)


async def test_nothing_is_reloaded_while_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "watched.yaml").write_text(PACK.format(id="watched", name="Wanjiru"), "utf-8")
    app = create_app(Context.create([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(lambda: app.library is not None, pilot)
        first = app.library
        await asyncio.sleep(0.6)  # several checks
        await pilot.pause()
        assert app.library is first
        assert not any("packs changed" in note.message for note in app._notifications)
