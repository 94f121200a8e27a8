"""The summary: the session in numbers, scores per criterion and tag, reflection, follow-ups.

The session is already in the journal; ``x`` exports it as Markdown to a new file in the
current folder (never replacing one) and ctrl+s finishes it and goes home.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from simulator.common.names import COUNT_NAMES
from simulator.engine.snapshot import ReminderSnapshot
from simulator.engine.views import SessionSummary
from simulator.services.exports import session_file
from simulator.tui.downloads import export_in_background
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.timefmt import clock_text, local_date
from simulator.tui.widgets.heading import heading
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.labelled_rows import LabelledRows, Row

Part = str | tuple[str, str]
"""A piece of display text: plain, or plain with one of our own styles."""

BAR_WIDTH = 10
"""Cells in a score bar (a mean of 5 fills them all)."""


def bar(mean: float, width: int = BAR_WIDTH) -> Content:
    """A mean score from 1 to 5 as a bar, followed by the mean itself."""
    filled = max(0, min(width, round(mean / 5 * width)))
    return Content.assemble(
        ("█" * filled, "$accent"), ("░" * (width - filled), "dim"), f" {mean:.1f}"
    )


def number_rows(summary: SessionSummary) -> list[Row]:
    """The session in numbers."""
    scores = summary.scores
    if scores.overall is None:
        overall = Content.assemble(("nothing scored", "dim"))
    else:
        overall = Content.assemble(
            bar(scores.overall), (f"  {scores.scored} of {scores.scorable} scored", "dim")
        )
    return [
        (COUNT_NAMES["questions"], Content(str(summary.questions))),
        (COUNT_NAMES["follow_ups"], Content(str(summary.follow_ups))),
        (COUNT_NAMES["answered"], Content(str(summary.answered))),
        (COUNT_NAMES["skipped"], Content(str(summary.skipped))),
        (COUNT_NAMES["overtime_answers"], Content(str(summary.overtime_answers))),
        (COUNT_NAMES["time_used"], Content(clock_text(summary.time_used))),
        ("Overall", overall),
    ]


def criterion_rows(summary: SessionSummary) -> list[Row]:
    """The mean score of each rubric criterion."""
    return [
        (
            score.label,
            Content.assemble(bar(score.mean), (f"  ×{score.count}", "dim")),
        )
        for score in summary.scores.by_criterion
    ]


def tag_rows(summary: SessionSummary) -> list[Row]:
    """The mean score of the answers with each tag, lowest first."""
    return [
        (score.tag, Content.assemble(bar(score.mean), (f"  ×{score.count}", "dim")))
        for score in summary.scores.by_tag
    ]


def _text_or_none(text: str) -> Part:
    return text.strip() if text.strip() else ("(nothing written)", "dim italic")


def reflection_content(summary: SessionSummary) -> Content:
    """The reflection, prompt by prompt."""
    reflection = summary.reflection
    parts: list[Part] = [
        ("What went well", "bold"),
        "\n",
        _text_or_none(reflection["went_well"]),
        "\n\n",
        ("What you would say differently", "bold"),
        "\n",
        _text_or_none(reflection["say_differently"]),
        "\n\n",
        ("Notes on the interviewer", "bold"),
        "\n",
        _text_or_none(reflection["interviewer_notes"]),
        "\n\n",
        ("Topics to learn", "bold"),
        "\n",
    ]
    parts += _lines([_bullet(topic) for topic in reflection["topics"]], "(none)")
    return Content.assemble(*parts)


def _lines(lines: list[list[Part]], empty: str) -> list[Part]:
    """Lines one under another, or ``empty`` (dim) when there are none."""
    if not lines:
        return [(empty, "dim italic")]
    parts: list[Part] = []
    for index, line in enumerate(lines):
        parts += ["\n" if index else "", *line]
    return parts


def _bullet(text: str) -> list[Part]:
    return [("• ", "$accent"), text]


def questions_content(summary: SessionSummary) -> Content:
    """The questions the candidate asked at the end."""
    asked = [_bullet(question) for question in summary.candidate_questions]
    return Content.assemble(*_lines(asked, "You asked no questions this time."))


def _reminder_line(reminder: ReminderSnapshot) -> list[Part]:
    style = "" if reminder["done_at"] is None and not reminder["closed"] else "dim"
    line: list[Part] = [(local_date(reminder["due_at"]), "bold " + style if style else "bold")]
    line += ["  ", (reminder["title"], style)]
    if reminder["done_at"] is not None:
        line += [("  done", "$success")]
    elif reminder["closed"]:
        line += [("  closed", "dim")]
    return line


def reminders_content(summary: SessionSummary) -> Content:
    """The follow-up plan, one line per reminder."""
    lines = [_reminder_line(reminder) for reminder in summary.reminders]
    return Content.assemble(*_lines(lines, "No follow-ups planned."))


class SummaryScreen(SessionScreen):
    """The session at a glance, before finishing it."""

    CSS_PATH = "../styles/summary.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (Textual's type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "finish", "Finish", id="finish"),
        Binding("x", "export", "Export to Markdown", id="export"),
        Binding("escape", "back", "Back", id="back"),
        Binding("question_mark", "app.help", "Help", show=False, id="help"),
    ]

    def compose(self) -> ComposeResult:
        """Two columns (one on a narrow terminal) in a scrolling page."""
        yield Header()
        yield Static("", id="summary-heading", markup=False)
        with VerticalScroll(id="summary-page"), Horizontal(id="summary-columns"):
            with Vertical(id="summary-left", classes="summary-column"):
                yield heading("The session in numbers", classes="summary-title")
                yield LabelledRows(label_width=19, id="summary-numbers")
                yield heading("Scores by criterion", classes="summary-title")
                yield LabelledRows(label_width=26, id="summary-criteria")
                yield Static("", id="summary-no-criteria", markup=False)
                yield heading("Scores by topic", "  lowest first", classes="summary-title")
                yield LabelledRows(label_width=26, id="summary-tags")
                yield Static("", id="summary-no-tags", markup=False)
            with Vertical(id="summary-right", classes="summary-column"):
                yield heading("Reflection", classes="summary-title")
                yield Static("", id="summary-reflection", markup=False)
                yield heading("Your questions", classes="summary-title")
                yield Static("", id="summary-questions", markup=False)
                yield heading("Follow-up plan", classes="summary-title")
                yield Static("", id="summary-reminders", markup=False)
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Fill the page and let the arrow keys scroll it."""
        self.query_one("#summary-page").focus()

    def refresh_view(self) -> None:
        """Draw the summary from the session."""
        summary = self.practice.session.summary()
        self.query_one("#summary-heading", Static).update(
            Content.assemble(
                ("Summary", "bold"),
                ("  ·  ", "dim"),
                f"with {summary.persona_name}",
                ("  ·  ", "dim"),
                f"started {local_date(summary.created_at)}",
                ("  ·  saved in your journal", "dim"),
            )
        )
        self.query_one("#summary-numbers", LabelledRows).set_rows(number_rows(summary))
        criteria = criterion_rows(summary)
        self.query_one("#summary-criteria", LabelledRows).set_rows(criteria)
        no_criteria = self.query_one("#summary-no-criteria", Static)
        no_criteria.display = not criteria
        no_criteria.update(Content.assemble(("Nothing scored yet.", "dim italic")))
        tags = tag_rows(summary)
        self.query_one("#summary-tags", LabelledRows).set_rows(tags)
        no_tags = self.query_one("#summary-no-tags", Static)
        no_tags.display = not tags
        no_tags.update(Content.assemble(("No scored answers with topics.", "dim italic")))
        self.query_one("#summary-reflection", Static).update(reflection_content(summary))
        self.query_one("#summary-questions", Static).update(questions_content(summary))
        self.query_one("#summary-reminders", Static).update(reminders_content(summary))

    # --- keys ----------------------------------------------------------------------------

    def action_export(self) -> None:
        """Export this session as Markdown to the current folder (never overwriting), or,
        in a browser, as a download."""
        export_in_background(self.app, partial(session_file, session_id=self.practice.session.id))

    def action_finish(self) -> None:
        """Finish the session and go home."""
        self.practice.session.finish()
        self.main_app.end_session()
        self.app.notify("Session finished and saved to your journal.", timeout=4)

    def action_back(self) -> None:
        """Back to the follow-up plan."""
        self.practice.session.go_back()
        self.changed()
