"""A multi-line editor that keeps what is typed: at once in memory, on disk as it goes."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import TextArea

from simulator.tui.autosave import Autosave

TextHandler = Callable[[str], None]
"""Receives the editor's whole text."""


class DraftArea(TextArea):
    """A soft-wrapping text editor for free writing, autosaved.

    ``keep`` is called with the text after every change (cheap, in memory), ``save`` by the
    autosave rule (:mod:`simulator.tui.autosave`) and by :meth:`flush` (for example when the
    screen is left), but only when the text changed since it was last saved.
    """

    def __init__(
        self,
        text: str = "",
        *,
        save: TextHandler,
        keep: TextHandler | None = None,
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
        self._saved_text = text
        self._autosave = Autosave(self, self.flush)

    def on_mount(self) -> None:
        """A box opened on a draft (a resumed session, a phase come back to) goes on where
        the draft ends: typing at its start would land before what was written."""
        self.move_cursor(self.document.end)

    @property
    def pending(self) -> bool:
        """Whether there is typing not yet saved."""
        return self.text != self._saved_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the text at once, and save it by the autosave rule."""
        if event.text_area is not self:
            return
        if self._keep is not None:
            self._keep(self.text)
        if self.pending:
            self._autosave.changed()
        else:
            self._autosave.cancel()

    def flush(self) -> None:
        """Save now if anything typed is not saved yet."""
        self._autosave.cancel()
        if self.pending:
            text = self.text
            self._saved_text = text
            self._save(text)

    def on_unmount(self) -> None:
        """Leaving: nothing typed is dropped."""
        self.flush()
