"""Self-score trends as rows of text: a name, a sparkline on a fixed 1-to-5 scale, numbers.

Textual's own ``Sparkline`` scales every line between its own lowest and highest value, so a
criterion that went from 3.0 to 3.2 would look like it shot up. Scores need one scale for
all rows, so the bars here are drawn from the score itself: ▁ is 1, █ is 5, and the colour
says weak (below 2.5), fair, or strong (3.5 and up).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from simulator.engine.progress import Trend

BARS = "▁▂▃▄▅▆▇█"
"""From a score of 1 (lowest bar) to 5 (full bar)."""

NUMBERS_WIDTH = 20
"""Room for "  3.4  ↑ +0.6   12" at the end of each row."""


MIN_SPARK_WIDTH = 16
"""The fewest cells the sparkline keeps when names are long."""


def bar(score: float) -> str:
    """The bar for one score on the fixed 1-to-5 scale."""
    clamped = min(5.0, max(1.0, score))
    return BARS[round((clamped - 1.0) / 4.0 * (len(BARS) - 1))]


def score_style(score: float) -> str:
    """The colour of a score: weak, fair or strong."""
    if score < 2.5:
        return "$error"
    if score < 3.5:
        return "$warning"
    return "$success"


def sparkline(points: Sequence[float], width: int) -> Content:
    """The last ``width`` points as bars, padded on the left to ``width`` cells."""
    shown = list(points)[-width:] if width > 0 else []
    parts: list[str | tuple[str, str]] = [" " * (width - len(shown))]
    parts += [(bar(point), score_style(point)) for point in shown]
    return Content.assemble(*parts)


def _fit(text: str, width: int) -> str:
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(0, width - 1)] + "…"


def change_text(item: Trend) -> str:
    """The arrow and the change, such as "↑ +0.6" ("" with nothing to compare)."""
    if item.change is None:
        return ""
    return f"{item.arrow} {item.change:+.1f}"


class TrendTable(Widget):
    """One row per trend, with a header; as tall as its rows, as wide as it is given."""

    DEFAULT_CSS = """
    TrendTable {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(
        self,
        heading: str,
        *,
        empty: str = "Nothing to show yet.",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.heading = heading
        """The first column's title."""
        self.empty = empty
        """What is shown when there are no trends."""
        self.trends: tuple[Trend, ...] = ()
        """The rows shown, in order."""

    def set_trends(self, trends: Sequence[Trend]) -> None:
        """Show these trends."""
        self.trends = tuple(trends)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line for the header and one per trend (one line when empty)."""
        return len(self.trends) + 1 if self.trends else 1

    def label_width(self, width: int) -> int:
        """How wide the name column is at a given width: as wide as the longest name, while
        the sparkline keeps at least :data:`MIN_SPARK_WIDTH` cells (and the column at least
        12), so names are cut only when the screen is too narrow for them."""
        longest = max((len(item.label) for item in self.trends), default=0)
        longest = max(longest, len(self.heading))
        room = width - NUMBERS_WIDTH - 2 - MIN_SPARK_WIDTH
        return max(12, min(longest, room))

    def row(self, item: Trend, width: int) -> Content:
        """One trend as a line of ``width`` cells."""
        label_width = self.label_width(width)
        spark_width = max(4, width - label_width - NUMBERS_WIDTH - 2)
        numbers = f"{item.recent:>5.1f}  {change_text(item):<7}{item.count:>5}"
        return Content.assemble(
            _fit(item.label, label_width),
            " ",
            sparkline(item.points, spark_width),
            " ",
            (numbers[:5], f"bold {score_style(item.recent)}"),
            numbers[5:],
        )

    def header(self, width: int) -> Content:
        """The column titles."""
        label_width = self.label_width(width)
        spark_width = max(4, width - label_width - NUMBERS_WIDTH - 2)
        spark_title = _fit("Sessions, oldest → newest", spark_width)
        return Content.assemble(
            (
                f"{_fit(self.heading, label_width)} {spark_title} {'  Now':<5}  {'Change':<7}"
                f"{'n':>5}",
                "bold dim",
            )
        )

    def render(self) -> Content:
        """The header and the rows."""
        width = max(40, self.size.width)
        if not self.trends:
            return Content.assemble((self.empty, "dim italic"))
        lines = [self.header(width), *(self.row(item, width) for item in self.trends)]
        return Content("\n").join(lines)
