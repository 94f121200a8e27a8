"""A multi-line editor that keeps what is typed: at once in memory, on disk once typing pauses."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widgets import TextArea

SAVE_DELAY = 0.5
"""Seconds of no typing before the text is saved as a draft."""

TextHandler = Callable[[str], None]
"""Receives the editor's whole text."""


class DraftArea(TextArea):
    """A soft-wrapping text editor for free writing, autosaved.

    ``keep`` is called with the text after every change (cheap, in memory), ``save`` once
    typing has paused for ``delay`` seconds and again by :meth:`flush` (for example when the
    screen is left), but only when the text changed since it was last saved.
    """

    def __init__(
        self,
        text: str = "",
        *,
        save: TextHandler,
        keep: TextHandler | None = None,
        delay: float = SAVE_DELAY,
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
            id=id,
            classes=classes,
        )
        self._save = save
        self._keep = keep
        self._delay = delay
        self._saved_text = text
        self._timer: Timer | None = None

    @property
    def pending(self) -> bool:
        """Whether there is typing not yet saved."""
        return self.text != self._saved_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the text at once and (re)start the wait before saving it."""
        if event.text_area is not self:
            return
        if self._keep is not None:
            self._keep(self.text)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.pending:
            self._timer = self.set_timer(self._delay, self.flush, name="draft-save")

    def flush(self) -> None:
        """Save now if anything typed is not saved yet."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.pending:
            text = self.text
            self._saved_text = text
            self._save(text)

    def on_unmount(self) -> None:
        """Leaving: nothing typed is dropped."""
        self.flush()
