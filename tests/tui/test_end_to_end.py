"""Whole sessions by keys only: from home to summary, then into the journal and the export."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Static

from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.home import HomeScreen

from tui_helpers import burst, settle

MakeApp = Callable[..., MockInterviewApp]

HOSTILE = "[@click=app.quit] [link=file:///etc/passwd]x[/link] [/] [b"


def hostile_pack() -> str:
    text = f'"{HOSTILE}"'
    return f"""\
format: 1
id: hostile
title: {text}
kind: behavioral
description: {text}
authors: [{text}]
rubric: hostile-rubric
rubrics:
  - id: hostile-rubric
    title: {text}
    description: {text}
    criteria:
      - id: c1
        label: {text}
        description: {text}
        levels:
          1: {text}
          5: {text}
questions:
  - id: q1
    prompt: {text}
    clarification: {text}
    hints: [{text}]
    talking_points: [{text}]
    keywords: [{text}]
    follow_ups: [{text}]
    sample_answer: {text}
  - id: q2
    kind: follow-up
    prompt: {text}
    checklist: [{text}]
    due: 24h
    hints: [{text}]
candidate_questions: [{text}]
personas:
  - id: hostile-persona
    name: {text}
    role: {text}
    description: {text}
    greeting: {text}
    closing: {text}
    instructions: {text}
    next_steps: {text}
    transitions: [{text}]
    probes: [{text}]
    follow_up_rate: 1.0
    plan:
      - stage: prep
        title: {text}
      - stage: intro
      - stage: pitch
        time_limit: 60
      - stage: questions
        title: {text}
        count: 2
        packs: [hostile]
      - stage: your-questions
      - stage: wrap-up
"""


def texts_on_screen(app: MockInterviewApp) -> str:
    """Everything the screen's text widgets hold, as plain text."""
    found: list[str] = []
    for widget in app.screen.query(Widget):
        if isinstance(widget, Static):
            found.append(str(widget.render()))
        elif isinstance(widget, OptionList):
            found += [
                str(widget.get_option_at_index(index).prompt)
                for index in range(widget.option_count)
            ]
    return "\n".join(found)


async def click_everything(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    """Click every visible widget showing pack text; nothing may quit or open."""
    screen = app.screen
    for widget in list(screen.query(Static)):
        if widget.display and widget.region.area and "[@click" in str(widget.render()):
            await pilot.click(widget)
    await pilot.pause()
    assert app.is_running
    assert app.screen is screen or not isinstance(app.screen, HomeScreen)


async def run_whole_session(app: MockInterviewApp, pilot: Pilot[int], check: bool) -> None:
    """Drive a session from the home screen to the summary and home again, by keys."""
    await settle(app, pilot)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("enter")  # the highlighted interviewer
    await settle(app, pilot)
    practice = app.practice
    assert practice is not None
    session = practice.session
    seen: set[str] = set()

    async def visit(name: str) -> None:
        if check and name not in seen:
            seen.add(name)
            assert HOSTILE in texts_on_screen(app), name
            await click_everything(app, pilot)

    await visit("prep")
    await burst(pilot, *"Team")
    await pilot.press("ctrl+s")
    while session.phase == "stages":
        await pilot.pause()
        step = session.step()
        await visit(f"{step.stage_kind}:{step.question.source if step.question else ''}")
        if step.question is not None:
            if step.question.hints_total:
                await pilot.press("ctrl+t")
            await burst(pilot, *"Led it; 20% faster.")
            await pilot.press("ctrl+s")
        elif step.stage_kind == "your-questions":
            await burst(pilot, *"Goals?", "enter", "ctrl+s", "ctrl+s")
        else:
            await pilot.press("ctrl+s")
    await pilot.pause()
    while session.phase == "self-score":
        item = session.score_item()
        assert item is not None
        from_pack = item.answer["source"] in ("question", "follow-up")
        if from_pack:  # a pitch has the engine's prompt and a built-in rubric
            await visit(f"self-score:{item.answer['source']}")
        await burst(pilot, *["4"] * len(item.rubric.criteria))
        if check and from_pack:
            assert HOSTILE in texts_on_screen(app)  # talking points and sample answer
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert session.phase == "reflection"
    await burst(pilot, *"Clear")
    await pilot.press("tab", *"Shorter")
    await pilot.press("tab", *"Calm")
    await pilot.press("tab", *"Design", "enter")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert session.phase == "follow-up"
    await visit("follow-up")
    await burst(pilot, *"Thanks: platform team.")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert session.phase == "summary"
    await visit("summary")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert isinstance(app.screen, HomeScreen)


async def test_complete_session_by_keys_reaches_journal_and_export(
    make_app: MakeApp, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await run_whole_session(app, pilot, check=False)
        assert app.journal is not None
        (summary,) = app.journal.list_sessions()
        snapshot = app.journal.load_session(summary.id)
        assert snapshot is not None
        assert snapshot["phase"] == "done"
        answered = [a for a in snapshot["answers"] if not a["skipped"]]
        assert answered
        assert all(a["scores"] and set(a["scores"].values()) == {4} for a in answered)
        assert snapshot["reflection"]["went_well"] == "Clear"
        assert snapshot["reflection"]["topics"] == ["Design"]
        assert snapshot["reminders"]
        assert any("platform team" in text for text in snapshot["thank_you_drafts"].values())
        assert [item.topic for item in app.journal.study_list()] == ["Design"]
        session_id = summary.id
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "log", "export", session_id, "--format", "md"],
        capture_output=True,
        text=True,
        env={**os.environ, "MOCK_INTERVIEW_HOME": str(home)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    markdown = result.stdout
    assert "Led it; 20% faster." in markdown
    assert "Clear" in markdown
    assert "Design" in markdown
    assert "Thank" in markdown


async def test_hostile_pack_is_literal_on_every_screen(make_app: MakeApp, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(hostile_pack(), encoding="utf-8")
    app = make_app(Context.create([folder]))
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(app, pilot)
        assert app.library is not None
        entry = app.library.persona("hostile-persona")
        assert entry is not None and entry.usable, entry
        options = app.screen.query_one("#personas", OptionList)
        index = next(
            i
            for i in range(options.option_count)
            if options.get_option_at_index(i).id == "hostile-persona"
        )
        options.highlighted = index
        await pilot.pause()
        assert HOSTILE in texts_on_screen(app)
        await click_everything(app, pilot)
        options.focus()
        options.highlighted = index
        await pilot.pause()
        await run_whole_session(app, pilot, check=True)
        assert app.is_running
