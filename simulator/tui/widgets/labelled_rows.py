"""Label and value pairs in two columns, values wrapping under themselves (a hanging indent)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Grid
from textual.content import Content
from textual.widgets import Static

Row = tuple[str | Content, Content]
"""A label and its value: plain text or display content, never markup."""


class LabelledRows(Grid):
    """Rows of ``label  value``; long values wrap in their own column.

    The cells are kept and reused: showing other rows updates them in place, adds cells
    when there are more rows than ever before and hides the ones not needed, so rows can
    change as often as they like without widgets being removed under the screen's feet.
    """

    DEFAULT_CSS = """
    LabelledRows {
        grid-size: 2;
        grid-rows: auto;
        grid-gutter: 0 1;
        height: auto;
    }
    LabelledRows > .labelled-label {
        text-style: bold;
    }
    """

    def __init__(
        self,
        rows: Sequence[Row] = (),
        *,
        label_width: int = 10,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.styles.grid_columns = f"{label_width} 1fr"
        self._cells: list[tuple[Static, Static]] = []
        self._shown: list[tuple[object, ...] | None] = []
        self._waiting: list[Row] | None = list(rows)

    def on_mount(self) -> None:
        """Show the latest rows given before it was mounted."""
        rows, self._waiting = self._waiting, None
        self._show(rows or [])

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows instead of the ones shown now."""
        if self._waiting is not None:
            self._waiting = list(rows)
            return
        self._show(rows)

    def _show(self, rows: Sequence[Row]) -> None:
        added: list[Static] = []
        while len(self._cells) < len(rows):
            label = Static("", classes="labelled-label", markup=False)
            value = Static("", classes="labelled-value", markup=False)
            self._cells.append((label, value))
            self._shown.append(None)
            added += [label, value]
        if added:
            self.mount_all(added)
        for index, (label, value) in enumerate(self._cells):
            if index >= len(rows):
                label.display = value.display = False
                continue
            label.display = value.display = True
            raw_label, content = rows[index]
            label_content = Content(raw_label) if isinstance(raw_label, str) else raw_label
            # Content compares by plain text alone, so the styles are part of the key.
            key = (label_content.plain, *label_content.spans, "|", content.plain, *content.spans)
            if self._shown[index] != key:
                label.update(label_content)
                value.update(content)
                self._shown[index] = key
