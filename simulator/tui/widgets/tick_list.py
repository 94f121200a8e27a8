"""A checklist whose ticked and unticked boxes differ in shape, not only in colour.

Textual's :class:`~textual.widgets.SelectionList` draws every box with the same "X" and tells
ticked from unticked by colour alone, which cannot be read on a monochrome terminal or by
many colour-blind users. :class:`TickList` draws a tick in a ticked box and leaves an
unticked one empty.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "✓"
"""Drawn inside a ticked box."""
UNTICKED = " "
"""Drawn inside an unticked box."""


class TickList(SelectionList[str]):
    """A :class:`~textual.widgets.SelectionList` of text items with shaped tick marks."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the box's inner mark replaced by a tick or a blank."""
        line = super().render_line(y)
        segments = list(line)
        # SelectionList draws BUTTON_LEFT, BUTTON_INNER, BUTTON_RIGHT, then the prompt
        # (checked against Textual 8.2.8); anything else is left as it is.
        if (
            len(segments) < 3
            or segments[0].text != ToggleButton.BUTTON_LEFT
            or segments[1].text != ToggleButton.BUTTON_INNER
        ):
            return line
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        mark = TICKED if selection.value in self.selected else UNTICKED
        inner = segments[1]
        segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, line.cell_length)
