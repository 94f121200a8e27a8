"""Checklists tell ticked from unticked by shape, so they read on a monochrome terminal."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets.selection_list import Selection

from simulator.tui.widgets.tick_list import TICKED, UNTICKED, TickList

ITEMS = ["Research the company", "Prepare three stories", "Write your questions"]


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield TickList(
            *(Selection(item, item, index == 1) for index, item in enumerate(ITEMS)),
            id="list",
        )


def lines_of(tick_list: TickList) -> list[str]:
    """Each drawn line's text, without colour or style: what a monochrome terminal shows."""
    return [tick_list.render_line(y).text for y in range(tick_list.option_count)]


async def test_ticked_and_unticked_boxes_differ_in_shape() -> None:
    app = Host()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        tick_list = app.query_one(TickList)
        lines = lines_of(tick_list)
        assert [ITEMS[index] in line for index, line in enumerate(lines)] == [True] * 3
        assert TICKED in lines[1]
        assert TICKED not in lines[0] and TICKED not in lines[2]
        assert "X" not in "".join(lines)  # Textual's own mark, the same in both states
        assert lines[0].replace(ITEMS[0], "") != lines[1].replace(ITEMS[1], "")
        assert UNTICKED == " "

        # Ticking and unticking with space redraws the mark.
        tick_list.focus()
        tick_list.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        lines = lines_of(tick_list)
        assert TICKED in lines[0]
        tick_list.highlighted = 1
        await pilot.press("space")
        await pilot.pause()
        lines = lines_of(tick_list)
        assert TICKED not in lines[1]
