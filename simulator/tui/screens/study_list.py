"""The study list: topics to learn, noted in reflections after practice sessions and real
interviews, each with where it came from. Tick one off, edit it, delete it, or add one.

Editing or deleting a topic that came from a practice session's reflection changes that
reflection too, so the two always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Header, Input, Static

from simulator.journal import Journal, JournalError, StudyItem
from simulator.services.practice import JournalWriter
from simulator.tui.host import now, writer_of
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.timefmt import local_date
from simulator.tui.widgets.key_footer import KeyFooter

EMPTY_TEXT = (
    'Nothing on the study list yet. Topics you note in a reflection ("topics to learn") '
    "after a practice session or a real interview land here. Press a to add one yourself."
)


@dataclass
class StudyLoaded(Message):
    """The study list was read (or could not be)."""

    items: list[StudyItem]
    """Open items first, then oldest first."""
    error: str = ""
    """Why it could not be read, when it could not."""


@dataclass
class StudyChanged(Message):
    """An item was changed (or could not be)."""

    done: str
    """What was done, in words ("" to say nothing)."""
    error: str = ""
    """Why it failed, when it did."""


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


class TopicPrompt(ModalScreen[str]):
    """Ask for a topic's words; dismisses with the text, or "" when cancelled."""

    CSS_PATH = "../styles/study_list.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        """A line to type in, and two buttons."""
        with Vertical(id="topic-box"):
            yield Static(self.title_text, id="topic-title", markup=False)
            yield Input(self.text, placeholder="What to learn", id="topic-input")
            with Horizontal(id="topic-buttons"):
                yield Button("Save", id="topic-save", variant="primary")
                yield Button("Cancel", id="topic-cancel")

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves."""
        self.dismiss(event.value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "topic-save":
            self.dismiss(self.query_one(Input).value.strip())
        else:
            self.dismiss("")

    def action_cancel(self) -> None:
        """Escape: nothing changes."""
        self.dismiss("")


class StudyListScreen(Screen[None]):
    """Topics to learn: tick off, edit, delete, add."""

    CSS_PATH = "../styles/study_list.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("space", "toggle_done", "Tick off"),
        Binding("e", "edit", "Edit"),
        Binding("a", "add", "Add"),
        Binding("delete", "delete", "Delete", key_display="del"),
        Binding("h", "toggle_hide", "Hide done"),
        Binding("f1,question_mark", "app.help", "Help"),
    ]

    def __init__(self, journal: Journal) -> None:
        """Show ``journal``'s study list."""
        super().__init__()
        self.journal = journal
        self.items: list[StudyItem] = []
        """What the table shows."""
        self.hide_done = False
        """Whether ticked-off topics are left out."""
        self.loaded = False
        """Whether the journal has been read once."""

    def compose(self) -> ComposeResult:
        """The list and the sentence shown instead when it is empty."""
        yield Header()
        yield Static("Reading the journal…", id="study-status", markup=False)
        yield DataTable(id="study-table", cursor_type="row", zebra_stripes=True)
        yield Static(EMPTY_TEXT, id="study-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and read the journal."""
        self.title = "Study list"
        table = self.query_one("#study-table", DataTable)
        table.add_column("", key="done")
        table.add_column("Topic", key="topic")
        table.add_column("From", key="from")
        self.query_one("#study-empty").display = False
        self.reload()

    # --- reading --------------------------------------------------------------------------

    def now(self) -> float:
        """The app's clock (a fake one in tests)."""
        return now(self.app)

    def writer(self) -> JournalWriter | None:
        """The app's journal writer, whose queued saves are waited for first."""
        return writer_of(self.app)

    def reload(self) -> None:
        """Read the list again (in the background)."""
        self.read_items(self.writer(), not self.hide_done)

    @work(thread=True, exclusive=True, group="study-read")
    def read_items(self, writer: JournalWriter | None, include_done: bool) -> None:
        """Read off the screen's thread."""
        if writer is not None:
            writer.flush()
        try:
            items = self.journal.study_list(include_done=include_done)
        except JournalError as error:
            self.post_message(StudyLoaded([], str(error)))
        else:
            self.post_message(StudyLoaded(items))

    def on_study_loaded(self, message: StudyLoaded) -> None:
        """Fill the table, keeping the cursor on the same topic when it is still there."""
        status = self.query_one("#study-status", Static)
        if message.error:
            status.update(f"The journal could not be read: {message.error}")
            return
        self.loaded = True
        current = self.highlighted()
        table = self.query_one("#study-table", DataTable)
        row = table.cursor_row
        self.items = message.items
        table.clear()
        for item in self.items:
            table.add_row(*study_row(item), key=str(item.id))
        count = len(self.items)
        done = sum(1 for item in self.items if item.done)
        words = f"{count} topic{'s' if count != 1 else ''}"
        if done:
            words += f", {done} done"
        if self.hide_done:
            words += " (done ones hidden: h shows them)"
        if count:
            words += " · space ticks off · e edits · del deletes · a adds"
        status.update(words)
        table.display = bool(count)
        self.query_one("#study-empty").display = not count
        if count:
            ids = [item.id for item in self.items]
            target = ids.index(current.id) if current is not None and current.id in ids else row
            table.move_cursor(row=max(0, min(target, count - 1)))
            table.focus()
        self.refresh_bindings()

    def highlighted(self) -> StudyItem | None:
        """The topic under the cursor."""
        table = self.query_one("#study-table", DataTable)
        row = table.cursor_row
        return self.items[row] if self.items and 0 <= row < len(self.items) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a topic only apply when one is highlighted."""
        needs_one = action in ("toggle_done", "edit", "delete")
        return not needs_one or self.highlighted() is not None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The keys depend on the highlighted row."""
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a topic edits it."""
        event.stop()
        self.action_edit()

    # --- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to where it was opened from."""
        self.dismiss(None)

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

        def answered(choice: str | None) -> None:
            if choice == "delete":
                self.change(
                    lambda journal: journal.delete_study_item(item.id), "The topic was deleted."
                )

        where = source_words(item)
        self.app.push_screen(
            ConfirmScreen(
                "Delete this topic?",
                f"{item.topic!r} is taken off the study list"
                + (f" and out of the reflection it came from ({where})." if where else "."),
                [("keep", "Keep it"), ("delete", "Delete")],
            ),
            answered,
        )

    def change(self, write: Callable[[Journal], bool], done: str) -> None:
        """Make a change off the screen's thread, then read the list again."""
        self.write_change(self.writer(), write, done)

    @work(thread=True, group="study-write")
    def write_change(
        self, writer: JournalWriter | None, write: Callable[[Journal], bool], done: str
    ) -> None:
        """Run one change after any queued saves."""
        if writer is not None:
            writer.flush()
        try:
            found = write(self.journal)
        except JournalError as error:
            self.post_message(StudyChanged(done, str(error)))
        else:
            self.post_message(StudyChanged(done, "" if found else "it is not there any more"))

    def on_study_changed(self, message: StudyChanged) -> None:
        """Say what happened and read the list again."""
        if message.error:
            self.notify(message.error, title="Not changed", severity="error", markup=False)
        elif message.done:
            self.notify(message.done, markup=False)
        self.reload()
