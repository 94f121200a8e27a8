"""A TextArea that re-renders only the visual lines whose content actually changed.

Textual's ``TextArea.render_line`` keeps a line cache, but with ``soft_wrap=True`` its key holds
the whole selection for every line, and any edit clears it, so each keystroke re-renders every
visible line. In a long answer that is about forty wrapped lines per key.

:class:`LineCachedTextArea` keys its own cache on what one visual line shows: the text of its
wrapped section, where the cursor, selection and matching bracket fall inside that section,
whether it is the cursor's line, and the widget-wide things the line is drawn with (sizes,
scroll, theme styles, cursor visibility, ...). A hit returns the Strip Textual rendered earlier
for the same inputs; a miss calls Textual's own ``_render_line``, so what is drawn is always what
TextArea draws. Cases the key does not model (a placeholder on an empty document, syntax
highlights, an inline suggestion, an overridden ``get_line``) go straight to
``TextArea.render_line``, with TextArea's own line cache emptied first: that cache misses some
changes (``highlight_cursor_line`` is not in its key, in Textual 8.2.8).

Relies on TextArea internals (checked against Textual 8.2.8): ``_render_line``, ``_theme``,
``_has_cursor``, ``_draw_cursor``, ``_matching_bracket_location``, ``_highlights``,
``_line_cache``, ``_watch_selection`` and ``WrappedDocument._offset_to_line_info``; and on
what ``_render_line`` reads, which the key must cover (tests/tui/test_answer_editor.py
compares the two).

It also narrows the repaint TextArea asks for when the selection (and so the cursor) changes:
instead of the whole widget, only the visual lines whose key differs from the one they were
last drawn with are repainted, so Textual's compositor and the terminal output handle a line or
two per keystroke rather than the whole editor. Any other refresh (styles, focus, scrolling,
resizing, ...) is left as it is.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

LineKey = tuple[Any, ...]

CACHE_SIZE = 1024
"""Visual lines kept; a screenful is ~40-60, so this covers scrolling back and forth."""


class _Frame(NamedTuple):
    """What every line of one render depends on, read once per render."""

    key: tuple[Any, ...]
    """The widget-wide part of every line's cache key."""
    scroll_y: int
    height: int
    """Height of the wrapped document."""
    start: tuple[int, int]
    end: tuple[int, int]
    top: tuple[int, int]
    bottom: tuple[int, int]
    bracket: tuple[int, int] | None
    """The matching bracket, when it is drawn."""
    cursor_drawn: tuple[bool, bool] | None
    """What is drawn at the cursor's column (the cursor, the bracket match), if anything."""
    show_line_numbers: bool
    bypass: bool
    """Render every line with TextArea.render_line (a case the key does not model)."""
    suggestion_row: int
    """The document row carrying an inline suggestion (rendered uncached), or -1."""


class LineCachedTextArea(TextArea):
    """A :class:`~textual.widgets.TextArea` with a per-visual-line render cache."""

    # As TextArea's, but the repaint on change is done by `_watch_selection` (only the lines
    # that changed) instead of the whole widget.
    selection: reactive[Selection] = reactive(
        Selection(), init=False, always_update=True, repaint=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._visual_line_cache: LRUCache[LineKey, Strip] = LRUCache(CACHE_SIZE)
        self._frame: _Frame | None = None
        self._rendering = False
        self._drawn_keys: dict[int, LineKey | None] = {}
        """The key each line of the widget was last rendered with (None: not cacheable)."""
        self._selection_moved = False

    # Rendering ---------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._visual_line_cache.clear()
        super().notify_style_update()

    def _on_resize(self) -> None:
        # TextArea rewraps here, and the lines may already have been drawn at the new size
        # with the old wrapping; nothing else repaints them (they stayed until the next key).
        super()._on_resize()
        self._visual_line_cache.clear()
        self._drawn_keys.clear()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The frame is read lazily by the first render_line, after TextArea has applied the
        # theme's CSS.
        self._frame = None
        self._rendering = True
        try:
            return super().render_lines(crop)
        finally:
            self._rendering = False
            self._frame = None

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        if frame is None:
            frame = self._read_frame()
            if self._rendering:
                self._frame = frame
        key = self._line_key(frame, y)
        if self._rendering:
            self._drawn_keys[y] = key
        if key is None:
            # TextArea's own line cache misses some changes (it has no highlight_cursor_line
            # in its key, for one), so it is emptied first: this is TextArea's rendering.
            self._line_cache.clear()
            return super().render_line(y)
        cache = self._visual_line_cache
        strip = cache.get(key)
        if strip is None:
            strip = self._render_line(y)
            cache.set(key, strip)
        return strip

    def _read_frame(self) -> _Frame:
        """Read the state every line of a render shares."""
        theme = self._theme
        selection = self.selection
        start, end = selection
        top, bottom = sorted(selection)
        matching_bracket = self._matching_bracket_location
        draw_matched_brackets = bool(
            self._has_cursor
            and self.match_cursor_bracket
            and matching_bracket is not None
            and start == end
        )
        draw_cursor = self._draw_cursor
        suggestion_shown = bool(
            self.suggestion and (self.has_focus or not self.hide_suggestion_on_blur)
        )
        bypass = bool(
            (self.placeholder and not self.text)
            or (self._highlights and theme)
            or type(self).get_line is not TextArea.get_line
        )
        return _Frame(
            key=self._frame_key(),
            scroll_y=self.scroll_offset[1],
            height=self.wrapped_document.height,
            start=start,
            end=end,
            top=top,
            bottom=bottom,
            bracket=matching_bracket if draw_matched_brackets else None,
            cursor_drawn=(
                (draw_cursor, draw_matched_brackets)
                if draw_cursor or draw_matched_brackets
                else None
            ),
            show_line_numbers=self.show_line_numbers,
            bypass=bypass,
            suggestion_row=end[0] if suggestion_shown else -1,
        )

    def _frame_key(self) -> tuple[Any, ...]:
        """The widget-wide things every line is drawn with: sizes, scroll, theme, ..."""
        theme = self._theme
        theme_styles: tuple[Style | None, ...] = ()
        if theme:
            theme_styles = (
                theme.base_style,
                theme.gutter_style,
                theme.cursor_style,
                theme.cursor_line_style,
                theme.cursor_line_gutter_style,
                theme.bracket_matching_style,
                theme.selection_style,
            )
        return (
            self.size,
            self.scrollable_content_region.size.width,
            self.region.size.width,
            self.virtual_size.width,
            self.scroll_offset[0],
            self.soft_wrap,
            self.indent_width,
            self.gutter_width,
            self.show_line_numbers,
            self.line_number_start,
            self.highlight_cursor_line,
            self._has_cursor,
            theme.name if theme else None,
            theme_styles,
            # The base style TextArea falls back on before its theme has read the CSS.
            None if theme and theme.base_style is not None else self.rich_style,
            id(self.app.console),
        )

    def _line_key(self, frame: _Frame, y: int) -> LineKey | None:
        """Everything ``_render_line(y)`` depends on, or None to render without the cache."""
        if frame.bypass:
            return None
        y_offset = y + frame.scroll_y
        if y_offset >= frame.height:
            return (frame.key, "blank")
        wrapped_document = self.wrapped_document
        try:
            line_index, section_offset = wrapped_document._offset_to_line_info[y_offset]
        except IndexError:
            return (frame.key, "blank")
        if line_index == frame.suggestion_row:
            return None
        text = self.document.get_line(line_index)
        length = len(text)
        wrap_offsets = wrapped_document.get_offsets(line_index)
        # The section of the line (with the cursor's trailing space) this visual line shows.
        section_start = wrap_offsets[section_offset - 1] if section_offset else 0
        section_end = (
            wrap_offsets[section_offset] if section_offset < len(wrap_offsets) else length + 1
        )
        section_text = text[section_start:section_end]
        tab_widths: tuple[int, ...] = ()
        if "\t" in text:
            line_tab_widths = wrapped_document.get_tab_widths(line_index)
            tabs_before = text.count("\t", 0, section_start)
            tab_widths = tuple(
                line_tab_widths[tabs_before : tabs_before + section_text.count("\t")]
            )
        bracket = frame.bracket
        if frame.top[0] <= line_index <= frame.bottom[0] or (
            bracket is not None and bracket[0] == line_index
        ):
            marks = _marks(frame, line_index, length, section_start, section_end)
        else:
            marks = _UNMARKED  # most lines: no cursor, selection or bracket
        return (
            frame.key,
            section_text,
            section_end > length,
            bool(wrap_offsets),
            section_offset == 0,
            line_index if frame.show_line_numbers else None,
            tab_widths,
            *marks,
        )

    # Repainting --------------------------------------------------------------------------

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        super()._watch_selection(previous_selection, selection)
        # TextArea's `selection` repaints the whole widget on every change. Here, which lines
        # changed is worked out once the widget is idle, when whatever moved the selection (an
        # edit, loading a document, ...) has finished changing the text, wrapping and scroll.
        self._selection_moved = True
        self.check_idle()

    async def _on_idle(self, event: events.Idle) -> None:
        # Runs before Widget._on_idle, which hands the refreshed regions to the screen.
        if self._selection_moved:
            self._selection_moved = False
            self._refresh_changed_lines()

    def _refresh_changed_lines(self) -> None:
        """Repaint the visible lines whose key differs from the one they were drawn with."""
        if not self.is_mounted:
            return
        height = self.content_size.height
        drawn = self._drawn_keys
        frame = self._read_frame()
        changed = [
            y
            for y in range(height)
            if (key := self._line_key(frame, y)) is None or drawn.get(y) != key
        ]
        if len(changed) == height:
            self.refresh()
            return
        width = max(self.virtual_size.width, self.size.width)
        for y in changed:
            self.refresh(Region(0, y, width, 1))


Marks = tuple[bool, tuple[int, int] | str | None, object, tuple[int, int] | None]
"""Whether a visual line is on the cursor's row, and its selection, cursor and bracket."""

_UNMARKED: Marks = (False, None, None, None)
"""The marks of a line away from the cursor, the selection and the matching bracket."""


def _within(
    column_start: int, column_end: int, section_start: int, section_end: int
) -> tuple[int, int] | None:
    """A styled column range of a line, as it falls in one section of it (None: not in it)."""
    clipped_start = max(column_start, section_start)
    clipped_end = min(column_end, section_end)
    if clipped_start >= clipped_end:
        return None
    return clipped_start - section_start, clipped_end - section_start


def _marks(
    frame: _Frame, line_index: int, length: int, section_start: int, section_end: int
) -> Marks:
    """Whether a visual line is on the cursor's row, and where the selection, the cursor
    and the matching bracket fall in it."""
    cursor_row, cursor_column = frame.end
    on_cursor_row = cursor_row == line_index
    selected: tuple[int, int] | str | None = None
    (top_row, top_column), (bottom_row, bottom_column) = frame.top, frame.bottom
    if frame.start != frame.end and top_row <= line_index <= bottom_row:
        if length == 0 and not on_cursor_row:
            selected = "empty"
        else:
            first = top_column if line_index == top_row else 0
            last = bottom_column if line_index == bottom_row else length
            selected = _within(first, last, section_start, section_end)
    cursor = None
    if on_cursor_row and frame.cursor_drawn is not None:
        cursor_cell = _within(cursor_column, cursor_column + 1, section_start, section_end)
        if cursor_cell is not None:
            cursor = (cursor_cell, frame.cursor_drawn)
    bracket = None
    if frame.bracket is not None and frame.bracket[0] == line_index:
        column = frame.bracket[1]
        bracket = _within(column, column + 1, section_start, section_end)
    return on_cursor_row, selected, cursor, bracket
