"""The real-interview log's list: every real interview noted after it happened, the most
recent first.

:class:`RealInterviewsScreen` lists the logged interviews (n logs a new one, enter opens
one, p turns its questions into a personal pack to practise, del deletes). The log itself,
with its reflection and follow-up plan, is
:class:`~simulator.tui.screens.real_interview_form.RealInterviewForm`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from simulator.common.names import counted
from simulator.engine.followup import open_reminders
from simulator.journal import Journal
from simulator.journal.models import RealInterview
from simulator.tui.practice_pack_screen import PracticePackScreen
from simulator.tui.screens.journal_list import JournalList
from simulator.tui.screens.real_interview_form import RealInterviewForm
from simulator.tui.screens.shared_keys import BACK, DELETE, HELP, OPEN
from simulator.tui.timefmt import local_date


def interview_row(interview: RealInterview) -> list[Text]:
    """One logged interview; rich Text cells, so nothing typed is read as markup."""
    waiting = len(open_reminders(interview.reminders))
    return [
        Text(local_date(interview.held_at).split(" ")[0]),
        Text(interview.company),
        Text(interview.role),
        Text(interview.format_name),
        Text(str(len(interview.questions)), justify="right"),
        Text(f"{waiting} open" if waiting else "none", style="" if waiting else "dim"),
    ]


class RealInterviewsScreen(JournalList[RealInterview, list[RealInterview]], PracticePackScreen):
    """The logged real interviews, the most recent first."""

    CSS_PATH = "../styles/real_interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        Binding("n", "new", "Log an interview", id="new-log"),
        OPEN,
        Binding("p", "practise", "Practise this again", id="practise-again"),
        DELETE,
        HELP,
    ]
    TITLE = "Real interviews"
    PLACE = "interviews"
    EMPTY = (
        "No real interviews logged yet. After an interview, press n to note what they "
        "asked and how it went: you get a follow-up plan, and p turns the questions into "
        "a pack to practise."
    )
    COLUMNS = (
        ("Date", "date"),
        ("Company", "company"),
        ("Role", "role"),
        ("Format", "format"),
        ("Questions", "questions"),
        ("Follow-ups", "follow-ups"),
    )
    RIGHT_ALIGNED = frozenset({"questions"})
    NEEDS_ONE = frozenset({"open", "practise", "delete"})

    @property
    def interviews(self) -> list[RealInterview]:
        """What the table shows."""
        return self.items

    def on_screen_resume(self) -> None:
        """Back from the form: read the list again."""
        if self.loaded:
            self.reload()

    def journal_query(self) -> Callable[[Journal], list[RealInterview]]:
        """Every log, the most recent first."""
        return Journal.real_interviews

    def row(self, item: RealInterview) -> list[Text]:
        """One log."""
        return interview_row(item)

    def key(self, item: RealInterview) -> str:
        """The log's id."""
        return item.id

    def fill(self, found: list[RealInterview]) -> None:
        """The logs, and what the keys do."""
        words = counted(len(found), "real interview")
        if found:
            words += " · n logs another · enter opens · p makes a practice pack"
        self.show_rows(found, words)

    def action_new(self) -> None:
        """Log a new interview."""
        self.app.push_screen(RealInterviewForm(self.journal))

    def action_open(self) -> None:
        """Open the highlighted log to read or change it."""
        interview = self.highlighted()
        if interview is not None:
            self.app.push_screen(RealInterviewForm(self.journal, interview))

    def action_practise(self) -> None:
        """Turn the highlighted interview's questions into a pack to practise."""
        interview = self.highlighted()
        if interview is not None:
            self.practise_again(interview)

    def action_delete(self) -> None:
        """Delete the highlighted log, after asking."""
        interview = self.highlighted()
        if interview is None:
            return
        interview_id = interview.id
        self.ask_to_delete(
            "Delete this interview log?",
            f"The log of {interview.title} with its questions and follow-ups is removed "
            "(its topics stay on the study list, and a practice pack made from it stays "
            "in your pack folder). This cannot be undone.",
            # One already gone is as good as deleted.
            lambda journal: journal.delete_real_interview(interview_id) or True,
            "The interview log was deleted.",
        )
