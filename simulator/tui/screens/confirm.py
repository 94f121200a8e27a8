"""A small question with a few answers, returning the chosen answer's key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[str]):
    """Ask something; dismisses with the key of the button pressed, or ``cancel`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="back")]

    def __init__(
        self,
        title: str,
        message: str,
        choices: list[tuple[str, str]],
        *,
        typing_keeps: bool = False,
    ) -> None:
        """``choices`` are (key, label) pairs; the first is focused. With ``typing_keeps``,
        typing (or pasting) answers with the first choice and is kept in :attr:`typed`."""
        super().__init__()
        self.title_text = title
        self.message = message
        self.choices = choices
        self.typing_keeps = typing_keeps
        self.typed = ""
        """What was typed or pasted to answer, for the text box it was meant for."""

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

    def on_key(self, event: events.Key) -> None:
        """With ``typing_keeps``, a character typed answers with the first choice: someone
        typing on is going on with what they were writing, not pressing a button."""
        if self.typing_keeps and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self._typed_on(event.character)

    def on_paste(self, event: events.Paste) -> None:
        """With ``typing_keeps``, a paste answers as typing does."""
        if self.typing_keeps and event.text:
            event.stop()
            self._typed_on(event.text)

    def _typed_on(self, text: str) -> None:
        first = not self.typed
        self.typed += text
        if first:  # once: what comes before the screen has closed is added to it
            self.dismiss(self.choices[0][0])


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
    typing_keeps: bool = False
    """Whether typing answers with the first choice (asked over a text box: the typing goes
    on into it instead of being lost)."""


def ask(
    app: App[Any],
    question: Question,
    go: Callable[[], None],
    keep: Callable[[], None] | None = None,
    typed: Callable[[str], None] | None = None,
) -> None:
    """Ask ``question``: ``go`` runs when its second choice is picked, ``keep`` (if given)
    on anything else, escape included; for a question that typing answers, ``typed`` runs
    instead of ``keep`` with the text typed."""
    choices = [question.keep, question.go]
    screen = ConfirmScreen(
        question.title, question.message, choices, typing_keeps=question.typing_keeps
    )

    def answered(choice: str | None) -> None:
        if choice == question.go[0]:
            go()
        elif screen.typed and typed is not None:
            typed(screen.typed)
        elif keep is not None:
            keep()

    app.push_screen(screen, answered)
