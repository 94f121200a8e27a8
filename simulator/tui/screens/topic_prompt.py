"""The study list's question for a topic's words, when adding or editing one."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class TopicPrompt(ModalScreen[str]):
    """Ask for a topic's words; dismisses with the text, or "" when cancelled."""

    CSS_PATH = "../styles/study_list.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="back")]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        """A line to type in, and two buttons."""
        with Vertical(id="topic-box"):
            yield Static(self.title_text, id="topic-title", markup=False)
            yield Input(self.text, placeholder="What to learn", id="topic-input")
            with Horizontal(id="topic-buttons"):
                yield Button("Save", id="topic-save", variant="primary")
                yield Button("Cancel", id="topic-cancel")

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves."""
        self.dismiss(event.value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "topic-save":
            self.dismiss(self.query_one(Input).value.strip())
        else:
            self.dismiss("")

    def action_cancel(self) -> None:
        """Escape: nothing changes."""
        self.dismiss("")
