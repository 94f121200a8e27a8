"""Keystroke to frame while typing steadily in a real session, with autosave running.

The app itself (``MockInterviewApp``, in-process with Pilot) opens a session with the
built-in packs and goes to its first question; then keys are pressed at a steady pace, as
someone typing an answer would, while the countdown ticks and the answer editor's autosave
writes drafts through the journal writer's thread. For each key the time is taken until
the next frame (turned into terminal output, as :mod:`benchmarks.editor` does). The
baseline is a plain ``TextArea`` typed into at the same pace, with nothing saved.

Pressing a key only after the previous one has been drawn would hide the cost of work that
runs between keys (saving, the countdown); keys here are due at fixed times, whatever
happened before, so a slow save shows as a late frame.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

from benchmarks.editor import SIZE, TYPED, long_answer

INTERVAL = 0.125
"""Seconds between keys: 8 a second, about 95 words a minute, a fast steady typist."""
PERSONA = "rigorous-tech-lead"
"""A built-in interviewer whose first stages lead to a question."""


@dataclass
class Typing:
    """What one steady-typing run measured."""

    latencies: list[float]
    """Seconds from each key press to the frame that followed it."""
    drafts: int = 0
    """Drafts the journal wrote while typing (proof that autosave ran)."""
    editor: str = ""
    """The widget typed into."""


def _frames_host(base: type[Any], frames: list[float]) -> type[Any]:
    """``base`` with every frame turned into terminal output and its time recorded."""
    from textual._compositor import CompositorUpdate

    class Host(base):  # type: ignore[misc,valid-type]
        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.console)
            frames.append(time.perf_counter())

    return Host


async def _type_steadily(
    pilot: Any, frames: list[float], keys: int, interval: float
) -> list[float]:
    latencies: list[float] = []
    due = time.perf_counter()
    for index in range(keys):
        due += interval
        while time.perf_counter() < due:
            await asyncio.sleep(0.001)
        key = TYPED[index % len(TYPED)]
        before = len(frames)
        started = time.perf_counter()
        await pilot.press("space" if key == " " else key)
        deadline = started + 1.0
        while len(frames) == before and time.perf_counter() < deadline:
            await asyncio.sleep(0.0005)
        if len(frames) > before:
            latencies.append(frames[before] - started)
    return latencies


async def _to_first_question(app: Any, pilot: Any, words: int) -> Any:
    """Start a session with :data:`PERSONA`, press ctrl+s until a question is asked, and
    put ``words`` words of answer in its editor (as if typed, so they are saved too)."""
    from simulator.services.practice import StartOptions

    for _ in range(500):
        if app.library is not None and app.writer is not None:
            break
        await asyncio.sleep(0.01)
    app.start_practice(StartOptions(PERSONA, seed=7))
    for _ in range(500):
        await pilot.pause(0.01)
        if app.practice is not None:
            break
    for _ in range(20):
        if app.practice.session.step().question is not None:
            break
        await pilot.press("ctrl+s")
        await pilot.pause(0.05)
    await pilot.pause(0.2)
    editor = app.screen.query_one("AnswerEditor")
    editor.focus()
    if words:
        editor.insert(long_answer(words) + " ")
        await pilot.pause(1.0)  # its first autosave
    return editor


async def _app_run(keys: int, interval: float, words: int) -> Typing:
    from simulator.journal.store import Journal
    from simulator.services.context import Context
    from simulator.tui.app import MockInterviewApp

    frames: list[float] = []
    drafts = 0
    original = Journal.save_draft

    def counted(self: Journal, *args: Any, **kwargs: Any) -> Any:
        nonlocal drafts
        drafts += 1
        return original(self, *args, **kwargs)

    Journal.save_draft = counted  # type: ignore[method-assign]
    try:
        app = _frames_host(MockInterviewApp, frames)(Context.create())
        async with app.run_test(size=SIZE) as pilot:
            editor = await _to_first_question(app, pilot, words)
            drafts = 0
            latencies = await _type_steadily(pilot, frames, keys, interval)
            await pilot.pause(1.2)  # the last autosave
            typed = drafts
            await app.action_quit()
        return Typing(latencies, typed, type(editor).__name__)
    finally:
        Journal.save_draft = original  # type: ignore[method-assign]


async def _plain_run(keys: int, interval: float, words: int) -> Typing:
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    frames: list[float] = []

    class Plain(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(id="answer", soft_wrap=True, tab_behavior="focus")

    app = _frames_host(Plain, frames)()
    async with app.run_test(size=SIZE) as pilot:
        area = app.query_one("#answer", TextArea)
        area.focus()
        if words:
            area.insert(long_answer(words) + " ")
        await pilot.pause()
        latencies = await _type_steadily(pilot, frames, keys, interval)
    return Typing(latencies, 0, "TextArea")


def steady_typing(keys: int, words: int, interval: float = INTERVAL) -> Typing:
    """Type ``keys`` keys, one every ``interval`` seconds, after ``words`` words of answer,
    into the app's answer editor during a session."""
    return asyncio.run(_app_run(keys, interval, words))


def plain_typing(keys: int, words: int, interval: float = INTERVAL) -> Typing:
    """The same into a plain TextArea (the floor)."""
    return asyncio.run(_plain_run(keys, interval, words))
