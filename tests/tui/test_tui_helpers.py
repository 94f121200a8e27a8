"""The test helpers' own promises: a burst sends the keys Pilot's presses send."""

from __future__ import annotations

import string

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from tui_helpers import burst

KEYS = [*string.ascii_letters, *string.digits, *string.punctuation, " "]
KEYS += ["space", "enter", "tab", "ctrl+s", "escape", "up", "shift+tab", "f1"]


class Recorder(App[None]):
    """Records every key it is given (nothing on it takes focus)."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[str, str | None]] = []

    def on_key(self, event: events.Key) -> None:
        self.keys.append((event.key, event.character))


async def test_a_burst_sends_the_keys_pilot_sends() -> None:
    pressed, burst_app = Recorder(), Recorder()
    async with pressed.run_test() as pilot:
        await pilot.press(*KEYS)
    async with burst_app.run_test() as pilot:
        await burst(pilot, *KEYS)
    assert burst_app.keys == pressed.keys
    assert len(pressed.keys) == len(KEYS)


class Editor(App[None]):
    """A text area, focused."""

    def compose(self) -> ComposeResult:
        yield TextArea()


async def test_a_burst_types_every_character_into_a_text_box() -> None:
    app = Editor()
    text = 'Trade-offs: 40% (not 4) & "quotes" — naïve?'
    async with app.run_test() as pilot:
        await burst(pilot, *text)
        assert app.query_one(TextArea).text == text
