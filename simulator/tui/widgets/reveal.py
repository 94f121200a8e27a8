"""What the self-score screen shows once an answer is scored: its talking points (marked
when the answer seems to cover them) and the sample answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from simulator.engine.views import ScoreItem
from simulator.tui.widgets.heading import heading
from simulator.tui.widgets.labelled_rows import LabelledRows, Row


def point_rows(item: ScoreItem) -> list[Row]:
    """The talking points, marked ✓ when the answer seems to cover them."""
    points = item.insights.talking_points
    if points:
        return [
            (
                Content.assemble(("✓", "$success") if point.covered else ("·", "dim")),
                Content(point.point),
            )
            for point in points
        ]
    return [(Content.assemble(("·", "dim")), Content(text)) for text in item.talking_points]


class Reveal(Vertical):
    """What comes after scoring: the talking points and the sample answer."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._item: ScoreItem | None = None
        self._ready = False

    def compose(self) -> ComposeResult:
        """A note until everything is scored, then the points and the sample."""
        yield Static("", id="reveal-note", markup=False)
        yield heading("Talking points", id="reveal-points-title")
        yield LabelledRows(label_width=1, id="reveal-points")
        yield heading("Sample answer", id="reveal-sample-title")
        yield Static("", id="reveal-sample", markup=False)

    def on_mount(self) -> None:
        """Show the answer given before it was mounted."""
        self._ready = True
        if self._item is not None:
            self.show(self._item)

    def show(self, item: ScoreItem) -> None:
        """Show the note, or the talking points and sample answer once every criterion has
        a score."""
        self._item = item
        if not self._ready:
            return
        note = self.query_one("#reveal-note", Static)
        points = point_rows(item) if item.complete else []
        sample = item.sample_answer.strip() if item.complete else ""
        if not item.complete:
            message = "Score every criterion to see the talking points and a sample answer."
            note.update(Content.assemble((message, "dim italic")))
        elif not points and not sample:
            message = "This one has no talking points or sample answer."
            note.update(Content.assemble((message, "dim")))
        else:
            note.update("")
        note.display = not item.complete or (not points and not sample)
        self.query_one("#reveal-points-title").display = bool(points)
        rows = self.query_one("#reveal-points", LabelledRows)
        rows.display = bool(points)
        rows.set_rows(points)
        self.query_one("#reveal-sample-title").display = bool(sample)
        sample_static = self.query_one("#reveal-sample", Static)
        sample_static.display = bool(sample)
        sample_static.update(Content(sample))
