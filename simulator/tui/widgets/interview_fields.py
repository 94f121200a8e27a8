"""The fields of the real-interview log form, top to bottom, and the plan under them.

The form's values are plain strings by field name (see
:mod:`simulator.services.interview_log`); :class:`InterviewFields` shows them and reads them
back, so the form screen deals only with drafts and saving.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Select, Static, TextArea

from simulator.engine.followup import THANK_YOU_CHECKLIST
from simulator.engine.snapshot import ReminderSnapshot
from simulator.journal.models import INTERVIEW_FORMATS
from simulator.services.interview_log import (
    DEFAULT_FORMAT,
    NOTE_PREFIX,
    form_notes,
    note_field,
    plan_outline,
    state_words,
)
from simulator.tui.timefmt import due_words
from simulator.tui.widgets.thank_you_notes import ThankYouNotes

LINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("company", "Company", "Acme"),
    ("role", "Role", "Data engineer"),
    ("held", "When", "YYYY-MM-DD HH:MM"),
    ("interviewers", "Interviewers", "Names, separated by commas"),
)
"""The one-line parts of the form: (field, label, placeholder)."""

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


def plan_content(plan: list[ReminderSnapshot], now: float) -> Content:
    """The follow-up plan in words: the first check-in stands for the others."""
    shown, more = plan_outline(plan)
    parts: list[str | tuple[str, str]] = [("Follow-up plan", "bold"), "\n"]
    for item in shown:
        due = f"  {due_words(item['due_at'], now)}{state_words(item)}"
        parts += [("• ", "$accent"), item["title"], (due, "dim"), "\n"]
    if more:
        parts.append((f"…then {more} more check-ins, every two weeks", "dim"))
    return Content.assemble(*parts)


def plan_problem(problem: str) -> Content:
    """Why there is no plan to show: the date cannot be read."""
    return Content.assemble(("Follow-up plan: ", "bold"), (problem, "$warning"))


def checklist_content() -> Content:
    """What a good thank-you note does."""
    parts: list[str | tuple[str, str]] = [("Before you send it: ", "bold")]
    parts.append("; ".join(item.label.lower() for item in THANK_YOU_CHECKLIST) + ".")
    return Content.assemble(*parts)


class InterviewFields(VerticalScroll):
    """The form's fields: lines, a format, boxes, thank-you notes, and the plan."""

    def compose(self) -> ComposeResult:
        """The fields, top to bottom."""
        with Grid(id="form-lines"):
            for field, label, placeholder in LINE_FIELDS:
                yield Static(label, classes="form-label", markup=False)
                yield Input(placeholder=placeholder, id=f"field-{field}")
            yield Static("Format", classes="form-label", markup=False)
            yield Select(
                [(name, key) for key, name in INTERVIEW_FORMATS.items()],
                allow_blank=False,
                value=DEFAULT_FORMAT,
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
            "Thank-you notes (drafts, one per interviewer): f8 copies the one you are in, "
            "f3 opens it in your editor, f4 writes it as an email",
            classes="form-label form-section",
            markup=False,
        )
        yield Static(checklist_content(), id="thank-you-checklist", markup=False)
        yield ThankYouNotes("Dear …, thank you for…", id="thank-you-notes")
        yield Static("", id="form-plan", markup=False)

    def show(self, values: dict[str, str]) -> None:
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

    def values(self) -> dict[str, str]:
        """What the fields hold now."""
        found = {
            field: self.query_one(f"#field-{field}", Input).value for field, _, _ in LINE_FIELDS
        }
        select: Select[str] = self.query_one("#field-format", Select)
        found["format"] = (
            str(select.value) if select.value in INTERVIEW_FORMATS else DEFAULT_FORMAT
        )
        for field, _, _ in TEXT_FIELDS:
            found[field] = self.query_one(f"#field-{field}", TextArea).text
        for recipient, text in self.query_one(ThankYouNotes).notes():
            found[note_field(recipient)] = text
        return found

    def show_plan(self, plan: Content) -> None:
        """Show the follow-up plan (or why there is none)."""
        self.query_one("#form-plan", Static).update(plan)
