"""Progress over time: self-score trends per criterion and per topic, the weakest areas in
words, the practice streak, and the questions due for spaced review.

"Review due questions" (v) asks which interviewer should run the review, then starts a
session that asks the most urgent due questions in that interviewer's voice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Header,
    Static,
    TabbedContent,
    TabPane,
)

from simulator.common.names import counted
from simulator.engine.history import QuestionKey
from simulator.engine.progress import DIRECTION_WORDS, Progress, streak_words, weakest_words
from simulator.engine.review import GRADE_WORDS, ReviewItem
from simulator.journal import Journal, JournalError
from simulator.packs.library import Library
from simulator.services.practice import JournalWriter
from simulator.services.progress_report import (
    REVIEW_LIMIT,
    ProgressReport,
    read_report,
    review_keys,
    review_options,
    reviewers,
)
from simulator.tui.host import app_host, library_of, practising
from simulator.tui.screens.journal_list import JournalScreen
from simulator.tui.screens.persona_chooser import PersonaChooser
from simulator.tui.screens.shared_keys import BACK, HELP, tab_keys
from simulator.tui.timefmt import due_words
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.trend_table import TrendTable, score_style

PROMPT_WIDTH = 60
"""How much of a prompt the review table shows."""


@dataclass
class ProgressLoaded(Message):
    """The journal was read for the progress screen (or could not be)."""

    report: ProgressReport | None
    """What to show; None when the journal could not be read."""
    error: str = ""
    """Why the journal could not be read, when it could not."""


def _one_line(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def review_row(item: ReviewItem, prompt: str, now: float) -> list[Text]:
    """One due question: rich Text cells, so nothing from a pack is read as markup."""
    schedule = item.schedule
    question = Text(_one_line(prompt, PROMPT_WIDTH))
    if item.changed:
        question.append("  (changed since)", style="italic")
    last = "skipped" if schedule.last_score is None else f"{schedule.last_score:.1f}"
    return [
        question,
        Text(f"{last} ({GRADE_WORDS[schedule.last_grade]})"),
        Text(f"{schedule.interval_days} d", justify="right"),
        Text(due_words(schedule.due_at, now)),
        Text(schedule.key[0], style="dim"),
    ]


class ProgressScreen(JournalScreen, Screen[None]):
    """How self-scores move over time, and what is due for review."""

    CSS_PATH = "../styles/progress.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        *tab_keys(
            ("c", "criteria", "Criteria", "criteria-tab"),
            ("t", "topics", "Topics", "topics-tab"),
            ("d", "review", "Due", "due-tab"),
        ),
        Binding("v", "review", "Review due questions", id="review"),
        HELP,
    ]
    TITLE = "Progress"
    SUB_TITLE = "self-scores over time"

    def __init__(
        self, journal: Journal, library: Library | None = None, *, tab: str = "criteria"
    ) -> None:
        """Show ``journal``'s progress; ``library`` names criteria and finds due questions
        (the app's library is used when none is given); ``tab`` is shown first."""
        super().__init__(journal)
        self.library = library
        self.initial_tab = tab
        self.result: Progress | None = None
        """What is shown, once read."""
        self.reviews: list[ReviewItem] = []
        """The questions due for review, most urgent first."""
        self.loaded = False
        """Whether the journal has been read once."""

    def compose(self) -> ComposeResult:
        """Streak and weakest areas on top; trends and due questions in tabs."""
        yield Header()
        yield Static("Reading the journal…", id="progress-streak", markup=False)
        yield Static("", id="progress-weakest", markup=False)
        with TabbedContent(initial=self.initial_tab):
            with TabPane("By criterion", id="criteria"), VerticalScroll():
                yield TrendTable(
                    "Criterion",
                    empty="No scores yet: self-score a session to see your criteria here.",
                    id="criteria-table",
                )
            with TabPane("By topic", id="topics"), VerticalScroll():
                yield TrendTable(
                    "Topic (tag)",
                    empty="No scored answers to tagged questions yet.",
                    id="topics-table",
                )
            with TabPane("Due for review", id="review"):
                yield Static("", id="review-status", markup=False)
                yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the review table and read the journal."""
        table = self.query_one("#review-table", DataTable)
        table.add_column("Question", key="question")
        table.add_column("Last score", key="last")
        table.add_column(Text("Every", justify="right"), key="interval")
        table.add_column("Due", key="due")
        table.add_column("Pack", key="pack")
        self.reload()

    def on_screen_resume(self) -> None:
        """Back from a review session: scores and schedules have changed."""
        if self.loaded:
            self.reload()

    # --- reading --------------------------------------------------------------------------

    def current_library(self) -> Library | None:
        """The library given, else the app's."""
        if self.library is not None:
            return self.library
        return library_of(self.app)

    def reload(self) -> None:
        """Read the journal again (in the background)."""
        self.read_progress(self.writer(), self.current_library(), self.now())

    @work(thread=True, exclusive=True, group="progress-read")
    def read_progress(
        self, writer: JournalWriter | None, library: Library | None, now: float
    ) -> None:
        """Work the report out off the screen's thread."""
        try:
            report = read_report(self.journal, library, now, writer)
        except JournalError as error:
            self.post_message(ProgressLoaded(None, str(error)))
        else:
            self.post_message(ProgressLoaded(report))

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        """Fill the screen."""
        streak = self.query_one("#progress-streak", Static)
        report = message.report
        if report is None:
            streak.update(f"The journal could not be read: {message.error}")
            return
        self.loaded = True
        self.result = report.progress
        self.reviews = report.reviews
        streak.update(streak_words(report.progress))
        self.query_one("#progress-weakest", Static).update(self.weakest_content())
        self.query_one("#criteria-table", TrendTable).set_trends(report.progress.criteria)
        self.query_one("#topics-table", TrendTable).set_trends(report.progress.tags)
        self.show_reviews(report.prompts)
        self.refresh_bindings()

    def weakest_content(self) -> Content:
        """The weakest areas in words, the scores coloured."""
        result = self.result
        if result is None:
            return Content("")
        if not result.weakest_criteria and not result.weakest_tags:
            return Content.assemble((weakest_words(result), "italic"))
        parts: list[str | tuple[str, str]] = []
        for heading, items in (
            ("Work on: ", result.weakest_criteria),
            ("Weakest topics: ", result.weakest_tags),
        ):
            if not items:
                continue
            if parts:
                parts.append("\n")
            parts.append((heading, "bold"))
            for index, item in enumerate(items):
                if index:
                    parts.append("; ")
                parts += [item.label, " ", (f"{item.recent:.1f}", score_style(item.recent))]
                if item.direction:
                    parts.append(f" {item.arrow} {DIRECTION_WORDS[item.direction]}")
        return Content.assemble(*parts)

    def show_reviews(self, prompts: dict[QuestionKey, str]) -> None:
        """The due questions, most urgent first."""
        table = self.query_one("#review-table", DataTable)
        table.clear()
        now = self.now()
        for item in self.reviews:
            table.add_row(
                *review_row(item, prompts.get(item.key, item.key[1]), now),
                key=f"{item.key[0]}/{item.key[1]}",
            )
        count = len(self.reviews)
        status = self.query_one("#review-status", Static)
        if count:
            asked = min(count, REVIEW_LIMIT)
            status.update(
                f"{counted(count, 'question')} due · v reviews the "
                f"{'first ' + str(asked) if count > asked else str(asked)} with an "
                "interviewer of your choice"
            )
        else:
            status.update(
                "Nothing is due for review. Questions come back 1 to 60 days after you "
                "answer them: sooner when the score was low."
            )
        table.display = bool(count)
        self.query_one(TabbedContent).get_tab("review").label = (
            f"Due for review ({count})" if count else "Due for review"
        )

    # --- actions --------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        """Switch tabs."""
        self.query_one(TabbedContent).active = tab

    def action_review(self) -> None:
        """Ask who runs the review, then start it with the most urgent due questions."""
        if not self.reviews:
            self.notify("Nothing is due for review right now.", markup=False)
            return
        entries = reviewers(self.current_library())
        if not entries:
            self.notify("No installed interviewer can run a review.", severity="warning")
            return
        keys = review_keys(self.reviews)

        def chosen(persona_id: str | None) -> None:
            if persona_id:
                self.start_review(persona_id, keys)

        self.app.push_screen(PersonaChooser(entries, len(keys)), chosen)

    def start_review(self, persona_id: str, keys: Sequence[QuestionKey]) -> None:
        """Start the review session through the app."""
        if practising(self.app):
            self.notify("Finish or leave the session you are in first.", severity="warning")
            return
        host = app_host(self.app)
        if host is None:
            self.notify(
                "This version cannot start review sessions yet.",
                severity="warning",
                markup=False,
            )
            return
        host.start_practice(review_options(persona_id, keys))
