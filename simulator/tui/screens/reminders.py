"""Follow-up reminders from real interviews (and, on request, practice sessions): mark one
done, snooze it for a day or a week, or close the whole process (no more check-ins).

Shows what is due or overdue; ``a`` also shows what is coming up, and ``x`` exports every
open follow-up as a calendar file. A practice session's plan
is a drill, not letters to send, so its reminders are left out until ``p`` asks for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.screen import Screen

from simulator.common.names import counted
from simulator.journal import Journal, Reminder
from simulator.services.exports import calendar_file
from simulator.tui.downloads import export_in_background
from simulator.tui.screens.confirm import Question, ask
from simulator.tui.screens.journal_list import JournalList
from simulator.tui.screens.shared_keys import BACK, HELP
from simulator.tui.timefmt import due_words, local_date

DAY = 86_400.0
"""Seconds in a day."""

SNOOZES: dict[str, tuple[str, float, str]] = {
    "day": ("s", DAY, "a day"),
    "week": ("w", 7 * DAY, "a week"),
}
"""Snooze lengths: name to (key, seconds, words)."""

EMPTY_DUE = (
    "Nothing to follow up right now. After an interview, the thank-you note, the one-week "
    "inquiry and the check-ins show up here when they are due. Press a to see what is coming."
)
EMPTY_ALL = "No open follow-ups. Log a real interview with l on the home screen to get its plan."


@dataclass(frozen=True)
class FollowUps:
    """One read of the follow-ups."""

    reminders: list[Reminder]
    """Soonest first."""
    hidden: int
    """How many practice reminders the same view leaves out."""


def follow_ups(now: float, *, show_all: bool, practice: bool) -> Callable[[Journal], FollowUps]:
    """The read of the follow-ups due at ``now`` (every open one with ``show_all``; practice
    sessions' too with ``practice``), counting the practice ones left out."""

    def read(journal: Journal) -> FollowUps:
        if show_all:
            found = journal.open_reminders(practice=practice)
        else:
            found = journal.due_reminders(now, practice=practice)
        hidden = 0 if practice else journal.practice_reminder_count(now, due=not show_all)
        return FollowUps(found, hidden)

    return read


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


class RemindersScreen(JournalList[Reminder, FollowUps], Screen[None]):
    """Follow-ups due or overdue, with done, snooze and close the process."""

    CSS_PATH = "../styles/reminders.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        Binding("d", "done", "Done", id="done"),
        *(
            Binding(key, f"snooze('{length}')", f"Snooze {words}", id=f"snooze-{length}")
            for length, (key, _, words) in SNOOZES.items()
        ),
        Binding("c", "close_process", "Close process", id="close-process"),
        Binding("a", "toggle_all", "Show upcoming", id="show-upcoming"),
        Binding("p", "toggle_practice", "Show practice", id="show-practice"),
        Binding("x", "calendar", "Calendar file", id="export"),
        HELP,
    ]
    TITLE = "Follow-ups"
    PLACE = "reminders"
    COLUMNS = (("When", "when"), ("What to do", "title"), ("With", "with"))
    NEEDS_ONE = frozenset({"done", "snooze", "close_process"})

    def __init__(
        self, journal: Journal, *, show_all: bool = False, show_practice: bool = False
    ) -> None:
        """List ``journal``'s due reminders (every open one with ``show_all``; practice
        sessions' too with ``show_practice``)."""
        super().__init__(journal)
        self.show_all = show_all
        """Whether reminders not due yet are listed too."""
        self.show_practice = show_practice
        """Whether practice sessions' reminders (drills) are listed too."""
        self.shown_at = 0.0
        """The time the rows were worked out for (one moment for all of them)."""

    @property
    def reminders(self) -> list[Reminder]:
        """What the table shows."""
        return self.items

    # --- reading --------------------------------------------------------------------------

    def journal_query(self) -> Callable[[Journal], FollowUps]:
        """The follow-ups the screen lists now."""
        return follow_ups(self.now(), show_all=self.show_all, practice=self.show_practice)

    def row(self, item: Reminder) -> list[Text]:
        """One follow-up, as of when the list was filled."""
        return reminder_row(item, self.shown_at)

    def key(self, item: Reminder) -> str:
        """The reminder's id."""
        return item.id

    def fill(self, found: FollowUps) -> None:
        """The follow-ups, with how many are overdue and what is left out."""
        self.shown_at = now = self.now()
        count = len(found.reminders)
        overdue = sum(1 for reminder in found.reminders if reminder.shown_due_at < now)
        if self.show_all:
            words = counted(count, "open follow-up")
        else:
            words = f"{counted(count, 'follow-up')} due"
        if overdue:
            words += f", {overdue} overdue"
        if count:
            words += " · d done · s/w snooze a day/a week · c closes the process · x calendar"
        if found.hidden:
            drills = f"{found.hidden} from practice sessions"
            words += f"\nNot listed: {drills} (drills, not letters to send); p lists them too."
        elif self.show_practice:
            words += "\nPractice sessions' follow-ups are listed too; p hides them."
        self.empty().update(EMPTY_ALL if self.show_all else EMPTY_DUE)
        self.show_rows(found.reminders, words)

    # --- actions --------------------------------------------------------------------------

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
        _, seconds, words = SNOOZES[length]
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
        name, session_id = reminder.persona_name, reminder.session_id
        question = Question(
            "Close this process?",
            f"No more follow-ups for {name}: its open thank-you notes, "
            "inquiry and check-ins are closed. Do this when you have heard back or moved on.",
            keep=("keep", "Keep following up"),
            go=("close", "Close the process"),
        )

        def close() -> None:
            self.change(
                lambda journal: journal.close_follow_up(session_id) > 0,
                f"Closed the process with {name}",
            )

        ask(self.app, question, close)

    def action_calendar(self) -> None:
        """Export every open follow-up (practice ones too while they are listed) as a
        calendar file in the current folder, or offer it as a download in a browser."""
        build = partial(calendar_file, owner=None, now=self.now(), practice=self.show_practice)
        export_in_background(self.app, build, journal=self.journal, writer=self.writer())

    def action_toggle_all(self) -> None:
        """Show every open follow-up, or only those due."""
        self.show_all = not self.show_all
        self.reload()

    def action_toggle_practice(self) -> None:
        """List practice sessions' follow-ups too, or only real interviews'."""
        self.show_practice = not self.show_practice
        self.reload()
