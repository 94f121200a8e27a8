"""Self-scoring: each answer with what the engine noticed, scored 1 to 5 against its rubric.

The left pane shows the question, the answer and the offline insights; the right pane the
rubric, one row per criterion (the highlighted one opens to show its level anchors), then
any drill checklist, then, once every criterion has a score, the talking points and the
sample answer. Everything from packs and answers is shown as plain text, never markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from simulator.common.names import SOURCE_NAMES
from simulator.engine.views import ScoreItem
from simulator.journal import Journal
from simulator.packs.records import Criterion
from simulator.services.delivery_view import RecordedAnswer
from simulator.services.practice import Practice
from simulator.tui.notices import clear_stale_notices
from simulator.tui.recordings_screen import PLAY_KEY, RecordingsScreen
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.widgets.delivery_rows import recorded_rows
from simulator.tui.widgets.heading import heading
from simulator.tui.widgets.insight_rows import insight_rows
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.labelled_rows import LabelledRows
from simulator.tui.widgets.reveal import Reveal
from simulator.tui.widgets.sheet_row import SheetRow

Part = str | tuple[str, str]
"""A piece of display text: plain, or plain with one of our own styles."""


LABEL_WIDTH = 12
"""The width of the insight labels' column."""

MAX_CRITERIA = 8
"""A rubric has at most this many criteria (the pack format's limit); rows are made ahead."""


def source_name(source: str) -> str:
    """What an answer's kind of question is called (a question of an unknown kind is a
    question)."""
    return SOURCE_NAMES.get(source, "Question")


def prompt_content(item: ScoreItem) -> Content:
    """The question that was asked (after the one it follows, for a follow-up)."""
    answer = item.answer
    parts: list[Part] = []
    if item.parent_prompt:
        parts += [("Following up on: ", "dim italic"), (item.parent_prompt, "dim"), "\n"]
    parts += [(source_name(answer["source"]), "bold $accent"), "\n"]
    parts += [answer["prompt"]]
    return Content.assemble(*parts)


def answer_content(item: ScoreItem) -> Content:
    """The candidate's answer exactly as written, or a note that there is none."""
    answer = item.answer
    parts: list[Part] = [("Your answer", "bold $accent")]
    if answer["skipped"]:
        parts += ["  ", ("Skipped", "bold $warning")]
    parts += ["\n"]
    text = answer["text"].strip("\n")
    parts += [text] if text.strip() else [("(nothing written)", "dim italic")]
    return Content.assemble(*parts)


SCORING_KEYS: list[BindingType] = [
    Binding("1", "screen.score(1)", "Score", key_display="1-5", id="score-1"),
    Binding("2", "screen.score(2)", "Score", show=False, id="score-2"),
    Binding("3", "screen.score(3)", "Score", show=False, id="score-3"),
    Binding("4", "screen.score(4)", "Score", show=False, id="score-4"),
    Binding("5", "screen.score(5)", "Score", show=False, id="score-5"),
    Binding("0,backspace", "screen.clear_score", "Clear score", show=False, id="clear-score"),
    Binding("space", "screen.tick", "Tick", id="tick"),
]
"""Keys that score and tick, wherever the focus is on the self-score screen."""


class RubricPane(VerticalScroll, inherit_bindings=False):
    """The scrollable rubric; up and down move between its rows, the other keys score."""

    BINDINGS: ClassVar[list[BindingType]] = [
        SCORING_KEYS[0],
        Binding("up", "screen.move_cursor(-1)", "Criterion", show=False, id="previous-criterion"),
        Binding(
            "down", "screen.move_cursor(1)", "Criterion", key_display="↑↓", id="next-criterion"
        ),
        *SCORING_KEYS[1:],
        Binding("home", "screen.cursor_to(0)", "First", show=False, id="first-criterion"),
        Binding("end", "screen.cursor_to(-1)", "Last", show=False, id="last-criterion"),
        Binding("pagedown", "screen.move_answer(1)", "Next", key_display="PgDn", id="next-answer"),
        Binding("pageup", "screen.move_answer(-1)", "Previous", show=False, id="previous-answer"),
        Binding("ctrl+s", "screen.continue", "Continue", id="continue"),
    ]


class SelfScoreScreen(RecordingsScreen, SessionScreen):
    """Score each answer against its rubric, one answer at a time."""

    CSS_PATH = "../styles/self_score.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's type)
    BINDINGS: ClassVar[list[BindingType]] = [
        *SCORING_KEYS,
        Binding("pagedown", "move_answer(1)", "Next", key_display="PgDn", id="next-answer"),
        Binding("pageup", "move_answer(-1)", "Previous", show=False, id="previous-answer"),
        Binding("ctrl+s", "continue", "Continue", id="continue"),
        Binding("escape", "back", "Leave", id="back"),
        Binding("question_mark", "app.help", "Help", show=False, id="help"),
    ]

    def __init__(self, practice: Practice) -> None:
        super().__init__(practice)
        self.cursor = 0
        """The highlighted row of the rubric."""
        self._rows: list[SheetRow] = []
        self._criterion_rows = [SheetRow() for _ in range(MAX_CRITERIA)]
        self._check_rows: list[SheetRow] = []
        self._criteria: list[Criterion] = []
        self._checks: list[str] = []
        self._built_for: str | None = None
        self._reveal = Reveal(id="reveal", classes="sheet-reveal")
        self._drawn_state: tuple[object, ...] | None = None
        self._drawn_kind: str | None = None
        self._answers = 0
        """How many answers there are to score, as last drawn."""

    def compose(self) -> ComposeResult:
        """The heading, the answer pane and the rubric pane."""
        yield Header()
        yield Static("", id="score-heading", markup=False)
        with Horizontal(id="score-body"):
            with VerticalScroll(id="answer-pane") as answer_pane:
                answer_pane.border_title = "Answer"
                yield Static("", id="score-prompt", markup=False)
                yield Static("", id="score-answer", markup=False)
                yield heading("What the answer shows", id="score-insights-title")
                yield LabelledRows(label_width=LABEL_WIDTH, id="score-insights")
            with RubricPane(id="rubric-pane") as rubric_pane:
                rubric_pane.border_title = "Rubric"
                yield Static("", id="rubric-title", markup=False)
                with Vertical(id="criterion-rows", classes="sheet-group"):
                    yield from self._criterion_rows
                with Vertical(id="check-rows", classes="sheet-group"):
                    yield heading("Checklist", "  space ticks", classes="sheet-heading")
                yield self._reveal
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Show the answer being scored, with the rubric in focus."""
        self.query_one(RubricPane).focus()

    # --- drawing ---------------------------------------------------------------------------

    def current_item(self) -> ScoreItem | None:
        """The answer being scored, if there is any."""
        return self.practice.session.score_item()

    def refresh_view(self) -> None:
        """Redraw the answer being scored (and rebuild the rubric when the answer changed)."""
        item = self.current_item()
        self._answers = 0 if item is None else item.total
        body = self.query_one("#score-body")
        heading = self.query_one("#score-heading", Static)
        if item is None:
            body.display = False
            heading.update(
                Content.assemble(
                    ("Nothing to score: ", "bold"),
                    "every question was skipped. Press ctrl+s to go on to the reflection.",
                )
            )
            self.refresh_bindings()
            return
        body.display = True
        if item.answer["id"] != self._built_for:
            self._build(item)
        self._draw(item)

    def _build(self, item: ScoreItem) -> None:
        """Set the rubric's rows up for another answer (rows are reused, never removed)."""
        criteria = item.rubric.criteria
        checks = list(item.answer["checklist"])
        while len(self._criterion_rows) < len(criteria):
            row = SheetRow()
            self._criterion_rows.append(row)
            self.query_one("#criterion-rows").mount(row)
        while len(self._check_rows) < len(checks):
            row = SheetRow()
            self._check_rows.append(row)
            self.query_one("#check-rows").mount(row)
        for index, row in enumerate(self._criterion_rows):
            row.display = index < len(criteria)
        for index, row in enumerate(self._check_rows):
            row.display = index < len(checks)
        self.query_one("#check-rows").display = bool(checks)
        self._rows = self._criterion_rows[: len(criteria)] + self._check_rows[: len(checks)]
        self._criteria = list(criteria)
        self._checks = checks
        self.query_one("#rubric-title", Static).update(
            Content.assemble((item.rubric.title, "bold"))
        )
        scores = item.answer["scores"]
        unscored = [index for index, c in enumerate(criteria) if c.id not in scores]
        self.cursor = unscored[0] if unscored else 0
        self._built_for = item.answer["id"]
        self._drawn_state = None
        self.query_one("#answer-pane", VerticalScroll).scroll_home(animate=False)
        self.query_one(RubricPane).scroll_home(animate=False)

    def _draw(self, item: ScoreItem) -> None:
        answer = item.answer
        scores = answer["scores"]
        state = (answer["id"], tuple(sorted(scores.items())), tuple(answer["checklist"].items()))
        if state != self._drawn_state:
            self._drawn_state = state
            self._draw_answer(item)
        for index, criterion in enumerate(self._criteria):
            self._rows[index].set_criterion(
                criterion, scores.get(criterion.id), highlighted=index == self.cursor
            )
        offset = len(self._criteria)
        for index, check in enumerate(self._checks):
            self._rows[offset + index].set_check(
                check,
                answer["checklist"].get(check, False),
                highlighted=offset + index == self.cursor,
            )
        highlighted_row = self._highlighted()
        kind = None if highlighted_row is None else highlighted_row.kind
        if kind != self._drawn_kind:
            self._drawn_kind = kind
            self.refresh_bindings()

    def _draw_answer(self, item: ScoreItem) -> None:
        answer = item.answer
        scores = answer["scores"]
        criteria = item.rubric.criteria
        scored = sum(1 for criterion in criteria if criterion.id in scores)
        heading: list[Part] = [
            (f"Answer {item.position + 1} of {item.total}", "bold"),
            ("  ·  ", "dim"),
            source_name(answer["source"]),
        ]
        if answer["kind"]:
            heading += [("  ·  ", "dim"), answer["kind"]]
        heading += [("  ·  ", "dim")]
        if item.complete:
            heading += [("all criteria scored ✓", "$success")]
        else:
            heading += [f"{scored} of {len(criteria)} criteria scored"]
        self.query_one("#score-heading", Static).update(Content.assemble(*heading))
        self.query_one("#score-prompt", Static).update(prompt_content(item))
        self.query_one("#score-answer", Static).update(answer_content(item))
        self.query_one("#score-insights", LabelledRows).set_rows(
            insight_rows(item.insights, revealed=item.complete)
            + recorded_rows(self.recordings.get(answer["id"]), PLAY_KEY)
        )
        self._reveal.show(item)

    def _show_cursor(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            row = self._rows[self.cursor]
            self.call_after_refresh(row.scroll_visible, animate=False)

    def _highlighted(self) -> SheetRow | None:
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor]
        return None

    def recordings_source(self) -> tuple[Journal, str] | None:
        """This session's recordings, from the app's journal."""
        journal = self.main_app.journal
        return None if journal is None else (journal, self.practice.session.id)

    def recording_to_play(self) -> RecordedAnswer | None:
        """The recording of the answer being scored."""
        item = self.current_item()
        return None if item is None else self.recordings.get(item.answer["id"])

    def recordings_loaded(self) -> None:
        """Show the delivery of the answer being scored, if it was spoken."""
        self._drawn_state = None
        self.refresh_view()

    # --- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show the number keys on a criterion, and space when there is a checklist."""
        row = self._highlighted()
        if action in ("score", "clear_score"):
            return row is not None and row.kind == "criterion"
        if action == "tick":  # on a criterion, space goes down to the checklist
            return any(r.kind == "check" for r in self._rows)
        if action == "move_answer":
            return self._answers > 1
        return super().check_action(action, parameters)

    def action_move_cursor(self, delta: int) -> None:
        """Highlight the next or previous row; past either end, scroll the rubric."""
        item = self.current_item()
        if item is None:
            return
        target = self.cursor + delta
        pane = self.query_one(RubricPane)
        if target < 0:
            pane.scroll_home(animate=False)
            return
        if target >= len(self._rows):
            pane.scroll_relative(
                y=max(1, pane.scrollable_content_region.height // 2), animate=False
            )
            return
        self.cursor = target
        self._draw(item)
        self._show_cursor()

    def action_cursor_to(self, index: int) -> None:
        """Highlight the first row (0) or the last (-1)."""
        item = self.current_item()
        if item is None or not self._rows:
            return
        self.cursor = index % len(self._rows)
        self._draw(item)
        self._show_cursor()

    def action_score(self, value: int) -> None:
        """Score the highlighted criterion, then move on to the next criterion."""
        item = self.current_item()
        row = self._highlighted()
        if item is None or row is None or row.kind != "criterion":
            return
        session = self.practice.session
        session.score(row.key, value, answer_id=item.answer["id"])
        criteria = len(item.rubric.criteria)
        if self.cursor < criteria - 1:
            self.cursor += 1
        updated = self.current_item()
        if updated is not None:
            self._draw(updated)
            self._show_cursor()
            if updated.complete and not item.complete:
                self.notify(
                    "The talking points and a sample answer are below the rubric (↓ to read).",
                    title="All criteria scored",
                    timeout=4,
                )

    def action_clear_score(self) -> None:
        """Remove the highlighted criterion's score."""
        item = self.current_item()
        row = self._highlighted()
        if item is None or row is None or row.kind != "criterion":
            return
        self.practice.session.clear_score(row.key, answer_id=item.answer["id"])
        self.refresh_view()

    def action_tick(self) -> None:
        """Tick or untick the highlighted checklist item."""
        item = self.current_item()
        row = self._highlighted()
        if item is None or row is None:
            return
        if row.kind != "check":
            # The checklist sits below the criteria (check_action hides space without one):
            # go to its first item rather than tick blind.
            first = next(i for i, r in enumerate(self._rows) if r.kind == "check")
            self.action_cursor_to(first)
            return
        ticked = item.answer["checklist"].get(row.key, False)
        self.practice.session.tick(row.key, not ticked, answer_id=item.answer["id"])
        self.refresh_view()

    def action_move_answer(self, delta: int) -> None:
        """Go to the next or previous answer."""
        session = self.practice.session
        before = session.score_index
        if session.move_score(delta) == before:
            where = "last" if delta > 0 else "first"
            hint = " ctrl+s goes on to the reflection." if delta > 0 else ""
            self.notify(f"This is the {where} answer.{hint}", timeout=3)
            return
        clear_stale_notices(self.app)
        self.refresh_view()

    def action_continue(self) -> None:
        """The next answer; after the last one, on to the reflection."""
        session = self.practice.session
        item = self.current_item()
        if item is not None and item.unscored:
            count = len(item.unscored)
            noun = "criterion" if count == 1 else "criteria"
            last = item.position == item.total - 1
            back = "escape on the reflection" if last else "pageup"
            self.notify(
                f"Left {count} {noun} unscored on this answer "
                f"({', '.join(item.unscored)}); {back} comes back to it.",
                timeout=4,
            )
        if item is not None and item.position < item.total - 1:
            session.move_score(1)
            clear_stale_notices(self.app)
            self.refresh_view()
            return
        session.advance()
        self.changed()
