"""The real-interview log itself: after a real interview, note what happened, reflect, and
get the same follow-up plan as after a practice session.

:class:`RealInterviewForm` holds company, role, date, interviewers, format, the questions
they asked, how it went, the reflection (what went well, what to say differently, topics to
learn, notes on the interviewers), a thank-you note draft for each interviewer, and the
follow-up plan worked out from the date. What is typed is kept as a draft within a second,
so it survives a crash; saving stores it in the journal. The list of logged interviews it
is opened from is :mod:`simulator.tui.screens.real_interview`.

The form's rules (building a log from its values, the checks, drafts, storing) are in
:mod:`simulator.services.interview_log`; its fields are
:class:`~simulator.tui.widgets.interview_fields.InterviewFields`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from dataclasses import field as data_field
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Input, Select, Static, TextArea

from simulator.journal import Journal, JournalError
from simulator.journal.interviews import new_interview_id
from simulator.journal.models import RealInterview
from simulator.services.interview_log import (
    NOTE_PREFIX,
    FormProblem,
    Write,
    draft_key,
    draft_write,
    forget_draft,
    form_notes,
    form_plan,
    form_values,
    interview_from_form,
    kept_draft,
    note_recipients,
    saved_words,
    store_interview,
)
from simulator.services.practice import JournalWriter
from simulator.tui.autosave import Autosave
from simulator.tui.draft_screen import UNSHOWN_DRAFT_KEYS, DraftScreen
from simulator.tui.practice_pack_screen import PracticePackScreen
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.shared_keys import BACK
from simulator.tui.widgets.interview_fields import InterviewFields, plan_content, plan_problem
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.thank_you_notes import ThankYouNotes

# --- messages -------------------------------------------------------------------------------


@dataclass
class InterviewSaved(Message):
    """A log was saved (or could not be)."""

    interview: RealInterview | None
    """What was stored."""
    then_practise: bool = False
    """Whether to make its practice pack next."""
    error: str = ""
    """Why it was not saved."""
    values: dict[str, str] = data_field(default_factory=dict)
    """The form's fields as saved."""


@dataclass
class DraftFound(Message):
    """A draft of the form was kept from before."""

    values: dict[str, str]
    """The fields as they were typed ({} when none was kept)."""


class RealInterviewForm(PracticePackScreen, DraftScreen):
    """Log one real interview (a new one, or change one logged before)."""

    CSS_PATH = "../styles/real_interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="save"),
        Binding(
            "ctrl+o",
            "save_and_practise",
            "Save + practice pack",
            priority=True,
            id="save-and-practise",
        ),
        BACK,
        Binding("f1", "app.help", "Help", id="help"),
        *UNSHOWN_DRAFT_KEYS,  # the footer is full; the notes' heading names them
    ]
    TITLE = "Real interview"

    def __init__(self, journal: Journal, interview: RealInterview | None = None) -> None:
        """A form for a new log, or for ``interview``."""
        super().__init__(journal)
        self.interview = interview
        """The log as last saved (None until a new one is saved)."""
        self.saved_values: dict[str, str] = {}
        """The fields as last saved or opened, to tell whether anything changed."""
        self._autosave = Autosave(self, self.keep_draft)
        self._draft_key = draft_key(interview.id if interview else None)
        self._new_id = new_interview_id()
        """The id a new log is saved under, so saving twice never makes two logs."""
        self._ready = False
        self._pending: dict[str, str] | None = None

    def compose(self) -> ComposeResult:
        """A heading, the fields, and the keys."""
        yield Header()
        yield Static(
            Content.assemble(
                ("Log a real interview" if self.interview is None else "Real interview", "bold"),
                ("  ·  ctrl+s saves · ctrl+o saves and makes a practice pack", "dim"),
            ),
            id="form-heading",
            markup=False,
        )
        yield InterviewFields(id="form")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill in the log (or a new one), then look for a draft kept from before."""
        values = form_values(self.interview, self.now())
        self.saved_values = dict(values)
        self.show_values(values)
        self.query_one("#field-company", Input).focus()
        self.read_draft(self.writer())

    def mail_boxes(self) -> list[TextArea]:
        """The thank-you notes (f4 mails one)."""
        return list(self.query_one(ThankYouNotes).boxes)

    # --- values -----------------------------------------------------------------------------

    def show_values(self, values: dict[str, str]) -> None:
        """Put values into the fields, and show their plan."""
        self.query_one(InterviewFields).show(values)
        self.show_plan(values)

    def values(self) -> dict[str, str]:
        """What the fields hold now."""
        return self.query_one(InterviewFields).values()

    @property
    def dirty(self) -> bool:
        """Whether anything changed since the form was opened or saved."""
        return self.values() != self.saved_values

    def show_plan(self, values: dict[str, str]) -> None:
        """The follow-up plan for what the form says now."""
        now = self.now()
        try:
            plan = plan_content(form_plan(self.interview, values, now), now)
        except ValueError as error:
            plan = plan_problem(str(error))
        self.query_one(InterviewFields).show_plan(plan)

    # --- drafts -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="interview-draft-read")
    def read_draft(self, writer: JournalWriter | None) -> None:
        """Look for what was typed before and not saved."""
        self.post_message(DraftFound(kept_draft(self.journal, self._draft_key, writer)))

    def on_draft_found(self, message: DraftFound) -> None:
        """Put a kept draft back, and from now on keep what is typed."""
        current = self.values()
        kept = {**current, **message.values}
        restored = {field: kept[field] for field in current if not field.startswith(NOTE_PREFIX)}
        restored.update(form_notes(kept))
        if message.values and restored != current:
            self.show_values(restored)
            self.notify("What you typed last time is back (not saved yet).", markup=False)
        self._ready = True

    def on_input_changed(self, event: Input.Changed) -> None:
        """A line changed: keep it soon, and redo the plan (and the thank-you notes, one
        per interviewer)."""
        if event.input.id == "field-interviewers":
            self.query_one(ThankYouNotes).follow(note_recipients(event.value))
        self.typed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """A box changed: keep it soon."""
        self.typed()

    def on_select_changed(self, event: Select.Changed) -> None:
        """The format changed: keep it soon."""
        self.typed()

    def typed(self) -> None:
        """Something changed: (re)start the wait before keeping a draft."""
        if not self._ready:
            return
        values = self.values()
        self._pending = values
        self.show_plan(values)
        self._autosave.changed()

    def keep_draft(self) -> None:
        """Keep what was typed last as a draft in the journal (in order, off the screen's
        thread)."""
        self._autosave.cancel()
        values, self._pending = self._pending, None
        if values is not None:
            self.submit(draft_write(self._draft_key, values, self.saved_values))

    def submit(self, write: Write) -> None:
        """Run a journal write after the ones queued before it."""
        writer = self.writer()
        if writer is not None:
            writer.submit(write)
        else:
            self.write_now(write)

    @work(thread=True, group="interview-draft-write")
    def write_now(self, write: Write) -> None:
        """Without the app's writer (tests of the screen alone): write on a thread."""
        try:
            write(self.journal)
        except JournalError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Could not save", severity="error", markup=False
            )

    def on_unmount(self) -> None:
        """Leaving: what was typed is kept (at once when there is no writer thread)."""
        if self.writer() is not None:
            self.keep_draft()
            return
        values, self._pending = self._pending, None
        if values is not None and values != self.saved_values:
            with contextlib.suppress(JournalError):  # nothing more can be done while leaving
                draft_write(self._draft_key, values, self.saved_values)(self.journal)

    # --- saving -----------------------------------------------------------------------------

    def action_save(self) -> None:
        """Store the log in the journal."""
        self.save(then_practise=False)

    def action_save_and_practise(self) -> None:
        """Store the log, then turn its questions into a pack to practise."""
        self.save(then_practise=True)

    def save(self, *, then_practise: bool) -> None:
        """Check the form and store it off the screen's thread."""
        values = self.values()
        try:
            interview = interview_from_form(values, self.interview, self.now(), self._new_id)
        except FormProblem as problem:
            self.notify(str(problem), title=problem.title, severity="warning", markup=False)
            self.query_one(f"#field-{problem.field}", Input).focus()
            return
        # What is saved needs no draft: a draft kept now could outlive the save.
        self._autosave.cancel()
        self._pending = None
        self.store(self.writer(), interview, values, then_practise)

    @work(thread=True, exclusive=True, group="interview-save")
    def store(
        self,
        writer: JournalWriter | None,
        interview: RealInterview,
        values: dict[str, str],
        then_practise: bool,
    ) -> None:
        """Save after any queued drafts, then forget the draft."""
        new = self.interview is None
        try:
            stored = store_interview(self.journal, interview, new=new, writer=writer)
        except JournalError as error:
            self.post_message(InterviewSaved(None, then_practise, str(error)))
            return
        self.post_message(InterviewSaved(stored, then_practise, values=values))

    def on_interview_saved(self, message: InterviewSaved) -> None:
        """Say so, show the plan, and make the practice pack when asked."""
        if message.interview is None:
            self.notify(message.error, title="Not saved", severity="error", markup=False)
            self.typed()  # keep it as a draft instead
            return
        self.interview = message.interview
        self.saved_values = message.values
        self._draft_key = draft_key(message.interview.id)
        self.show_plan(self.values())
        self.notify(saved_words(message.interview, self.now()), markup=False)
        if message.then_practise:
            self.practise_again(message.interview)

    def action_back(self) -> None:
        """Back to the list; asks first when something is not saved."""
        if not self.dirty:
            self.dismiss(None)
            return
        question = ConfirmScreen(
            "Leave without saving?",
            "What you typed is kept as a draft and comes back next time you open this "
            "log, unless you discard it.",
            [("stay", "Keep editing"), ("leave", "Leave, keep the draft"), ("discard", "Discard")],
        )
        self.ask(question, {"leave": self.leave_with_draft, "discard": self.leave_discarding})

    def leave_with_draft(self) -> None:
        """Keep what was typed as a draft, and leave."""
        self._pending = self.values()
        self.keep_draft()
        self.dismiss(None)

    def leave_discarding(self) -> None:
        """Forget what was typed, and leave."""
        self._autosave.cancel()
        self._ready = False
        self._pending = None
        self.submit(forget_draft(self._draft_key))
        self.dismiss(None)
