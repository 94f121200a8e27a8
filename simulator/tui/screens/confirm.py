"""A small question with a few answers, returning the chosen answer's key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[str]):
    """Ask something; dismisses with the key of the button pressed, or ``cancel`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, message: str, choices: list[tuple[str, str]]) -> None:
        """``choices`` are (key, label) pairs; the first is focused."""
        super().__init__()
        self.title_text = title
        self.message = message
        self.choices = choices

    def compose(self) -> ComposeResult:
        """The question and its buttons."""
        with Vertical(id="confirm-box"):
            yield Static(self.title_text, id="confirm-title", markup=False)
            yield Static(self.message, id="confirm-message", markup=False)
            with Horizontal(id="confirm-buttons"):
                for index, (key, label) in enumerate(self.choices):
                    yield Button(
                        label,
                        id=f"choice-{key}",
                        variant="primary" if index == 0 else "default",
                    )

    def on_mount(self) -> None:
        """Focus the first choice."""
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button's key."""
        if event.button.id is not None:
            self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        """Escape: answer ``cancel``."""
        self.dismiss("cancel")
