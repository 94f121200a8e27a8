"""The follow-up plan: thank-you notes drafted with their checklist, and the reminders.

One note per interviewer (each member of a panel), autosaved as a draft once typing pauses.
The plan lists the thank-you notes (due within 24 hours), the inquiry after a week and the
check-ins every two weeks, with keys to mark one done, add a check-in, close the process or
export the plan as a calendar file.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static, TextArea

from simulator.common.names import REMINDER_KINDS
from simulator.engine.followup import THANK_YOU_CHECKLIST
from simulator.engine.snapshot import ReminderSnapshot
from simulator.services.exports import calendar_file
from simulator.services.follow_ups import Owner
from simulator.services.practice import Practice, thank_you_slot
from simulator.tui.downloads import export_in_background
from simulator.tui.draft_screen import MAIL_KEY
from simulator.tui.screens.confirm import Question, ask
from simulator.tui.timefmt import due_words, local_date
from simulator.tui.widgets.draft_area import DraftArea
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.writing_screen import WritingScreen

CLOSE_PROCESS = Question(
    "Close this process?",
    "Every follow-up not yet done is closed, so nothing more will be due for "
    "this interview. Adding a check-in reopens it.",
    keep=("keep", "Keep it open"),
    go=("close", "Close the process"),
)
"""Asked before the process is closed."""

HEADING = Content.assemble(
    ("Follow-up plan", "bold"),
    ("  ·  a drill: write the note you would send within 24 hours", "dim"),
    # Practice plans would flood the real follow-ups; say where they went.
    (
        "\nThese reminders stay with this practice session, apart from your real "
        "follow-ups (f lists them with p).",
        "dim italic",
    ),
)
"""The screen's first lines."""

PLAN_LABEL = Content.assemble(
    ("The plan", "bold"),
    ("  tab, then  ", "dim"),
    ("d", "bold"),
    (" done  ", "dim"),
    ("a", "bold"),
    (" add a check-in  ", "dim"),
    ("c", "bold"),
    (" close the process  ", "dim"),
    ("x", "bold"),
    (" calendar", "dim"),
)
"""The line over the plan, with its keys."""


def reminder_status(reminder: ReminderSnapshot, now: float) -> str:
    """Done (when), closed, or when it is due in words."""
    if reminder["done_at"] is not None:
        return f"done {local_date(reminder['done_at'])}"
    if reminder["closed"]:
        return "closed"
    return due_words(reminder["due_at"], now)


class ReminderTable(DataTable[Text]):
    """The plan, one reminder a row; the keys act on the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.toggle_done", "Done/not done", id="done"),
        Binding("a", "screen.add_check_in", "Add check-in", id="add-check-in"),
        Binding("c", "screen.close_process", "Close process", id="close-process"),
        Binding("x", "screen.calendar", "Calendar file", id="export"),
    ]


def note_label(recipient: str, due_at: float | None) -> Content:
    """What the box of the note to ``recipient`` is called, with when it is due."""
    label: list[str | tuple[str, str]] = [
        ("Thank-you note to ", "bold"),
        (recipient or "your interviewer", "bold"),
    ]
    if due_at is not None:
        label += [(f"  due {local_date(due_at)}", "dim")]
    return Content.assemble(*label)


def checklist_content() -> Content:
    """What to check before sending a thank-you note."""
    parts: list[str | tuple[str, str]] = [("Before you send", "bold $accent")]
    for item in THANK_YOU_CHECKLIST:
        parts += ["\n\n", ("• ", "$accent"), (item.label, "bold"), "\n", (item.description, "dim")]
    return Content.assemble(*parts)


class FollowUpScreen(WritingScreen):
    """Draft the thank-you notes and look over the follow-up plan."""

    CSS_PATH = "../styles/follow_up.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [MAIL_KEY]

    def __init__(self, practice: Practice) -> None:
        super().__init__(practice)
        self.recipients: list[str] = practice.session.thank_you_recipients()
        """Who gets a thank-you note, in order."""

    def compose(self) -> ComposeResult:
        """The notes with the checklist beside them, then the plan."""
        yield Header()
        yield Static(HEADING, id="follow-up-heading", markup=False)
        with Horizontal(id="follow-up-notes"):
            with VerticalScroll(id="note-list") as notes:
                notes.can_focus = False  # tab goes from note to note
                yield from self.note_boxes()
            with VerticalScroll(id="note-checklist"):
                yield Static(checklist_content(), markup=False)
        with Vertical(id="follow-up-plan"):
            yield Static(PLAN_LABEL, id="plan-label", markup=False)
            yield ReminderTable(id="reminders", cursor_type="row", zebra_stripes=True)
        yield KeyFooter(compact=True, show_command_palette=False)

    def note_boxes(self) -> ComposeResult:
        """A labelled box per thank-you note, holding its draft."""
        session = self.practice.session
        drafts = session.thank_you_drafts
        due = {
            reminder["recipient"]: reminder["due_at"]
            for reminder in session.reminders
            if reminder["kind"] == "thank-you"
        }
        for index, recipient in enumerate(self.recipients):
            label = note_label(recipient, due.get(recipient))
            yield Static(label, classes="note-label", markup=False)
            yield DraftArea(
                drafts.get(recipient, ""),
                save=self.saving_to(thank_you_slot(recipient)),
                keep=self.keeping(partial(session.set_thank_you_draft, recipient)),
                placeholder="Subject: Thank you…",
                id=f"note-{index}",
                classes="note-area",
            )

    def on_mount(self) -> None:
        """Set up the plan's columns, show it, and start in the first note."""
        table = self.query_one(ReminderTable)
        table.add_columns("Due", "Kind", "Status", "What")

    def mail_boxes(self) -> list[TextArea]:
        """The thank-you notes, in order."""
        return list(self.query(".note-area").results(DraftArea))

    def now(self) -> float:
        """The app's clock (a fake one in tests)."""
        return self.main_app.clock.now()

    def refresh_view(self) -> None:
        """Show the plan (the notes are the editors' own)."""
        table = self.query_one(ReminderTable)
        row = table.cursor_row
        table.clear()
        now = self.now()
        for reminder in self.practice.session.reminders:
            open_ = reminder["done_at"] is None and not reminder["closed"]
            style = "" if open_ else "dim"
            table.add_row(
                Text(local_date(reminder["due_at"]), style=style),
                Text(REMINDER_KINDS.get(reminder["kind"], reminder["kind"]), style=style),
                Text(reminder_status(reminder, now), style=style),
                Text(reminder["title"], style=style),
                key=reminder["id"],
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)

    def highlighted_reminder(self) -> ReminderSnapshot | None:
        """The reminder under the plan's cursor."""
        table = self.query_one(ReminderTable)
        reminders = self.practice.session.reminders
        if not 0 <= table.cursor_row < len(reminders):
            return None
        return reminders[table.cursor_row]

    # --- the plan --------------------------------------------------------------------------

    def action_toggle_done(self) -> None:
        """Mark the highlighted reminder done (or not done again)."""
        reminder = self.highlighted_reminder()
        if reminder is None:
            return
        done = reminder["done_at"] is None
        self.practice.session.mark_reminder_done(reminder["id"], done)
        self.refresh_view()

    def action_add_check_in(self) -> None:
        """Add one more check-in, two weeks after the last item."""
        self.practice.session.extend_check_ins(1)
        self.refresh_view()
        self.notify("Added a check-in two weeks after the last item.", timeout=3)

    def action_calendar(self) -> None:
        """Export the plan's open follow-ups as a calendar file in the current folder (in a
        browser, offer it as a download), once the plan's latest changes are saved."""
        owner = Owner("session", self.practice.session.id)
        export_in_background(self.app, partial(calendar_file, owner=owner, now=self.now()))

    def action_close_process(self) -> None:
        """Close the process after asking: everything not done is closed."""

        def close() -> None:
            self.practice.session.close_process()
            self.refresh_view()
            self.notify("Process closed. Adding a check-in reopens it.", timeout=4)

        ask(self.app, CLOSE_PROCESS, close)
