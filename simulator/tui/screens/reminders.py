"""Follow-up reminders from real interviews (and, on request, practice sessions): mark one
done, snooze it for a day or a week, or close the whole process (no more check-ins).

Shows what is due or overdue; ``a`` also shows what is coming up. A practice session's plan
is a drill, not letters to send, so its reminders are left out until ``p`` asks for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from simulator.journal import Journal, JournalError, Reminder
from simulator.services.practice import JournalWriter
from simulator.tui.host import now, writer_of
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.timefmt import due_words, local_date
from simulator.tui.widgets.key_footer import KeyFooter

DAY = 86_400.0
"""Seconds in a day."""

SNOOZES: dict[str, tuple[float, str]] = {
    "day": (DAY, "a day"),
    "week": (7 * DAY, "a week"),
}
"""Snooze lengths: key to (seconds, words)."""

EMPTY_DUE = (
    "Nothing to follow up right now. After an interview, the thank-you note, the one-week "
    "inquiry and the check-ins show up here when they are due. Press a to see what is coming."
)
EMPTY_ALL = "No open follow-ups. Log a real interview with l on the home screen to get its plan."


@dataclass
class RemindersLoaded(Message):
    """The reminders were read (or could not be)."""

    reminders: list[Reminder]
    """Soonest first."""
    hidden: int = 0
    """How many practice reminders the same view leaves out."""
    error: str = ""
    """Why they could not be read, when they could not."""


@dataclass
class RemindersChanged(Message):
    """A reminder was changed (or could not be)."""

    done: str
    """What was done, in words, for the notification."""
    error: str = ""
    """Why it failed, when it did."""


def origin_words(reminder: Reminder) -> str:
    """Where a reminder comes from."""
    return "real interview" if reminder.source == "interview" else "practice drill"


def reminder_row(reminder: Reminder, now: float) -> list[Text]:
    """One table row; rich Text cells, so nothing typed is read as markup."""
    due = reminder.shown_due_at
    overdue = due <= now
    when = Text(due_words(due, now), style="bold red" if overdue else "")
    if reminder.is_snoozed(now):
        when.append(" (snoozed)", style="italic")
    with_whom = Text(reminder.persona_name)
    with_whom.append(f" · {origin_words(reminder)}", style="dim")
    return [when, Text(reminder.title), with_whom]


class RemindersScreen(Screen[None]):
    """Follow-ups due or overdue, with done, snooze and close the process."""

    CSS_PATH = "../styles/reminders.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("d", "done", "Done"),
        Binding("s", "snooze('day')", "Snooze a day"),
        Binding("w", "snooze('week')", "Snooze a week"),
        Binding("c", "close_process", "Close process"),
        Binding("a", "toggle_all", "Show upcoming"),
        Binding("p", "toggle_practice", "Show practice"),
        Binding("f1,question_mark", "app.help", "Help"),
    ]

    def __init__(
        self, journal: Journal, *, show_all: bool = False, show_practice: bool = False
    ) -> None:
        """List ``journal``'s due reminders (every open one with ``show_all``; practice
        sessions' too with ``show_practice``)."""
        super().__init__()
        self.journal = journal
        self.show_all = show_all
        """Whether reminders not due yet are listed too."""
        self.show_practice = show_practice
        """Whether practice sessions' reminders (drills) are listed too."""
        self.reminders: list[Reminder] = []
        """What the table shows."""
        self.loaded = False
        """Whether the journal has been read once."""

    def compose(self) -> ComposeResult:
        """The table and a sentence for when it is empty."""
        yield Header()
        yield Static("Reading the journal…", id="reminders-status", markup=False)
        yield DataTable(id="reminders-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="reminders-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and read the journal."""
        self.title = "Follow-ups"
        table = self.query_one("#reminders-table", DataTable)
        table.add_column("When", key="when")
        table.add_column("What to do", key="title")
        table.add_column("With", key="with")
        self.query_one("#reminders-empty").display = False
        self.reload()

    # --- reading --------------------------------------------------------------------------

    def now(self) -> float:
        """The app's clock (a fake one in tests)."""
        return now(self.app)

    def writer(self) -> JournalWriter | None:
        """The app's journal writer, whose queued saves are waited for first."""
        return writer_of(self.app)

    def reload(self) -> None:
        """Read the reminders again (in the background)."""
        self.read_reminders(self.writer(), self.now(), self.show_all, self.show_practice)

    @work(thread=True, exclusive=True, group="reminders-read")
    def read_reminders(
        self, writer: JournalWriter | None, now: float, show_all: bool, practice: bool
    ) -> None:
        """Read off the screen's thread."""
        if writer is not None:
            writer.flush()
        try:
            if show_all:
                found = self.journal.open_reminders(practice=practice)
            else:
                found = self.journal.due_reminders(now, practice=practice)
            hidden = 0 if practice else self.journal.practice_reminder_count(now, due=not show_all)
        except JournalError as error:
            self.post_message(RemindersLoaded([], error=str(error)))
        else:
            self.post_message(RemindersLoaded(found, hidden))

    def on_reminders_loaded(self, message: RemindersLoaded) -> None:
        """Fill the table, keeping the cursor where it was when it can."""
        status = self.query_one("#reminders-status", Static)
        if message.error:
            status.update(f"The journal could not be read: {message.error}")
            return
        self.loaded = True
        row = self.query_one("#reminders-table", DataTable).cursor_row
        self.reminders = message.reminders
        now = self.now()
        table = self.query_one("#reminders-table", DataTable)
        table.clear()
        for reminder in self.reminders:
            table.add_row(*reminder_row(reminder, now), key=reminder.id)
        count = len(self.reminders)
        overdue = sum(1 for reminder in self.reminders if reminder.shown_due_at < now)
        if self.show_all:
            words = f"{count} open follow-up{'s' if count != 1 else ''}"
        else:
            words = f"{count} follow-up{'s' if count != 1 else ''} due"
        if overdue:
            words += f", {overdue} overdue"
        if count:
            words += " · d done · s/w snooze a day/a week · c closes the process"
        if message.hidden:
            drills = f"{message.hidden} from practice sessions"
            words += f"\nNot listed: {drills} (drills, not letters to send); p lists them too."
        elif self.show_practice:
            words += "\nPractice sessions' follow-ups are listed too; p hides them."
        status.update(words)
        table.display = bool(count)
        empty = self.query_one("#reminders-empty", Static)
        empty.update(EMPTY_ALL if self.show_all else EMPTY_DUE)
        empty.display = not count
        if count:
            table.move_cursor(row=min(row, count - 1))
            table.focus()
        self.refresh_bindings()

    def highlighted(self) -> Reminder | None:
        """The reminder under the cursor."""
        table = self.query_one("#reminders-table", DataTable)
        row = table.cursor_row
        return self.reminders[row] if self.reminders and 0 <= row < len(self.reminders) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a reminder only apply when one is highlighted."""
        needs_one = action in ("done", "snooze", "close_process")
        return not needs_one or self.highlighted() is not None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The keys depend on the highlighted row."""
        self.refresh_bindings()

    # --- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss(None)

    def action_toggle_all(self) -> None:
        """Show every open follow-up, or only those due."""
        self.show_all = not self.show_all
        self.reload()

    def action_toggle_practice(self) -> None:
        """List practice sessions' follow-ups too, or only real interviews'."""
        self.show_practice = not self.show_practice
        self.reload()

    def action_done(self) -> None:
        """Mark the highlighted follow-up done."""
        reminder = self.highlighted()
        if reminder is not None:
            now = self.now()
            self.change(
                lambda journal: journal.set_reminder_done(reminder.id, now),
                f"Done: {reminder.title}",
            )

    def action_snooze(self, length: str) -> None:
        """Hide the highlighted follow-up for a day or a week."""
        reminder = self.highlighted()
        if reminder is None or length not in SNOOZES:
            return
        seconds, words = SNOOZES[length]
        until = reminder.snooze_end(self.now(), seconds)
        self.change(
            lambda journal: journal.snooze_reminder(reminder.id, until),
            f"Snoozed {words}, until {local_date(until)}: {reminder.title}",
        )

    def action_close_process(self) -> None:
        """Close the highlighted follow-up's whole process, after asking."""
        reminder = self.highlighted()
        if reminder is None:
            return

        def answered(choice: str | None) -> None:
            if choice == "close":
                self.change(
                    lambda journal: journal.close_follow_up(reminder.session_id) > 0,
                    f"Closed the process with {reminder.persona_name}",
                )

        self.app.push_screen(
            ConfirmScreen(
                "Close this process?",
                f"No more follow-ups for {reminder.persona_name}: its open thank-you notes, "
                "inquiry and check-ins are closed. Do this when you have heard back or moved on.",
                [("keep", "Keep following up"), ("close", "Close the process")],
            ),
            answered,
        )

    def change(self, write: Callable[[Journal], bool], done: str) -> None:
        """Make a change off the screen's thread, then read the list again."""
        self.write_change(self.writer(), write, done)

    @work(thread=True, group="reminders-write")
    def write_change(
        self, writer: JournalWriter | None, write: Callable[[Journal], bool], done: str
    ) -> None:
        """Run one change after any queued saves."""
        if writer is not None:
            writer.flush()
        try:
            found = write(self.journal)
        except JournalError as error:
            self.post_message(RemindersChanged(done, str(error)))
        else:
            self.post_message(RemindersChanged(done, "" if found else "it is not there any more"))

    def on_reminders_changed(self, message: RemindersChanged) -> None:
        """Say what happened and read the list again."""
        if message.error:
            self.notify(message.error, title="Not changed", severity="error", markup=False)
        else:
            self.notify(message.done, markup=False)
        self.reload()
