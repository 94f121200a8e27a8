"""Shown when something in the app fails unexpectedly: nothing is lost, and the user chooses."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ErrorScreen(ModalScreen[str]):
    """Something broke. Dismisses with ``keep`` (carry on) or ``quit`` (save and quit)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "keep", "Keep going", id="back")]

    def __init__(self, summary: str, log_path: str) -> None:
        """``summary`` is the error in one line; ``log_path`` where its details were written."""
        super().__init__()
        self.summary = summary
        self.log_path = log_path

    def compose(self) -> ComposeResult:
        """The apology, what happened, and the two ways on."""
        where = (
            f"The details are in {self.log_path}."
            if self.log_path
            else "The details could not be written to a log file."
        )
        with Vertical(id="confirm-box"):
            yield Static("Something went wrong", id="confirm-title", markup=False)
            yield Static(
                "Your session and everything you typed have been saved. "
                f"You can keep going, or save and quit.\n\n{self.summary}\n\n{where}",
                id="confirm-message",
                markup=False,
            )
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep going", id="keep", variant="primary")
                yield Button("Save and quit", id="quit")

    def on_mount(self) -> None:
        """Focus the gentle choice."""
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button."""
        self.dismiss(event.button.id or "keep")

    def action_keep(self) -> None:
        """Escape: keep going."""
        self.dismiss("keep")
