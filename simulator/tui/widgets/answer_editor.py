"""A multi-line editor that asks to be saved as the user types (see :mod:`..autosave`)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import TextArea

from simulator.tui.autosave import Autosave
from simulator.tui.widgets.line_cached_text_area import LineCachedTextArea


class AnswerEditor(LineCachedTextArea):
    """A TextArea that posts :class:`AnswerEditor.Drafted` as typing goes on and pauses.

    It draws exactly what a TextArea with the same settings draws, but re-renders only the
    lines a keystroke changes (see :mod:`~simulator.tui.widgets.line_cached_text_area`), so
    typing stays quick in a long answer.
    """

    @dataclass
    class Drafted(Message):
        """The editor's text should be saved now."""

        editor: AnswerEditor
        """The editor."""
        slot: str
        """Which draft the text belongs to."""
        text: str
        """The text to keep."""

    def __init__(self, slot: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
        self.slot = slot
        """The draft slot the text is saved to."""
        self._autosave = Autosave(self, self.flush)
        self._saved = ""

    def load(self, slot: str, text: str) -> None:
        """Show another draft's text without treating it as typing."""
        self.cancel()
        self.slot = slot
        self._saved = text
        self.load_text(text)
        self.move_cursor(self.document.end)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """A change is saved by the autosave rule."""
        if event.text_area is not self or self.text == self._saved:
            return
        self._autosave.changed()

    def cancel(self) -> None:
        """Forget a pending save (the caller has taken the text itself)."""
        self._autosave.cancel()
        self._saved = self.text

    def flush(self) -> None:
        """Ask for the text to be saved now if it changed since the last save."""
        self._autosave.cancel()
        if self.slot and self.text != self._saved:
            self._saved = self.text
            self.post_message(self.Drafted(self, self.slot, self.text))

    def on_blur(self) -> None:
        """Leaving the editor saves at once."""
        self.flush()
