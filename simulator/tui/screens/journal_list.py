"""What the journal's screens share: the journal, the app's clock and writer, asking before
acting, and (for the lists: history, follow-ups, study list, real interviews) the table of
rows read in the background after the queued saves, with its status line, its empty state,
the keys that need a highlighted row, and a change followed by a fresh read.

:class:`JournalScreen` and :class:`JournalList` are mixins, not screens: each screen using
them is a ``Screen[None]`` of its own, so every screen class in this package is one the
user sees, with its keys in the key table. Textual calls a handler of every class along
the MRO, so a screen adds to ``on_mount`` or ``on_data_table_row_highlighted`` here by
defining its own (it runs first), never by calling ``super()``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from simulator.journal import Journal, JournalError
from simulator.services.practice import JournalWriter
from simulator.tui.host import now, writer_of
from simulator.tui.screens import confirm
from simulator.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    _Screen = Screen[None]
else:
    _Screen = object  # a mixin: the screen using it is the Screen

Item = TypeVar("Item")
"""What one row of a list shows."""

Found = TypeVar("Found")
"""What one read of the journal finds."""

Done = TypeVar("Done")
"""What a job on the journal gives back."""

Change = Callable[[Journal], bool]
"""A journal write; False when what it changes is not there any more."""

MISSING = "it is not there any more"
"""Why a change to something already gone was not made."""


@dataclass
class JournalRead(Message, Generic[Found]):
    """A list's read of the journal finished."""

    found: Found | None
    """What was read; None when the journal could not be read."""
    error: str = ""
    """Why it could not be read, when it could not."""


@dataclass
class JournalChanged(Message):
    """A change to the journal was made (or could not be)."""

    done: str
    """What was done, in words ("" to say nothing)."""
    failed: str
    """The heading of the notice when it failed."""
    error: str = ""
    """Why it failed, when it did."""


class JournalScreen(_Screen):
    """A screen over the journal."""

    def __init__(self, journal: Journal) -> None:
        """A screen that reads and writes ``journal``."""
        super().__init__()
        self.journal = journal
        """Where the screen reads and writes."""

    def now(self) -> float:
        """The app's clock (a fake one in tests)."""
        return now(self.app)

    def writer(self) -> JournalWriter | None:
        """The app's journal writer, whose queued saves are waited for before a read."""
        return writer_of(self.app)

    def action_back(self) -> None:
        """Back to where the screen was opened from."""
        self.dismiss(None)

    def after_saves(
        self,
        writer: JournalWriter | None,
        job: Callable[[Journal], Done],
        tell: Callable[[Done | None, str], Message],
    ) -> None:
        """Run ``job`` on the journal once ``writer``'s queued saves are in (on a worker
        thread), then post what ``tell`` makes of its result, or of why it failed."""
        if writer is not None:
            writer.flush()
        try:
            result = job(self.journal)
        except JournalError as error:
            self.post_message(tell(None, str(error)))
        else:
            self.post_message(tell(result, ""))

    def ask(
        self, question: confirm.ConfirmScreen, answers: Mapping[str, Callable[[], None]]
    ) -> None:
        """Ask ``question``; the answer chosen runs what ``answers`` gives it, if anything.
        For a question of more than two answers: :func:`confirm.ask` asks one of two."""

        def answered(choice: str | None) -> None:
            then = answers.get(choice or "")
            if then is not None:
                then()

        self.app.push_screen(question, answered)


class JournalList(JournalScreen, Generic[Item, Found]):
    """A table of the journal's rows, read again after every change.

    A list names its widgets ``#PLACE-status``, ``#PLACE-table`` and ``#PLACE-empty``, and
    says what to read (:meth:`journal_query`), how to show it (:meth:`fill`, which calls
    :meth:`show_rows`), and what a row is (:meth:`row`, :meth:`key`).
    """

    PLACE: ClassVar[str] = ""
    """The prefix of the list's widget ids."""
    EMPTY: ClassVar[str] = ""
    """What the list says instead when it is empty."""
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()
    """(label, key) of each column."""
    RIGHT_ALIGNED: ClassVar[frozenset[str]] = frozenset()
    """The keys of the columns of numbers."""
    NEEDS_ONE: ClassVar[frozenset[str]] = frozenset()
    """The actions that act on the highlighted row (hidden when there is none)."""
    FOLLOWS_ITEM: ClassVar[bool] = False
    """Whether the cursor stays on the same item when a read moves it."""
    KEEPS_ROW: ClassVar[bool] = True
    """Whether the cursor otherwise stays on the same row."""

    def __init__(self, journal: Journal) -> None:
        """List rows of ``journal``."""
        super().__init__(journal)
        self.items: list[Item] = []
        """What the table shows."""
        self.loaded = False
        """Whether the journal has been read once."""

    def compose(self) -> ComposeResult:
        """The table, and the sentence shown instead when there is nothing in it."""
        yield Header()
        yield Static("Reading the journal…", id=f"{self.PLACE}-status", markup=False)
        yield DataTable(id=f"{self.PLACE}-table", cursor_type="row", zebra_stripes=True)
        yield Static(self.EMPTY, id=f"{self.PLACE}-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and read the journal."""
        table = self.table()
        for label, key in self.COLUMNS:
            right = key in self.RIGHT_ALIGNED
            table.add_column(Text(label, justify="right") if right else label, key=key)
        self.empty().display = False
        self.reload()

    def table(self) -> DataTable[Any]:
        """The list's table."""
        return self.query_one(f"#{self.PLACE}-table", DataTable)

    def status(self) -> Static:
        """The line above the table."""
        return self.query_one(f"#{self.PLACE}-status", Static)

    def empty(self) -> Static:
        """What shows instead of an empty table."""
        return self.query_one(f"#{self.PLACE}-empty", Static)

    # --- what a list says ----------------------------------------------------------------

    def journal_query(self) -> Callable[[Journal], Found]:
        """The read, made with what the screen shows now (run off the screen's thread)."""
        raise NotImplementedError

    def fill(self, found: Found) -> None:
        """Show what was read: :meth:`show_rows` with the status line's words."""
        raise NotImplementedError

    def row(self, item: Item) -> list[Text]:
        """One row's cells."""
        raise NotImplementedError

    def key(self, item: Item) -> str:
        """One row's key."""
        raise NotImplementedError

    # --- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the journal again (in the background)."""
        self.read_journal(self.writer(), self.journal_query())

    @work(thread=True, exclusive=True, group="journal-read")
    def read_journal(
        self, writer: JournalWriter | None, query: Callable[[Journal], Found]
    ) -> None:
        """Read after any queued saves, off the screen's thread."""
        self.after_saves(writer, query, JournalRead)

    def on_journal_read(self, message: JournalRead[Found]) -> None:
        """Show what was read, or why nothing could be."""
        if message.found is None:
            self.status().update(f"The journal could not be read: {message.error}")
            return
        self.loaded = True
        self.fill(message.found)

    def show_rows(self, items: list[Item], words: str) -> None:
        """Fill the table with ``items`` and the status line with ``words``; the cursor
        stays where :attr:`FOLLOWS_ITEM` and :attr:`KEEPS_ROW` say."""
        table = self.table()
        before, row = self.highlighted(), table.cursor_row
        self.items = items
        table.clear()
        for item in items:
            table.add_row(*self.row(item), key=self.key(item))
        self.status().update(words)
        table.display = bool(items)
        self.empty().display = not items
        if items:
            target = self._cursor_after(before, row)
            if target is not None:
                table.move_cursor(row=max(0, min(target, len(items) - 1)))
            table.focus()
        self.refresh_bindings()

    def _cursor_after(self, before: Item | None, row: int) -> int | None:
        if self.FOLLOWS_ITEM and before is not None:
            keys = [self.key(item) for item in self.items]
            if self.key(before) in keys:
                return keys.index(self.key(before))
        return row if self.KEEPS_ROW else None

    # --- the highlighted row -------------------------------------------------------------

    def highlighted(self) -> Item | None:
        """The item under the cursor."""
        table = self.table()
        if not self.items or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a row only apply when one is highlighted."""
        return action not in self.NEEDS_ONE or self.highlighted() is not None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The keys depend on the highlighted row."""
        self.refresh_bindings()

    # --- changing ------------------------------------------------------------------------

    def change(self, write: Change, done: str, failed: str = "Not changed") -> None:
        """Make a change off the screen's thread, then read the list again."""
        self.write_change(self.writer(), write, done, failed)

    @work(thread=True, group="journal-write")
    def write_change(
        self, writer: JournalWriter | None, write: Change, done: str, failed: str
    ) -> None:
        """Run one change after any queued saves."""

        def changed(found: bool | None, error: str) -> JournalChanged:
            return JournalChanged(done, failed, error or ("" if found else MISSING))

        self.after_saves(writer, write, changed)

    def on_journal_changed(self, message: JournalChanged) -> None:
        """Say what happened and read the list again."""
        if message.error:
            self.notify(message.error, title=message.failed, severity="error", markup=False)
        elif message.done:
            self.notify(message.done, markup=False)
        self.reload()

    def ask_to_delete(
        self, title: str, body: str, delete: Change, done: str, failed: str = "Not deleted"
    ) -> None:
        """Ask "Delete this …?", and delete when told to."""
        question = confirm.Question(title, body, keep=("keep", "Keep it"), go=("delete", "Delete"))
        confirm.ask(self.app, question, lambda: self.change(delete, done, failed))
