"""Keystroke to screen update in the answer editor, in-process with Textual's Pilot.

A small host app holds the app's own :class:`AnswerEditor` (a TextArea) loaded with a long
answer. Each key is sent through Pilot, and the time until the next frame is produced is
taken. Textual's headless driver skips turning a frame into terminal output, so the host
does that work itself (``render_segments``), as a real terminal session would.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from typing import Any

from benchmarks.corpus import VERBS, WORDS

TYPED = "the quick brown fox jumps over the lazy dog "
SIZE = (120, 40)
"""The host app's terminal size: the editor fills it, the worst case for redrawing."""


def long_answer(words: int, seed: int = 5) -> str:
    """``words`` words of answer text, in paragraphs of about a hundred words."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    left = words
    while left > 0:
        size = min(left, rng.randint(60, 140))
        chosen = [rng.choice(WORDS if index % 4 else VERBS) for index in range(size)]
        paragraphs.append(" ".join(chosen).capitalize() + ".")
        left -= size
    return "\n\n".join(paragraphs)


def _plain_editor() -> Any:
    from textual.widgets import TextArea

    # The answer editor's settings, without anything it adds.
    return TextArea(id="answer", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)


def _app_editor() -> tuple[Any, str]:
    try:
        from simulator.tui.widgets.answer_editor import AnswerEditor
    except ImportError:
        return _plain_editor(), "TextArea (no AnswerEditor yet)"
    return AnswerEditor(id="answer"), "AnswerEditor"


async def _measure(words: int, keys: int, make: Callable[[], Any]) -> list[float]:
    from textual._compositor import CompositorUpdate
    from textual.app import App, ComposeResult
    from textual.screen import Screen

    frames: list[float] = []

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield make()

        def _display(self, screen: Screen[Any], renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.console)
            frames.append(time.perf_counter())

    app = Host()
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one("#answer")
        text = long_answer(words)
        if hasattr(editor, "load"):
            editor.load("benchmark", text)
        else:
            editor.load_text(text)
            editor.move_cursor(editor.document.end)
        editor.focus()
        await pilot.pause()
        for index in range(keys):
            key = TYPED[index % len(TYPED)]
            key = "space" if key == " " else key
            before = len(frames)
            started = time.perf_counter()
            await pilot.press(key)
            deadline = started + 1.0
            while len(frames) == before and time.perf_counter() < deadline:
                await asyncio.sleep(0.0005)
            if len(frames) > before:
                latencies.append(frames[before] - started)
        await pilot.pause()
    return latencies


def keystroke_latencies(words: int, keys: int = 60) -> tuple[list[float], str]:
    """Seconds from each key press to the frame showing it in the app's answer editor,
    and the editor's name."""
    name = _app_editor()[1]
    return asyncio.run(_measure(words, keys, lambda: _app_editor()[0])), name


def plain_latencies(words: int, keys: int = 60) -> list[float]:
    """The same for a plain TextArea with the answer editor's settings (the floor)."""
    return asyncio.run(_measure(words, keys, _plain_editor))
