"""Past sessions, newest first: open one read-only, resume, export to Markdown, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable

from simulator.common.names import STOPPED_AT, counted
from simulator.engine.snapshot import SessionSnapshot
from simulator.journal import Journal, JournalError, SessionSummary
from simulator.services.exports import session_file
from simulator.tui.downloads import export_in_background
from simulator.tui.host import app_host, library_of, practising
from simulator.tui.screens.journal_list import JournalList
from simulator.tui.screens.session_view import SessionViewScreen
from simulator.tui.screens.shared_keys import BACK, DELETE, HELP, OPEN
from simulator.tui.timefmt import local_date

EMPTY_TEXT = (
    "No sessions yet. Pick an interviewer on the home screen and practise: "
    "every session you start is kept here."
)
"""What an empty journal shows."""

PAGE = 200
"""Sessions read at a time: the newest page paints at once, older ones load on scrolling."""


@dataclass(frozen=True)
class HistoryPage:
    """One read of the history: the newest sessions, and how many there are."""

    sessions: list[SessionSummary]
    """Summaries, newest first."""
    total: int
    """How many sessions the journal holds."""
    unfinished: int
    """How many of them are unfinished."""


def newest_sessions(limit: int) -> Callable[[Journal], HistoryPage]:
    """The read of the newest ``limit`` summaries, with the counts."""
    return lambda journal: HistoryPage(
        journal.list_sessions(limit=limit),
        journal.count_sessions(),
        journal.count_sessions(unfinished=True),
    )


@dataclass
class OlderSessions(Message):
    """The next page of older sessions was read."""

    sessions: list[SessionSummary]
    """Summaries, newest first."""
    offset: int
    """Where this page starts."""


@dataclass
class SessionOpened(Message):
    """One session was read from the journal, to show read-only."""

    snapshot: SessionSnapshot | None
    """The session, or None when it is gone or could not be read."""
    error: str = ""
    """Why it could not be read, when it could not."""


def status_words(summary: SessionSummary) -> str:
    """Finished, or where an unfinished session stopped."""
    if summary.phase == "done":
        return "finished"
    return f"stopped at {STOPPED_AT.get(summary.phase, summary.phase)}"


def answers_words(summary: SessionSummary) -> str:
    """How many answers, and how many of them were skipped."""
    words = str(summary.answer_count)
    if summary.skipped_count:
        words += f" ({summary.skipped_count} skipped)"
    return words


def summary_row(summary: SessionSummary) -> list[Text]:
    """One table row; rich Text cells, so nothing from the journal is read as markup."""
    finished = summary.phase == "done"
    mean = "–" if summary.mean_score is None else f"{summary.mean_score:.1f}"
    return [
        Text(local_date(summary.created_at)),
        Text(summary.persona_name),
        Text(status_words(summary), style="" if finished else "italic"),
        Text(answers_words(summary), justify="right"),
        Text(mean, justify="right"),
    ]


class HistoryScreen(JournalList[SessionSummary, HistoryPage], Screen[None]):
    """The journal's sessions, newest first."""

    CSS_PATH = "../styles/history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        OPEN,
        Binding("r", "resume", "Resume", id="resume"),
        Binding("x", "export", "Export", id="export"),
        DELETE,
        HELP,
    ]
    TITLE = "History"
    SUB_TITLE = "past sessions, newest first"
    PLACE = "history"
    EMPTY = EMPTY_TEXT
    COLUMNS = (
        ("Started", "started"),
        ("Interviewer", "persona"),
        ("Status", "status"),
        ("Answers", "answers"),
        ("Mean", "mean"),
    )
    RIGHT_ALIGNED = frozenset({"answers", "mean"})
    NEEDS_ONE = frozenset({"open", "export", "delete", "resume"})
    FOLLOWS_ITEM = True
    KEEPS_ROW = False

    def __init__(self, journal: Journal) -> None:
        """List the sessions of ``journal``."""
        super().__init__(journal)
        self.total = 0
        """How many sessions the journal holds (more than are loaded, in a long history)."""
        self.unfinished = 0
        """How many of them are unfinished."""

    @property
    def sessions(self) -> list[SessionSummary]:
        """What the table shows, newest first."""
        return self.items

    def on_mount(self) -> None:
        """Scrolling with the mouse near the end reads older sessions, as the cursor does."""
        self.watch(self.table(), "scroll_y", self._scrolled, init=False)

    # --- reading ---------------------------------------------------------------------------

    def journal_query(self) -> Callable[[Journal], HistoryPage]:
        """The newest sessions, as many as are loaded now."""
        return newest_sessions(max(PAGE, len(self.items)))

    def row(self, item: SessionSummary) -> list[Text]:
        """One session."""
        return summary_row(item)

    def key(self, item: SessionSummary) -> str:
        """The session's id."""
        return item.id

    def fill(self, found: HistoryPage) -> None:
        """The newest page, and the counts in the status line."""
        self.total = count = found.total
        self.unfinished = unfinished = found.unfinished
        words = counted(count, "session")
        if unfinished:
            words += f" · {unfinished} unfinished (r resumes)"
        if count:
            words += " · enter opens · x exports · del deletes"
        self.show_rows(found.sessions, words)

    @work(thread=True, exclusive=True, group="history-page")
    def read_page(self, offset: int) -> None:
        """Read the next page of older sessions, as the cursor nears the end."""
        try:
            sessions = self.journal.list_sessions(limit=PAGE, offset=offset)
        except JournalError:
            return
        self.post_message(OlderSessions(sessions, offset))

    def on_older_sessions(self, message: OlderSessions) -> None:
        """Add the older sessions, unless a newer read replaced the list meanwhile."""
        if message.offset == len(self.items):
            self.items += message.sessions
            table = self.table()
            for summary in message.sessions:
                table.add_row(*summary_row(summary), key=summary.id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Near the end of what is loaded, the next page of older sessions is read."""
        self._read_more_near(event.cursor_row)

    def _scrolled(self, scroll_y: float) -> None:
        self._read_more_near(int(scroll_y) + self.table().scrollable_content_region.height)

    def _read_more_near(self, row: int) -> None:
        """Read the next page of older sessions once ``row`` is near the end of those loaded."""
        loaded = len(self.items)
        if row >= loaded - PAGE // 4 and loaded < self.total:
            self.read_page(loaded)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that apply: resume for unfinished sessions, and so on."""
        summary = self.highlighted()
        if action == "resume" and summary is not None and summary.phase == "done":
            return None
        return super().check_action(action, parameters)

    # --- actions --------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row opens that session."""
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Show the highlighted session, read-only."""
        summary = self.highlighted()
        if summary is not None:
            self.read_session(summary.id)

    @work(thread=True, exclusive=True, group="history-open")
    def read_session(self, session_id: str) -> None:
        """Load one whole session off the screen's thread."""
        try:
            snapshot = self.journal.load_session(session_id)
        except JournalError as error:
            self.post_message(SessionOpened(None, str(error)))
        else:
            self.post_message(
                SessionOpened(snapshot, "" if snapshot else "it is not there any more")
            )

    def on_session_opened(self, message: SessionOpened) -> None:
        """Push the read-only view."""
        if message.snapshot is None:
            self.notify(
                f"This session cannot be shown: {message.error}",
                severity="error",
                markup=False,
            )
            self.reload()
            return
        self.app.push_screen(SessionViewScreen(message.snapshot, library_of(self.app)))

    def action_resume(self) -> None:
        """Go back to the highlighted session, if it is unfinished."""
        summary = self.highlighted()
        if summary is None:
            return
        if summary.phase == "done":
            self.notify("This session is finished; press enter to read it.", markup=False)
            return
        if practising(self.app):
            self.notify("Finish or leave the session you are in first.", severity="warning")
            return
        host = app_host(self.app)
        if host is None:
            return
        self.dismiss(None)
        host.resume_practice(summary.id)

    def action_export(self) -> None:
        """Write the highlighted session to a Markdown file in the current folder (in a
        browser, offer it as a download)."""
        summary = self.highlighted()
        if summary is not None:
            export_in_background(
                self.app,
                partial(session_file, session_id=summary.id),
                journal=self.journal,
                writer=self.writer(),
            )

    def action_delete(self) -> None:
        """Delete the highlighted session, after asking."""
        summary = self.highlighted()
        if summary is None:
            return
        session_id = summary.id
        when = local_date(summary.created_at)
        self.ask_to_delete(
            "Delete this session?",
            f"The session with {summary.persona_name} from {when}, with its answers, "
            "scores and reminders, is removed from the journal. This cannot be undone.",
            # One already gone is as good as deleted.
            lambda journal: journal.delete_session(session_id) or True,
            "The session was deleted.",
        )
