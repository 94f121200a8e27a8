"""The study list: topics to learn, noted in reflections after practice sessions and real
interviews, each with where it came from. Tick one off, edit it, delete it, or add one.

Editing or deleting a topic that came from a practice session's reflection changes that
reflection too, so the two always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable

from simulator.common.names import counted
from simulator.journal import Journal, StudyItem
from simulator.tui.screens.journal_list import JournalList
from simulator.tui.screens.shared_keys import BACK, DELETE, HELP
from simulator.tui.screens.topic_prompt import TopicPrompt
from simulator.tui.timefmt import local_date

EMPTY_TEXT = (
    'Nothing on the study list yet. Topics you note in a reflection ("topics to learn") '
    "after a practice session or a real interview land here. Press a to add one yourself."
)


def source_words(item: StudyItem) -> str:
    """Where a topic came from: "Mock interview with Priya, 2026-01-01"."""
    if not item.source_name:
        return "added by you" if item.session_id is None and item.interview_id is None else ""
    kind = "Real interview at" if item.interview_id is not None else "Mock interview with"
    words = f"{kind} {item.source_name}"
    if item.source_at is not None:
        words += f", {local_date(item.source_at).split(' ')[0]}"
    return words


def study_row(item: StudyItem) -> list[Text]:
    """One row; rich Text cells, so nothing typed is read as markup."""
    style = "dim strike" if item.done else ""
    return [
        Text("[x]" if item.done else "[ ]"),
        Text(item.topic, style=style),
        Text(source_words(item), style="dim"),
    ]


class StudyListScreen(JournalList[StudyItem, list[StudyItem]], Screen[None]):
    """Topics to learn: tick off, edit, delete, add."""

    CSS_PATH = "../styles/study_list.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        Binding("space", "toggle_done", "Tick off", id="tick"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("a", "add", "Add", id="add-topic"),
        DELETE,
        Binding("h", "toggle_hide", "Hide done", id="hide-done"),
        HELP,
    ]
    TITLE = "Study list"
    PLACE = "study"
    EMPTY = EMPTY_TEXT
    COLUMNS = (("", "done"), ("Topic", "topic"), ("From", "from"))
    NEEDS_ONE = frozenset({"toggle_done", "edit", "delete"})
    FOLLOWS_ITEM = True

    def __init__(self, journal: Journal) -> None:
        """Show ``journal``'s study list."""
        super().__init__(journal)
        self.hide_done = False
        """Whether ticked-off topics are left out."""

    # --- reading --------------------------------------------------------------------------

    def journal_query(self) -> Callable[[Journal], list[StudyItem]]:
        """The topics, the ticked-off ones too unless they are hidden."""
        include_done = not self.hide_done
        return lambda journal: journal.study_list(include_done=include_done)

    def row(self, item: StudyItem) -> list[Text]:
        """One topic."""
        return study_row(item)

    def key(self, item: StudyItem) -> str:
        """The topic's id."""
        return str(item.id)

    def fill(self, found: list[StudyItem]) -> None:
        """The topics, with how many are done."""
        count = len(found)
        done = sum(1 for item in found if item.done)
        words = counted(count, "topic")
        if done:
            words += f", {done} done"
        if self.hide_done:
            words += " (done ones hidden: h shows them)"
        if count:
            words += " · space ticks off · e edits · del deletes · a adds"
        self.show_rows(found, words)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a topic edits it."""
        event.stop()
        self.action_edit()

    # --- actions --------------------------------------------------------------------------

    def action_toggle_hide(self) -> None:
        """Hide or show the topics already ticked off."""
        self.hide_done = not self.hide_done
        self.reload()

    def action_toggle_done(self) -> None:
        """Tick the highlighted topic off, or on again."""
        item = self.highlighted()
        if item is not None:
            done = not item.done
            self.change(lambda journal: journal.set_study_done(item.id, done), "")

    def action_edit(self) -> None:
        """Change the highlighted topic's words."""
        item = self.highlighted()
        if item is None:
            return

        def edited(text: str | None) -> None:
            if text and text != item.topic:
                self.change(
                    lambda journal: journal.edit_study_item(item.id, text),
                    "The topic was changed.",
                )

        self.app.push_screen(TopicPrompt("Edit the topic", item.topic), edited)

    def action_add(self) -> None:
        """Put a topic of your own on the list."""

        def added(text: str | None) -> None:
            if text:
                now = self.now()
                self.change(lambda journal: bool(journal.add_study_item(text, now)), "Added.")

        self.app.push_screen(TopicPrompt("Add a topic to learn"), added)

    def action_delete(self) -> None:
        """Take the highlighted topic off the list, after asking."""
        item = self.highlighted()
        if item is None:
            return
        where = source_words(item)
        self.ask_to_delete(
            "Delete this topic?",
            f"{item.topic!r} is taken off the study list"
            + (f" and out of the reflection it came from ({where})." if where else "."),
            lambda journal: journal.delete_study_item(item.id),
            "The topic was deleted.",
            failed="Not changed",
        )
