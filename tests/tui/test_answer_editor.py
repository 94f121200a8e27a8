"""The answer editor draws exactly what a TextArea draws, re-rendering only what changed.

AnswerEditor caches rendered lines and repaints only the lines a keystroke changes
(simulator.tui.widgets.line_cached_text_area). The property test drives an AnswerEditor and a
TextArea with the same settings through the same random steps, one app after the other, and
compares after every step both what each widget shows (the lines Textual's compositor would
take, including any it kept from earlier frames) and what ``render_line`` gives for every
line. The TextArea renders each line afresh (see FreshTextArea).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Selection

from simulator.tui.widgets.answer_editor import AnswerEditor

from tui_helpers import burst

SIZES = [(40, 12), (61, 16), (33, 9), (80, 20)]
WORDS = [
    "alpha",
    "be",
    "(gamma)",
    "[x]",
    "(",
    ")",
    "\tindent",
    "漢字",
    "supercalifragilistic",
    "a",
    "",
]
KEYS = [
    "x",
    "space",
    "left_parenthesis",
    "right_square_bracket",
    "enter",
    "backspace",
    "delete",
    "left",
    "right",
    "up",
    "down",
    "home",
    "end",
    "pageup",
    "pagedown",
    "ctrl+left",
    "ctrl+right",
    "shift+left",
    "shift+right",
    "shift+up",
    "shift+down",
    "shift+end",
    "ctrl+shift+left",
    "f6",
    "f7",
    "ctrl+z",
    "ctrl+y",
    "ctrl+k",
    "ctrl+w",
]
THEMES = ["css", "monokai", "dracula", "github_light", "vscode_dark"]
APP_THEMES = ["textual-dark", "textual-light", "nord"]
TOGGLES = [
    "show_line_numbers",
    "read_only",
    "soft_wrap",
    "highlight_cursor_line",
    "match_cursor_bracket",
    "cursor_blink",
    "show_cursor",
]

Snapshot = tuple[Any, ...]


class FreshTextArea(TextArea):
    """TextArea, rendering every line afresh.

    TextArea's own line cache can hand back a stale line: its key has no
    ``highlight_cursor_line`` for one, so after that is toggled the cursor's line keeps its old
    look until something else clears the cache (Textual 8.2.8). The answer editor draws what
    TextArea's renderer draws, so that is what it is compared with.
    """

    def render_line(self, y: int) -> Strip:
        self._line_cache.clear()
        return super().render_line(y)


def plain_editor() -> TextArea:
    """A TextArea with the answer editor's settings."""
    return FreshTextArea(
        id="editor", soft_wrap=True, tab_behavior="focus", show_line_numbers=False
    )


def answer_editor() -> TextArea:
    return AnswerEditor("draft", id="editor")


class Host(App[None]):
    CSS = "#editor { height: 1fr; } #other { height: 3; }"

    def __init__(self, make: Callable[[], TextArea]) -> None:
        super().__init__()
        self._make = make

    def compose(self) -> ComposeResult:
        yield self._make()
        yield Input(id="other")


def steady(editor: TextArea) -> None:
    """Take time out of the editor: no blinking on a timer, undo batches by size only."""
    editor.blink_timer.stop()
    editor.blink_timer = editor.set_interval(3600, editor._toggle_cursor_blink_visible)
    editor.blink_timer.pause()
    editor.history.checkpoint_timer = 1e9


def location(editor: TextArea, row: int, column: int) -> tuple[int, int]:
    """A valid location in the editor's document, picked by two arbitrary numbers."""
    document = editor.document
    row %= document.line_count
    return row, column % (len(document[row]) + 1)


def bracket(editor: TextArea, index: int) -> tuple[int, int] | None:
    """The location of the index-th bracket in the document (counting round), if any."""
    found = [
        (row, column)
        for row, line in enumerate(editor.document.lines)
        for column, character in enumerate(line)
        if character in "()[]{}"
    ]
    return found[index % len(found)] if found else None


def lines(strips: list[Any]) -> list[list[Segment]]:
    return [list(strip) for strip in strips]


def snapshot(editor: TextArea) -> Snapshot:
    """What the editor shows, what render_line gives, and the state behind them."""
    shown = editor.render_lines(Region(0, 0, *editor.region.size))
    rendered = [editor.render_line(y) for y in range(editor.content_size.height)]
    return (
        editor.text,
        editor.selection,
        editor.scroll_offset,
        editor.size,
        lines(shown),
        lines(rendered),
    )


async def apply(step: tuple[Any, ...], app: Host, pilot: Pilot[None], editor: TextArea) -> None:
    kind = step[0]
    if kind == "keys":
        await burst(pilot, *step[1])
    elif kind == "select":
        editor.selection = Selection(location(editor, *step[1]), location(editor, *step[2]))
    elif kind == "insert":
        editor.insert(step[1], location(editor, *step[2]))
    elif kind == "delete":
        editor.delete(location(editor, *step[1]), location(editor, *step[2]))
    elif kind == "load":
        editor.load_text(step[1])
    elif kind == "bracket":
        if (spot := bracket(editor, step[1])) is not None:
            editor.move_cursor(spot)
    elif kind == "scroll":
        editor.scroll_to(y=step[1], animate=False, immediate=True)
    elif kind == "click":
        x, y = step[1]
        width, height = editor.region.size
        await pilot.click("#editor", offset=(x % width, y % height))
    elif kind == "resize":
        await pilot.resize_terminal(*step[1])
        # A plain TextArea can keep showing lines wrapped at the old width after a resize
        # (a line with a tab, growing wider: Textual 8.2.8), though its render_line has
        # rewrapped; ours shows the new wrapping. A full repaint shows what either holds.
        editor.refresh()
    elif kind == "focus":
        (editor if step[1] else app.query_one("#other")).focus()
    elif kind == "theme":
        editor.theme = step[1]
    elif kind == "app_theme":
        app.theme = step[1]
    elif kind == "blink":
        editor._toggle_cursor_blink_visible()
    elif kind == "toggle":
        setattr(editor, step[1], not getattr(editor, step[1]))
    elif kind == "suggestion":
        editor.suggestion = step[1]
    elif kind == "placeholder":
        editor.placeholder = step[1]
    else:  # pragma: no cover
        raise AssertionError(kind)


async def run_steps(
    make: Callable[[], TextArea], text: str, size: tuple[int, int], steps: list[tuple[Any, ...]]
) -> list[Snapshot]:
    app = Host(make)
    snapshots: list[Snapshot] = []
    async with app.run_test(size=size) as pilot:
        editor = app.query_one("#editor", TextArea)
        steady(editor)
        editor.load_text(text)
        editor.focus()
        await pilot.pause()
        snapshots.append(snapshot(editor))
        for step in steps:
            await apply(step, app, pilot, editor)
            await pilot.pause()
            snapshots.append(snapshot(editor))
    return snapshots


paragraph = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
texts = st.lists(paragraph, min_size=1, max_size=8).map("\n".join)
spots = st.tuples(st.integers(0, 20), st.integers(0, 300))
steps = st.one_of(
    st.tuples(st.just("keys"), st.lists(st.sampled_from(KEYS), min_size=1, max_size=6)),
    st.tuples(st.just("select"), spots, spots),
    st.tuples(st.just("insert"), st.sampled_from(["z", " (", "])", "\t", "\n", "漢 a\nb"]), spots),
    st.tuples(st.just("delete"), spots, spots),
    st.tuples(st.just("load"), texts | st.just("")),
    st.tuples(st.just("bracket"), st.integers(0, 50)),
    st.tuples(st.just("scroll"), st.integers(0, 40)),
    st.tuples(st.just("click"), st.tuples(st.integers(0, 50), st.integers(0, 14))),
    st.tuples(st.just("resize"), st.sampled_from(SIZES)),
    st.tuples(st.just("focus"), st.booleans()),
    st.tuples(st.just("theme"), st.sampled_from(THEMES)),
    st.tuples(st.just("app_theme"), st.sampled_from(APP_THEMES)),
    st.tuples(st.just("blink")),
    st.tuples(st.just("toggle"), st.sampled_from(TOGGLES)),
    st.tuples(st.just("suggestion"), st.sampled_from(["", "ion", "s more"])),
    st.tuples(st.just("placeholder"), st.sampled_from(["", "Type your answer"])),
)


TABBED = "\n".join(f"aaaaaa bbbbbbbbbb ccccccccc{'c' * k} ddd\tzz" for k in range(3))
"""Wrapped lines whose last sections read the same but whose tabs expand differently."""
BRACKETED = "( alpha be alpha be alpha be alpha be alpha be alpha [x] be )\n\n(gamma)"


@example(
    text="hello world\nsecond (a)",
    size=(40, 12),
    steps=[("suggestion", "ion"), ("keys", ["x"]), ("suggestion", "s more"), ("focus", False)],
)
@example(
    text="same\n\nsame\n\nsame\n",
    size=(40, 12),
    steps=[("toggle", "show_line_numbers"), ("keys", ["up", "up"]), ("keys", ["f6"])],
)
@example(text=TABBED, size=(40, 12), steps=[("keys", ["up"]), ("keys", ["up"])])
@example(
    text="one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
    size=(61, 16),
    steps=[("insert", "\t", (0, 3)), ("resize", (80, 20))],
)
@example(
    text=BRACKETED,
    size=(40, 12),
    steps=[
        ("theme", "monokai"),
        ("keys", ["right"]),
        ("keys", ["left"]),
        ("bracket", 2),
        ("bracket", 1),
        ("toggle", "match_cursor_bracket"),
        ("toggle", "highlight_cursor_line"),
        ("keys", ["down"]),
    ],
)
@example(
    text="",
    size=(40, 12),
    steps=[
        ("placeholder", "Type your answer"),
        ("keys", ["x"]),
        ("keys", ["backspace"]),
        ("load", "a\nb"),
        ("load", ""),
    ],
)
@example(
    text=BRACKETED * 3,
    size=(33, 9),
    steps=[
        ("toggle", "soft_wrap"),
        ("keys", ["end"]),
        ("keys", ["home"]),
        ("scroll", 3),
        ("select", (0, 5), (3, 2)),
        ("keys", ["shift+down", "shift+right"]),
    ],
)
@example(
    text=BRACKETED,
    size=(61, 16),
    steps=[
        ("blink",),
        ("focus", False),
        ("theme", "monokai"),
        ("focus", True),
        ("blink",),
        ("app_theme", "textual-light"),
        ("theme", "css"),
        ("toggle", "read_only"),
        ("resize", (33, 9)),
    ],
)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=texts, size=st.sampled_from(SIZES), steps=st.lists(steps, min_size=1, max_size=10))
def test_draws_exactly_what_a_text_area_draws(
    text: str, size: tuple[int, int], steps: list[tuple[Any, ...]]
) -> None:
    expected = asyncio.run(run_steps(plain_editor, text, size, steps))
    actual = asyncio.run(run_steps(answer_editor, text, size, steps))
    for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
        after = "loading" if index == 0 else f"step {index}: {steps[index - 1]!r}"
        assert got[:4] == want[:4], f"the editors diverged after {after}"
        assert got[4] == want[4], f"the lines shown differ after {after}"
        assert got[5] == want[5], f"render_line differs after {after}"


LONG = "\n\n".join(
    " ".join(f"word{index}" for index in range(start, start + 120))
    for start in range(0, 2000, 120)
)


async def test_typing_in_a_long_answer_re_renders_only_the_changed_line() -> None:
    app = Host(answer_editor)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.query_one(AnswerEditor)
        editor.load("draft", LONG)
        editor.focus()
        await pilot.pause()
        repainted: list[int] = []  # lines Textual asked the editor for
        rendered: list[int] = []  # lines the editor had to render (not in its cache)
        repaint, render = editor.render_line, editor._render_line

        def counting_repaint(y: int) -> Strip:
            repainted.append(y)
            return repaint(y)

        def counting_render(y: int) -> Strip:
            rendered.append(y)
            return render(y)

        editor.render_line = counting_repaint  # type: ignore[method-assign]
        editor._render_line = counting_render  # type: ignore[method-assign]
        bottom = editor.content_size.height - 1
        for key in ["a", "b", "space", "left", "shift+left", "backspace"]:
            repainted.clear()
            rendered.clear()
            await pilot.press(key)
            await pilot.pause()
            assert repainted == [bottom], (key, repainted)
            assert rendered == [bottom], (key, rendered)
        assert editor.text.endswith("word2039a ")


async def test_still_asks_to_save_after_a_pause() -> None:
    drafted: list[AnswerEditor.Drafted] = []

    class Saving(Host):
        def on_answer_editor_drafted(self, event: AnswerEditor.Drafted) -> None:
            drafted.append(event)

    app = Saving(answer_editor)
    async with app.run_test(size=(60, 16)) as pilot:
        editor = app.query_one(AnswerEditor)
        editor.load("draft", "Start")
        editor.focus()
        await pilot.press("end", "space", "o", "k")
        await pilot.pause(1.0)
        assert [(event.slot, event.text) for event in drafted] == [("draft", "Start ok")]
