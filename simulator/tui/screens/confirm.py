"""A small question with a few answers, returning the chosen answer's key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[str]):
    """Ask something; dismisses with the key of the button pressed, or ``cancel`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="back")]

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


@dataclass(frozen=True)
class Question:
    """A question asked before something is done: the first choice leaves things as they
    are (it is focused), the second does it. Each choice is (key, label)."""

    title: str
    """The question."""
    message: str
    """What doing it means."""
    keep: tuple[str, str]
    """The choice that does nothing."""
    go: tuple[str, str]
    """The choice that does it."""


def ask(
    app: App[Any],
    question: Question,
    go: Callable[[], None],
    keep: Callable[[], None] | None = None,
) -> None:
    """Ask ``question``: ``go`` runs when its second choice is picked, ``keep`` (if given)
    on anything else, escape included."""

    def answered(choice: str | None) -> None:
        if choice == question.go[0]:
            go()
        elif keep is not None:
            keep()

    choices = [question.keep, question.go]
    app.push_screen(ConfirmScreen(question.title, question.message, choices), answered)
