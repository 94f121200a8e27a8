"""The draft box: text typed into a box that already holds a draft goes on at its end."""

from __future__ import annotations

from textual.app import App, ComposeResult

from simulator.tui.widgets.draft_area import DraftArea


class Host(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.saved: list[str] = []

    def compose(self) -> ComposeResult:
        yield DraftArea(self.text, save=self.saved.append)

    def on_mount(self) -> None:
        self.query_one(DraftArea).focus()


async def test_typing_into_a_restored_draft_continues_it() -> None:
    app = Host("Subject: Thank you\n\nIt was great to hear about the team")
    async with app.run_test() as pilot:
        area = app.query_one(DraftArea)
        assert area.cursor_location == (2, 35)
        await pilot.press("space", "a", "n", "d")
        assert area.text == "Subject: Thank you\n\nIt was great to hear about the team and"


async def test_an_empty_draft_starts_at_its_start() -> None:
    app = Host("")
    async with app.run_test() as pilot:
        await pilot.press("h", "i")
        assert app.query_one(DraftArea).text == "hi"
