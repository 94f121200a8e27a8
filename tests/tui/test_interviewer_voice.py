"""The interviewer reads their lines aloud when the voice is on (a fake speech program keeps
the lines it was asked to say), and the palette turns the voice on and off."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from voice_fakes import Fakes, until

from simulator.common import locations
from simulator.services.context import Context
from simulator.services.voice_setting import interviewer_speaks, set_interviewer_speaks
from simulator.tui.app import MockInterviewApp
from simulator.tui.commands import interviewer_voice_command
from simulator.tui.interviewer_voice import toggle_interviewer_voice

from tui_helpers import open_session, to_first_question

MakeApp = Callable[..., MockInterviewApp]


def app_with_voice(make_app: MakeApp, fakes: Fakes, *, on: bool) -> MockInterviewApp:
    context = Context.create()
    context.voice = fakes.kit()
    if on:
        set_interviewer_speaks(context.config, True)
    return make_app(context)


async def test_the_greeting_questions_and_clarifications_are_read_aloud(
    make_app: MakeApp,
) -> None:
    fakes = Fakes()
    app = app_with_voice(make_app, fakes, on=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead")
        assert app.practice is not None
        session = app.practice.session
        await pilot.press("ctrl+s")  # prep -> greeting
        greeting = session.step().line
        assert greeting
        await until(pilot, lambda: greeting.strip() in fakes.speaker.lines[0])
        while session.step().question is None:
            await pilot.press("ctrl+s")
            await pilot.pause()
        question = session.step().question
        assert question is not None
        await until(pilot, lambda: question.prompt in fakes.speaker.lines[-1])
        said = len(fakes.speaker.lines)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: len(fakes.speaker.lines) == said + 1)
        asides = getattr(app.screen, "asides", [])
        assert asides and asides[-1][0] == "Clarification"
        assert fakes.speaker.lines[-1] == asides[-1][1].strip()
        await pilot.pause(0.1)
        assert len(fakes.speaker.lines) == said + 1  # each line is said once


async def test_nothing_is_said_while_recording(make_app: MakeApp) -> None:
    fakes = Fakes()
    app = app_with_voice(make_app, fakes, on=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        screen = app.screen
        await until(pilot, lambda: getattr(screen, "voice_state", "") == "idle")
        await until(pilot, lambda: bool(fakes.speaker.lines))
        said, stops = len(fakes.speaker.lines), fakes.speaker.stops
        await pilot.press("f2")
        await until(pilot, lambda: getattr(screen, "voice_state", "") == "recording")
        await until(pilot, lambda: fakes.speaker.stops > stops)  # quiet for the answer
        await pilot.press("ctrl+r")
        await pilot.pause(0.2)
        assert len(fakes.speaker.lines) == said
        await pilot.press("f2")
        await until(pilot, lambda: getattr(screen, "voice_state", "") == "idle")


async def test_with_the_voice_off_nothing_is_said(make_app: MakeApp) -> None:
    fakes = Fakes()
    app = app_with_voice(make_app, fakes, on=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        await pilot.press("ctrl+r")
        await pilot.pause(0.2)
        assert fakes.speaker.lines == []


async def test_the_palette_turns_the_voice_on_and_remembers_it(
    make_app: MakeApp, home: Path
) -> None:
    fakes = Fakes()
    app = app_with_voice(make_app, fakes, on=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        assert interviewer_voice_command(app).name == "Interviewer voice: turn on"
        toggle_interviewer_voice(app)
        assert interviewer_speaks(app.context.config)
        assert app.practice is not None
        question = app.practice.session.step().question
        assert question is not None
        await until(pilot, lambda: any(question.prompt in line for line in fakes.speaker.lines))
        await app.workers.wait_for_complete()
        saved = json.loads(locations.config_file().read_text("utf-8"))
        assert saved["voice"] == {"interviewer_speaks": True}
        assert interviewer_voice_command(app).name == "Interviewer voice: turn off"
        stops = fakes.speaker.stops
        toggle_interviewer_voice(app)
        await until(pilot, lambda: fakes.speaker.stops > stops)
        await app.workers.wait_for_complete()
        saved = json.loads(locations.config_file().read_text("utf-8"))
        assert saved["voice"] == {"interviewer_speaks": False}
        assert "The interviewer's voice is off." in [str(n.message) for n in app._notifications]
