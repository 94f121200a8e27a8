"""The real-interview log: after a real interview, note what happened, reflect, and get the
same follow-up plan as after a practice session.

:class:`RealInterviewsScreen` lists the logged interviews (n logs a new one, enter opens
one, p turns its questions into a personal pack to practise, del deletes).
:class:`RealInterviewForm` is the log itself: company, role, date, interviewers, format,
the questions they asked, how it went, the reflection (what went well, what to say
differently, topics to learn, notes on the interviewers), a thank-you note draft for each
interviewer, and the follow-up plan worked out from the date. What is typed is kept as a
draft within a second, so it survives a crash; saving stores it in the journal.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import field as data_field
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Header,
    Input,
    Select,
    Static,
    TextArea,
)

from simulator.engine.followup import THANK_YOU_CHECKLIST, open_reminders
from simulator.engine.snapshot import ReflectionSnapshot
from simulator.journal import Journal, JournalError
from simulator.journal.interviews import (
    clean_names,
    new_interview,
    new_interview_id,
    plan_for,
)
from simulator.journal.models import INTERVIEW_FORMATS, InterviewQuestion, RealInterview
from simulator.services.personal_pack import PersonalPack, PersonalPackError, write_personal_pack
from simulator.services.practice import JournalWriter
from simulator.tui.autosave import Autosave
from simulator.tui.host import app_host, now, writer_of
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.timefmt import due_words, local_date
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.thank_you_notes import ThankYouNotes

_Write = Callable[[Journal], None]

DRAFT_SLOT = "form"
"""The draft slot the whole form is kept in."""

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("questions", "The questions they asked (one per line)", "Tell me about a time you…"),
    ("how_it_went", "How it went", "The conversation, the atmosphere, what surprised you…"),
    ("went_well", "What went well?", "An answer you were happy with, a moment that clicked…"),
    (
        "say_differently",
        "What would you say differently?",
        "The answer you would give now, a story you would tell instead…",
    ),
    ("topics", "Topics to learn (one per line; they go to the study list)", "SQL window…"),
    (
        "interviewer_notes",
        "Notes on the interviewers",
        "What they cared about, how they asked, what to expect next…",
    ),
)
"""The multi-line parts of the form: (field, label, placeholder)."""

NOTE_PREFIX = "thank_you:"
"""Form fields holding a thank-you draft are this followed by the recipient's name."""


def note_field(recipient: str) -> str:
    """The form field of the thank-you draft to ``recipient`` ("" when no one is named)."""
    return NOTE_PREFIX + recipient


def note_recipients(interviewers: str) -> list[str]:
    """Who gets a thank-you note for what the interviewers line says: each named
    interviewer, as the follow-up plan has it, or one unnamed one."""
    return list(clean_names(interviewers.split(","))) or [""]


def form_notes(values: dict[str, str]) -> dict[str, str]:
    """The thank-you fields for the interviewers ``values`` names, others left out; a
    draft from a form older than one note per interviewer goes to the first of them."""
    recipients = note_recipients(values.get("interviewers", ""))
    notes = {note_field(name): values.get(note_field(name), "") for name in recipients}
    older = values.get("thank_you", "")
    first = note_field(recipients[0])
    if older.strip() and not notes[first].strip():
        notes[first] = older
    return notes


LINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("company", "Company", "Acme"),
    ("role", "Role", "Data engineer"),
    ("held", "When", "YYYY-MM-DD HH:MM"),
    ("interviewers", "Interviewers", "Names, separated by commas"),
)
"""The one-line parts of the form: (field, label, placeholder)."""


def draft_key(interview_id: str | None) -> str:
    """The journal draft key of a form: one per logged interview, one for a new log."""
    return f"real-interview:{interview_id or 'new'}"


def parse_when(text: str, now: float) -> float:
    """A date, or a date and a time, in local time. A date alone means now if it is today,
    else noon that day. Raises ValueError with a plain message."""
    value = " ".join(text.split())
    if not value:
        return now
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        if pattern == "%Y-%m-%d":
            if moment.date() == datetime.fromtimestamp(now).date():
                return now
            moment = moment.replace(hour=12)
        return time.mktime(moment.timetuple())
    raise ValueError("write the date as YYYY-MM-DD, with the time as HH:MM if you like")


def when_text(moment: float) -> str:
    """A moment as the form shows it: 2026-11-22 14:05."""
    return local_date(moment)


def lines_of(text: str) -> list[str]:
    """Non-blank lines, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def form_values(interview: RealInterview | None, now: float) -> dict[str, str]:
    """What the form shows for a log (or a new one)."""
    if interview is None:
        return {
            "company": "",
            "role": "",
            "held": when_text(now),
            "interviewers": "",
            "format": "phone-screen",
            "questions": "",
            "how_it_went": "",
            "went_well": "",
            "say_differently": "",
            "topics": "",
            "interviewer_notes": "",
            note_field(""): "",
        }
    reflection = interview.reflection
    values = {
        "company": interview.company,
        "role": interview.role,
        "held": when_text(interview.held_at),
        "interviewers": ", ".join(interview.interviewers),
        "format": interview.format,
        "questions": "\n".join(question.prompt for question in interview.questions),
        "how_it_went": interview.how_it_went,
        "went_well": reflection["went_well"],
        "say_differently": reflection["say_differently"],
        "topics": "\n".join(reflection["topics"]),
        "interviewer_notes": reflection["interviewer_notes"],
    }
    drafts = interview.thank_you_drafts
    named = {note_field(name): text for name, text in drafts.items() if name}
    values.update(form_notes({**values, **named, "thank_you": drafts.get("", "")}))
    return values


def build_interview(
    values: dict[str, str],
    existing: RealInterview | None,
    now: float,
    new_id: str | None = None,
) -> RealInterview:
    """The log the form describes (a new one gets ``new_id``). Raises ValueError (a bad
    date) or JournalError."""
    held_at = parse_when(values["held"], now)
    old = {question.prompt: question for question in existing.questions} if existing else {}
    questions = [
        old.get(prompt, InterviewQuestion(prompt=prompt))
        for prompt in lines_of(values["questions"])
    ]
    reflection: ReflectionSnapshot = {
        "went_well": values["went_well"],
        "say_differently": values["say_differently"],
        "topics": list(dict.fromkeys(lines_of(values["topics"]))),
        "interviewer_notes": values["interviewer_notes"],
    }
    interviewers = clean_names(values["interviewers"].split(","))
    drafts = {
        recipient: text
        for recipient in list(interviewers) or [""]
        if (text := values.get(note_field(recipient), "")).strip()
    }
    if existing is None:
        return new_interview(
            company=values["company"],
            role=values["role"],
            held_at=held_at,
            format=values["format"],
            interviewers=interviewers,
            questions=questions,
            how_it_went=values["how_it_went"],
            reflection=reflection,
            thank_you_drafts=drafts,
            now=now,
            interview_id=new_id,
        )
    if not values["company"].strip():
        raise JournalError("say which company the interview was with")
    changed = replace(
        existing,
        company=values["company"].strip(),
        role=values["role"].strip(),
        held_at=held_at,
        format=values["format"],
        interviewers=interviewers,
        questions=tuple(questions),
        how_it_went=values["how_it_went"],
        reflection=reflection,
        thank_you_drafts=drafts,
        updated_at=now,
    )
    return replace(changed, reminders=tuple(plan_for(changed)))


def plan_content(interview: RealInterview | None, values: dict[str, str], now: float) -> Content:
    """The follow-up plan for what the form says now, in words."""
    try:
        held_at = parse_when(values["held"], now)
    except ValueError as error:
        return Content.assemble(("Follow-up plan: ", "bold"), (str(error), "$warning"))
    names = clean_names(values["interviewers"].split(","))
    base = interview or RealInterview(id="preview", company="", role="", held_at=0, format="")
    plan = plan_for(replace(base, held_at=held_at, interviewers=names))
    check_ins = [item for item in plan if item["kind"] == "check-in"]
    shown = [item for item in plan if item["kind"] != "check-in"] + check_ins[:1]
    parts: list[str | tuple[str, str]] = [("Follow-up plan", "bold"), "\n"]
    for item in shown:
        state = ""
        if item["done_at"] is not None:
            state = " (done)"
        elif item["closed"]:
            state = " (closed)"
        parts += [
            ("• ", "$accent"),
            item["title"],
            (f"  {due_words(item['due_at'], now)}{state}", "dim"),
            "\n",
        ]
    if len(check_ins) > 1:
        parts.append((f"…then {len(check_ins) - 1} more check-ins, every two weeks", "dim"))
    return Content.assemble(*parts)


def checklist_content() -> Content:
    """What a good thank-you note does."""
    parts: list[str | tuple[str, str]] = [("Before you send it: ", "bold")]
    parts.append("; ".join(item.label.lower() for item in THANK_YOU_CHECKLIST) + ".")
    return Content.assemble(*parts)


# --- messages -------------------------------------------------------------------------------


@dataclass
class InterviewsLoaded(Message):
    """The logged interviews were read (or could not be)."""

    interviews: list[RealInterview]
    """The most recent first."""
    error: str = ""
    """Why they could not be read."""


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
class PackWritten(Message):
    """A "Practise this again" pack was written (or could not be)."""

    pack: PersonalPack | None
    """What was written."""
    error: str = ""
    """Why nothing was written."""


@dataclass
class DraftFound(Message):
    """A draft of the form was kept from before."""

    values: dict[str, str]
    """The fields as they were typed."""


@dataclass
class InterviewDeleted(Message):
    """A log was deleted (or could not be)."""

    error: str = ""
    """Why not, when it was not."""


# --- shared ---------------------------------------------------------------------------------


class _JournalScreen(Screen[None]):
    """What both screens need: the clock, the writer, and "Practise this again"."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def now(self) -> float:
        """The app's clock (a fake one in tests)."""
        return now(self.app)

    def writer(self) -> JournalWriter | None:
        """The app's journal writer, whose queued saves are waited for first."""
        return writer_of(self.app)

    @work(thread=True, group="personal-pack")
    def practise_again(self, interview: RealInterview) -> None:
        """Write the interview's questions as a personal pack, off the screen's thread."""
        try:
            pack = write_personal_pack(interview)
        except PersonalPackError as error:
            self.post_message(PackWritten(None, str(error)))
        else:
            self.post_message(PackWritten(pack))

    def on_pack_written(self, message: PackWritten) -> None:
        """Say where the pack is and how to practise it; load it into the app."""
        if message.pack is None:
            self.notify(message.error, title="No pack written", severity="error", markup=False)
            return
        pack = message.pack
        self.notify(
            f"{pack.questions} question(s) are in {pack.path}. Pick the interviewer "
            f"'{pack.pack_id}-interviewer' on the home screen to practise them.",
            title="Practice pack updated" if pack.replaced else "Practice pack written",
            markup=False,
            timeout=10,
        )
        host = app_host(self.app)
        if host is not None:
            host.load_packs()


# --- the list -------------------------------------------------------------------------------


def interview_row(interview: RealInterview, now: float) -> list[Text]:
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


class RealInterviewsScreen(_JournalScreen):
    """The logged real interviews, the most recent first."""

    CSS_PATH = "../styles/real_interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("n", "new", "Log an interview"),
        Binding("enter", "open", "Open", priority=True),
        Binding("p", "practise", "Practise this again"),
        Binding("delete", "delete", "Delete", key_display="del"),
        Binding("f1,question_mark", "app.help", "Help"),
    ]

    def __init__(self, journal: Journal) -> None:
        """List ``journal``'s real interviews."""
        super().__init__(journal)
        self.interviews: list[RealInterview] = []
        """What the table shows."""
        self.loaded = False
        """Whether the journal has been read once."""

    def compose(self) -> ComposeResult:
        """The table, and a sentence for when it is empty."""
        yield Header()
        yield Static("Reading the journal…", id="interviews-status", markup=False)
        yield DataTable(id="interviews-table", cursor_type="row", zebra_stripes=True)
        yield Static(
            "No real interviews logged yet. After an interview, press n to note what they "
            "asked and how it went: you get a follow-up plan, and p turns the questions into "
            "a pack to practise.",
            id="interviews-empty",
            markup=False,
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and read the journal."""
        self.title = "Real interviews"
        table = self.query_one("#interviews-table", DataTable)
        table.add_column("Date", key="date")
        table.add_column("Company", key="company")
        table.add_column("Role", key="role")
        table.add_column("Format", key="format")
        table.add_column(Text("Questions", justify="right"), key="questions")
        table.add_column("Follow-ups", key="follow-ups")
        self.query_one("#interviews-empty").display = False
        self.reload()

    def on_screen_resume(self) -> None:
        """Back from the form: read the list again."""
        if self.loaded:
            self.reload()

    def reload(self) -> None:
        """Read the logs again (in the background)."""
        self.read_interviews(self.writer())

    @work(thread=True, exclusive=True, group="interviews-read")
    def read_interviews(self, writer: JournalWriter | None) -> None:
        """Read off the screen's thread."""
        if writer is not None:
            writer.flush()
        try:
            found = self.journal.real_interviews()
        except JournalError as error:
            self.post_message(InterviewsLoaded([], str(error)))
        else:
            self.post_message(InterviewsLoaded(found))

    def on_interviews_loaded(self, message: InterviewsLoaded) -> None:
        """Fill the table."""
        status = self.query_one("#interviews-status", Static)
        if message.error:
            status.update(f"The journal could not be read: {message.error}")
            return
        self.loaded = True
        table = self.query_one("#interviews-table", DataTable)
        row = table.cursor_row
        self.interviews = message.interviews
        table.clear()
        now = self.now()
        for interview in self.interviews:
            table.add_row(*interview_row(interview, now), key=interview.id)
        count = len(self.interviews)
        words = f"{count} real interview{'s' if count != 1 else ''}"
        if count:
            words += " · n logs another · enter opens · p makes a practice pack"
        status.update(words)
        table.display = bool(count)
        self.query_one("#interviews-empty").display = not count
        if count:
            table.move_cursor(row=max(0, min(row, count - 1)))
            table.focus()
        self.refresh_bindings()

    def highlighted(self) -> RealInterview | None:
        """The interview under the cursor."""
        row = self.query_one("#interviews-table", DataTable).cursor_row
        return (
            self.interviews[row] if self.interviews and 0 <= row < len(self.interviews) else None
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on an interview only apply when one is highlighted."""
        needs_one = action in ("open", "practise", "delete")
        return not needs_one or self.highlighted() is not None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The keys depend on the highlighted row."""
        self.refresh_bindings()

    def action_back(self) -> None:
        """Back to where it was opened from."""
        self.dismiss(None)

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

        def answered(choice: str | None) -> None:
            if choice == "delete":
                self.delete(interview.id)

        self.app.push_screen(
            ConfirmScreen(
                "Delete this interview log?",
                f"The log of {interview.title} with its questions and follow-ups is removed "
                "(its topics stay on the study list, and a practice pack made from it stays "
                "in your pack folder). This cannot be undone.",
                [("keep", "Keep it"), ("delete", "Delete")],
            ),
            answered,
        )

    @work(thread=True, group="interviews-delete")
    def delete(self, interview_id: str) -> None:
        """Delete off the screen's thread."""
        try:
            self.journal.delete_real_interview(interview_id)
        except JournalError as error:
            self.post_message(InterviewDeleted(str(error)))
        else:
            self.post_message(InterviewDeleted())

    def on_interview_deleted(self, message: InterviewDeleted) -> None:
        """Say so, and read the list again."""
        if message.error:
            self.notify(message.error, title="Not deleted", severity="error", markup=False)
        else:
            self.notify("The interview log was deleted.")
        self.reload()


# --- the form -------------------------------------------------------------------------------


class RealInterviewForm(_JournalScreen):
    """Log one real interview (a new one, or change one logged before)."""

    CSS_PATH = "../styles/real_interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+o", "save_and_practise", "Save + practice pack", priority=True),
        Binding("escape", "back", "Back"),
        Binding("f1", "app.help", "Help"),
    ]

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
        """The fields, top to bottom."""
        yield Header()
        yield Static(
            Content.assemble(
                ("Log a real interview" if self.interview is None else "Real interview", "bold"),
                ("  ·  ctrl+s saves · ctrl+o saves and makes a practice pack", "dim"),
            ),
            id="form-heading",
            markup=False,
        )
        with VerticalScroll(id="form"):
            with Grid(id="form-lines"):
                for field, label, placeholder in LINE_FIELDS:
                    yield Static(label, classes="form-label", markup=False)
                    yield Input(placeholder=placeholder, id=f"field-{field}")
                yield Static("Format", classes="form-label", markup=False)
                yield Select(
                    [(name, key) for key, name in INTERVIEW_FORMATS.items()],
                    allow_blank=False,
                    value="phone-screen",
                    id="field-format",
                )
            for field, label, placeholder in TEXT_FIELDS:
                yield Static(label, classes="form-label form-section", markup=False)
                yield TextArea(
                    "",
                    soft_wrap=True,
                    tab_behavior="focus",
                    placeholder=placeholder,
                    id=f"field-{field}",
                    classes="form-text",
                )
            yield Static(
                "Thank-you notes (drafts, one per interviewer)",
                classes="form-label form-section",
                markup=False,
            )
            yield Static(checklist_content(), id="thank-you-checklist", markup=False)
            yield ThankYouNotes("Dear …, thank you for…", id="thank-you-notes")
            yield Static("", id="form-plan", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill in the log (or a new one), then look for a draft kept from before."""
        self.title = "Real interview"
        values = form_values(self.interview, self.now())
        self.saved_values = dict(values)
        self.show_values(values)
        self.query_one("#field-company", Input).focus()
        self.read_draft(self.writer())

    # --- values -----------------------------------------------------------------------------

    def show_values(self, values: dict[str, str]) -> None:
        """Put values into the fields."""
        for field, _, _ in LINE_FIELDS:
            self.query_one(f"#field-{field}", Input).value = values[field]
        select: Select[str] = self.query_one("#field-format", Select)
        if values["format"] in INTERVIEW_FORMATS:
            select.value = values["format"]
        for field, _, _ in TEXT_FIELDS:
            self.query_one(f"#field-{field}", TextArea).load_text(values[field])
        notes = form_notes(values)
        self.query_one(ThankYouNotes).show(
            [(name[len(NOTE_PREFIX) :], text) for name, text in notes.items()]
        )
        self.show_plan(values)

    def values(self) -> dict[str, str]:
        """What the fields hold now."""
        found = {
            field: self.query_one(f"#field-{field}", Input).value for field, _, _ in LINE_FIELDS
        }
        select: Select[str] = self.query_one("#field-format", Select)
        found["format"] = (
            str(select.value) if select.value in INTERVIEW_FORMATS else "phone-screen"
        )
        for field, _, _ in TEXT_FIELDS:
            found[field] = self.query_one(f"#field-{field}", TextArea).text
        for recipient, text in self.query_one(ThankYouNotes).notes():
            found[note_field(recipient)] = text
        return found

    @property
    def dirty(self) -> bool:
        """Whether anything changed since the form was opened or saved."""
        return self.values() != self.saved_values

    def show_plan(self, values: dict[str, str]) -> None:
        """The follow-up plan for what the form says now."""
        self.query_one("#form-plan", Static).update(
            plan_content(self.interview, values, self.now())
        )

    # --- drafts -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="interview-draft-read")
    def read_draft(self, writer: JournalWriter | None) -> None:
        """Look for what was typed before and not saved."""
        if writer is not None:
            writer.flush()
        try:
            text = self.journal.drafts(self._draft_key).get(DRAFT_SLOT)
        except JournalError:
            text = None
        values: object = None
        if text:
            try:
                values = json.loads(text)
            except ValueError:
                values = None
        if isinstance(values, dict):
            self.post_message(DraftFound({str(k): str(v) for k, v in values.items()}))
        else:
            self.post_message(DraftFound({}))

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
        thread); a form back as it was saved needs no draft."""
        self._autosave.cancel()
        values, self._pending = self._pending, None
        if values is None:
            return
        key = self._draft_key
        if values == self.saved_values:
            self.submit(lambda journal: journal.clear_drafts(key, [DRAFT_SLOT]))
            return
        text = json.dumps(values, ensure_ascii=False)
        self.submit(lambda journal: journal.save_draft(key, DRAFT_SLOT, text))

    def submit(self, write: _Write) -> None:
        """Run a journal write after the ones queued before it."""
        writer = self.writer()
        if writer is not None:
            writer.submit(write)
        else:
            self.write_now(write)

    @work(thread=True, group="interview-draft-write")
    def write_now(self, write: _Write) -> None:
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
                self.journal.save_draft(self._draft_key, DRAFT_SLOT, json.dumps(values))

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
            interview = build_interview(values, self.interview, self.now(), self._new_id)
        except ValueError as error:
            self.notify(str(error), title="Check the date", severity="warning", markup=False)
            self.query_one("#field-held", Input).focus()
            return
        except JournalError as error:
            self.notify(str(error), title="Not saved yet", severity="warning", markup=False)
            self.query_one("#field-company", Input).focus()
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
        if writer is not None:
            writer.flush()
        try:
            self.journal.save_real_interview(interview)
            self.journal.clear_drafts(draft_key(None if self.interview is None else interview.id))
            self.journal.clear_drafts(draft_key(interview.id))
            stored = self.journal.real_interview(interview.id)
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
        due = open_reminders(message.interview.reminders)
        words = "Saved."
        if due:
            words += (
                f" First follow-up: {due[0]['title']}, {due_words(due[0]['due_at'], self.now())}."
            )
        self.notify(words, markup=False)
        if message.then_practise:
            self.practise_again(message.interview)

    def action_back(self) -> None:
        """Back to the list; asks first when something is not saved."""
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(choice: str | None) -> None:
            if choice == "leave":
                self._pending = self.values()
                self.keep_draft()
                self.dismiss(None)
            elif choice == "discard":
                self._autosave.cancel()
                self._ready = False
                self._pending = None
                key = self._draft_key
                self.submit(lambda journal: journal.clear_drafts(key, [DRAFT_SLOT]))
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving?",
                "What you typed is kept as a draft and comes back next time you open this "
                "log, unless you discard it.",
                [
                    ("stay", "Keep editing"),
                    ("leave", "Leave, keep the draft"),
                    ("discard", "Discard"),
                ],
            ),
            answered,
        )
