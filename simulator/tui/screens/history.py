"""Past sessions, newest first: open one read-only, resume, export to Markdown, delete."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from simulator.common.names import STOPPED_AT
from simulator.engine.snapshot import SessionSnapshot
from simulator.journal import Journal, JournalError, SessionSummary
from simulator.journal.export import export_session_file
from simulator.services.practice import JournalWriter
from simulator.tui.host import app_host, library_of, practising, writer_of
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.session_view import SessionViewScreen
from simulator.tui.timefmt import local_date
from simulator.tui.widgets.key_footer import KeyFooter

EMPTY_TEXT = (
    "No sessions yet. Pick an interviewer on the home screen and practise: "
    "every session you start is kept here."
)
"""What an empty journal shows."""

PAGE = 200
"""Sessions read at a time: the newest page paints at once, older ones load on scrolling."""


@dataclass
class HistoryLoaded(Message):
    """The journal's sessions were read (or could not be)."""

    sessions: list[SessionSummary]
    """Summaries, newest first."""
    error: str = ""
    """Why the journal could not be read, when it could not."""
    total: int = 0
    """How many sessions the journal holds."""
    unfinished: int = 0
    """How many of them are unfinished."""
    offset: int = 0
    """Where this page starts (0: a fresh read that replaces the table)."""


@dataclass
class SessionOpened(Message):
    """One session was read from the journal, to show read-only."""

    snapshot: SessionSnapshot | None
    """The session, or None when it is gone or could not be read."""
    error: str = ""
    """Why it could not be read, when it could not."""


@dataclass
class SessionExported(Message):
    """A session was written to a Markdown file (or was not)."""

    path: Path
    """The file written (the folder, when nothing was)."""
    error: str = ""
    """Why it was not written, when it was not."""


@dataclass
class SessionDeleted(Message):
    """A session was deleted from the journal (or could not be)."""

    session_id: str
    """The session."""
    error: str = ""
    """Why it could not be deleted, when it could not."""


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


class HistoryScreen(Screen[None]):
    """The journal's sessions, newest first."""

    CSS_PATH = "../styles/history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("enter", "open", "Open", priority=True),
        Binding("r", "resume", "Resume"),
        Binding("x", "export", "Export"),
        Binding("delete", "delete", "Delete", key_display="del"),
        Binding("f1,question_mark", "app.help", "Help"),
    ]

    def __init__(self, journal: Journal) -> None:
        """List the sessions of ``journal``."""
        super().__init__()
        self.journal = journal
        """Where the sessions are read from."""
        self.sessions: list[SessionSummary] = []
        """What the table shows, newest first."""
        self.loaded = False
        """Whether the journal has been read once."""
        self.total = 0
        """How many sessions the journal holds (more than are loaded, in a long history)."""
        self.unfinished = 0
        """How many of them are unfinished."""

    def compose(self) -> ComposeResult:
        """The table, and the sentence shown instead when there is nothing in it."""
        yield Header()
        yield Static("Reading the journal…", id="history-status", markup=False)
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Static(EMPTY_TEXT, id="history-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and read the journal."""
        self.title = "History"
        self.sub_title = "past sessions, newest first"
        table = self.query_one("#history-table", DataTable)
        table.add_column("Started", key="started")
        table.add_column("Interviewer", key="persona")
        table.add_column("Status", key="status")
        table.add_column(Text("Answers", justify="right"), key="answers")
        table.add_column(Text("Mean", justify="right"), key="mean")
        self.query_one("#history-empty").display = False
        # Scrolling with the mouse near the end reads older sessions, as the cursor does.
        self.watch(table, "scroll_y", self._scrolled, init=False)
        self.reload()

    # --- reading ---------------------------------------------------------------------------

    def writer(self) -> JournalWriter | None:
        """The app's journal writer, whose queued saves are waited for before reading."""
        return writer_of(self.app)

    def reload(self) -> None:
        """Read the sessions again (in the background), as many as are loaded now."""
        self.read_sessions(self.writer(), max(PAGE, len(self.sessions)))

    @work(thread=True, exclusive=True, group="history-read")
    def read_sessions(self, writer: JournalWriter | None, limit: int = PAGE) -> None:
        """Read the newest ``limit`` summaries and the counts, off the screen's thread."""
        if writer is not None:
            writer.flush()
        try:
            sessions = self.journal.list_sessions(limit=limit)
            total = self.journal.count_sessions()
            unfinished = self.journal.count_sessions(unfinished=True)
        except JournalError as error:
            self.post_message(HistoryLoaded([], str(error)))
        else:
            self.post_message(HistoryLoaded(sessions, "", total, unfinished))

    @work(thread=True, exclusive=True, group="history-page")
    def read_page(self, offset: int) -> None:
        """Read the next page of older sessions, as the cursor nears the end."""
        try:
            sessions = self.journal.list_sessions(limit=PAGE, offset=offset)
        except JournalError:
            return
        self.post_message(HistoryLoaded(sessions, "", self.total, self.unfinished, offset))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        """Fill the table, keeping the cursor on the same session when it is still there."""
        status = self.query_one("#history-status", Static)
        if message.error:
            status.update(f"The journal could not be read: {message.error}")
            return
        table = self.query_one("#history-table", DataTable)
        if message.offset:
            if message.offset == len(self.sessions):  # else a newer read replaced the list
                self.sessions += message.sessions
                for summary in message.sessions:
                    table.add_row(*summary_row(summary), key=summary.id)
            return
        self.loaded = True
        current = self.highlighted()
        self.sessions = message.sessions
        self.total = message.total
        self.unfinished = message.unfinished
        table.clear()
        for summary in self.sessions:
            table.add_row(*summary_row(summary), key=summary.id)
        count = message.total
        unfinished = message.unfinished
        words = f"{count} session{'s' if count != 1 else ''}"
        if unfinished:
            words += f" · {unfinished} unfinished (r resumes)"
        if count:
            words += " · enter opens · x exports · del deletes"
        status.update(words)
        table.display = bool(self.sessions)
        self.query_one("#history-empty").display = not self.sessions
        if current is not None:
            ids = [summary.id for summary in self.sessions]
            if current.id in ids:
                table.move_cursor(row=ids.index(current.id))
        if self.sessions:
            table.focus()
        self.refresh_bindings()

    # --- the highlighted session ------------------------------------------------------------

    def highlighted(self) -> SessionSummary | None:
        """The session under the cursor."""
        table = self.query_one("#history-table", DataTable)
        if not self.sessions or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.sessions[row] if 0 <= row < len(self.sessions) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The keys that apply depend on the highlighted session; near the end of what is
        loaded, the next page of older sessions is read."""
        self.refresh_bindings()
        self._read_more_near(event.cursor_row)

    def _scrolled(self, scroll_y: float) -> None:
        table = self.query_one("#history-table", DataTable)
        self._read_more_near(int(scroll_y) + table.scrollable_content_region.height)

    def _read_more_near(self, row: int) -> None:
        """Read the next page of older sessions once ``row`` is near the end of those loaded."""
        loaded = len(self.sessions)
        if row >= loaded - PAGE // 4 and loaded < self.total:
            self.read_page(loaded)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that apply: resume for unfinished sessions, and so on."""
        if action in ("open", "export", "delete", "resume"):
            summary = self.highlighted()
            if summary is None:
                return False
            if action == "resume" and summary.phase == "done":
                return None
        return True

    # --- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss(None)

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
        """Write the highlighted session to a Markdown file in the current folder."""
        summary = self.highlighted()
        if summary is not None:
            self.export(summary.id, Path.cwd())

    @work(thread=True, exclusive=True, group="history-export")
    def export(self, session_id: str, folder: Path) -> None:
        """Write the file off the screen's thread, to a file of its own (an existing file
        is never replaced; see :func:`export_session_file`)."""
        try:
            path = export_session_file(self.journal, session_id, folder)
        except JournalError as error:
            self.post_message(SessionExported(folder, str(error)))
        else:
            self.post_message(SessionExported(path))

    def on_session_exported(self, message: SessionExported) -> None:
        """Say where the file is, or why it is not."""
        if message.error:
            self.notify(
                f"Nothing was written to {message.path}: {message.error}.",
                title="Not exported",
                severity="error",
                markup=False,
            )
        else:
            self.notify(str(message.path), title="Exported to Markdown", markup=False)

    def action_delete(self) -> None:
        """Delete the highlighted session, after asking."""
        summary = self.highlighted()
        if summary is None:
            return

        def answered(choice: str | None) -> None:
            if choice == "delete":
                self.delete(summary.id)

        when = local_date(summary.created_at)
        self.app.push_screen(
            ConfirmScreen(
                "Delete this session?",
                f"The session with {summary.persona_name} from {when}, with its answers, "
                "scores and reminders, is removed from the journal. This cannot be undone.",
                [("keep", "Keep it"), ("delete", "Delete")],
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="history-delete")
    def delete(self, session_id: str) -> None:
        """Delete off the screen's thread."""
        try:
            self.journal.delete_session(session_id)
        except JournalError as error:
            self.post_message(SessionDeleted(session_id, str(error)))
        else:
            self.post_message(SessionDeleted(session_id))

    def on_session_deleted(self, message: SessionDeleted) -> None:
        """Say so, and read the list again."""
        if message.error:
            self.notify(message.error, title="Not deleted", severity="error", markup=False)
        else:
            self.notify("The session was deleted.")
        self.reload()
