"""A row of the self-score rubric: a criterion with its score and level anchors, or a
checklist item with its tick box. Everything from packs is shown as plain text."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from simulator.packs.records import Criterion
from simulator.tui.widgets.labelled_rows import LabelledRows, Row

Part = str | tuple[str, str]
"""A piece of display text: plain, or plain with one of our own styles."""

RowKind = Literal["criterion", "check"]
"""A rubric row scores a criterion or ticks a checklist item."""


def marks(score: int | None) -> Part:
    """A score as five marks, filled up to the score."""
    if score is None:
        return ("○○○○○", "dim")
    return ("●" * score + "○" * (5 - score), "bold $accent")


def check_content(item: str, ticked: bool) -> Content:
    """One checklist item with its tick box."""
    return Content.assemble(("[x] " if ticked else "[ ] ", "bold $accent"), item)


def criterion_title(criterion: Criterion, score: int | None) -> Content:
    """A criterion's row: its score as marks and a number, then its label."""
    number = ("–", "dim") if score is None else (str(score), "bold")
    return Content.assemble(marks(score), " ", number, "  ", (criterion.label, "bold"))


def level_rows(criterion: Criterion, score: int | None) -> list[Row]:
    """A criterion's level anchors, the one matching the score picked out."""
    rows: list[Row] = []
    for level in sorted(criterion.levels):
        text = criterion.levels[level]
        chosen = level == score
        label = Content.assemble((f"{level}", "bold $accent" if chosen else "bold"))
        rows.append((label, Content.assemble((text, "bold $accent") if chosen else text)))
    return rows


class SheetRow(Vertical):
    """A row of the rubric the cursor can rest on: a criterion or a checklist item.

    A highlighted criterion opens to show its description and level anchors. Rows are
    reused from answer to answer: :meth:`set_criterion` and :meth:`set_check` say what the
    row shows now.
    """

    def __init__(self) -> None:
        super().__init__(classes="sheet-row")
        self.kind: RowKind = "criterion"
        """What the row scores or ticks."""
        self.key = ""
        """The criterion id, or the checklist item's text."""
        self.criterion: Criterion | None = None
        """The criterion, for a criterion row."""
        self._heading = Static("", classes="row-title", markup=False)
        self._description = Static("", classes="row-detail row-description", markup=False)
        self._levels = LabelledRows(label_width=1, classes="row-detail row-levels")
        self._no_levels = Static(
            Content.assemble(("Score 1 (weak) to 5 (strong).", "dim")),
            classes="row-detail",
            markup=False,
        )
        self._drawn: tuple[object, ...] | None = None
        self._details_for: Criterion | None = None

    def compose(self) -> ComposeResult:
        """The title line, then a criterion's details (shown when highlighted)."""
        yield self._heading
        yield self._description
        yield self._levels
        yield self._no_levels

    def set_criterion(self, criterion: Criterion, score: int | None, *, highlighted: bool) -> None:
        """Show a criterion with its score, opened when highlighted."""
        self.kind = "criterion"
        self.key = criterion.id
        self.criterion = criterion
        self.set_class(highlighted, "-highlight")
        if self._details_for != criterion:
            self._details_for = criterion
            self._drawn = None
            self._description.update(Content.assemble((criterion.description.strip(), "italic")))
        description = bool(criterion.description.strip())
        self._description.display = highlighted and description
        self._levels.display = highlighted and bool(criterion.levels)
        self._no_levels.display = highlighted and not criterion.levels
        if self._drawn != ("criterion", score):
            self._drawn = ("criterion", score)
            self._heading.update(criterion_title(criterion, score))
            self._levels.set_rows(level_rows(criterion, score))

    def set_check(self, item: str, ticked: bool, *, highlighted: bool) -> None:
        """Show a checklist item and whether it is ticked."""
        self.kind = "check"
        self.key = item
        self.criterion = None
        self._details_for = None
        self.set_class(highlighted, "-highlight")
        for detail in (self._description, self._levels, self._no_levels):
            detail.display = False
        if self._drawn != ("check", item, ticked):
            self._drawn = ("check", item, ticked)
            self._heading.update(check_content(item, ticked))
