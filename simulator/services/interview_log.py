"""The real-interview log form's rules, apart from how the form looks.

The form holds plain text fields (:data:`FORM_FIELDS`, plus one thank-you draft per
interviewer under :func:`note_field`). This module turns a logged interview into those
values and back (:func:`form_values`, :func:`interview_from_form`), says why values cannot
be saved (:class:`FormProblem`, with the journal's own checks), previews the follow-up plan
while the user types, keeps unsaved typing as a draft, and stores a log.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from simulator.engine.followup import open_reminders
from simulator.engine.snapshot import ReflectionSnapshot, ReminderSnapshot
from simulator.engine.timing import due_words
from simulator.journal import Journal, JournalError
from simulator.journal.interviews import clean_names, new_interview, plan_for
from simulator.journal.models import InterviewQuestion, RealInterview
from simulator.services.practice import JournalWriter

DRAFT_SLOT = "form"
"""The draft slot the whole form is kept in."""

DEFAULT_FORMAT = "phone-screen"
"""The format a new log starts with."""

FORM_FIELDS = (
    "company",
    "role",
    "held",
    "interviewers",
    "format",
    "questions",
    "how_it_went",
    "went_well",
    "say_differently",
    "topics",
    "interviewer_notes",
)
"""The form's fields besides the thank-you drafts, in the order the form shows them."""

NOTE_PREFIX = "thank_you:"
"""Form fields holding a thank-you draft are this followed by the recipient's name."""

DATE_PATTERNS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d")
"""How a date may be typed (the last one, a date alone, is read specially)."""

Write = Callable[[Journal], None]
"""A journal write, queued on the app's writer."""


class FormProblem(Exception):
    """Why the form cannot be saved yet: the message, a title, and the field to fix."""

    def __init__(self, message: str, *, field: str, title: str) -> None:
        """``message`` says what is wrong with ``field``; ``title`` heads the notice."""
        super().__init__(message)
        self.field = field
        """The form field to fix (one of :data:`FORM_FIELDS`)."""
        self.title = title
        """A short heading for the notice."""


def note_field(recipient: str) -> str:
    """The form field of the thank-you draft to ``recipient`` ("" when no one is named)."""
    return NOTE_PREFIX + recipient


def interviewers_in(text: str) -> tuple[str, ...]:
    """The names the interviewers field lists, separated by commas."""
    return clean_names(text.split(","))


def note_recipients(interviewers: str) -> list[str]:
    """Who gets a thank-you note for what the interviewers line says: each named
    interviewer, as the follow-up plan has it, or one unnamed one."""
    return list(interviewers_in(interviewers)) or [""]


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


def draft_key(interview_id: str | None) -> str:
    """The journal draft key of a form: one per logged interview, one for a new log."""
    return f"real-interview:{interview_id or 'new'}"


def parse_when(text: str, now: float) -> float:
    """A date, or a date and a time, in local time. A date alone means now if it is today,
    else noon that day. Raises ValueError with a plain message."""
    value = " ".join(text.split())
    if not value:
        return now
    for pattern in DATE_PATTERNS:
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        if pattern == DATE_PATTERNS[-1]:
            if moment.date() == datetime.fromtimestamp(now).date():
                return now
            moment = moment.replace(hour=12)
        return time.mktime(moment.timetuple())
    raise ValueError("write the date as YYYY-MM-DD, with the time as HH:MM if you like")


def when_text(moment: float) -> str:
    """A moment as the form shows it: 2026-11-22 14:05."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(moment))


def lines_of(text: str) -> list[str]:
    """Non-blank lines, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def form_values(interview: RealInterview | None, now: float) -> dict[str, str]:
    """What the form shows for a log (or a new one)."""
    if interview is None:
        blank = dict.fromkeys(FORM_FIELDS, "")
        return {**blank, "held": when_text(now), "format": DEFAULT_FORMAT, note_field(""): ""}
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


def _reflection(values: dict[str, str]) -> ReflectionSnapshot:
    return {
        "went_well": values["went_well"],
        "say_differently": values["say_differently"],
        "topics": list(dict.fromkeys(lines_of(values["topics"]))),
        "interviewer_notes": values["interviewer_notes"],
    }


def interview_from_form(
    values: dict[str, str], existing: RealInterview | None, now: float, new_id: str | None = None
) -> RealInterview:
    """The log the form describes: ``existing`` changed (keeping its questions' notes, when
    it was logged and what was done of its plan), or a new log under ``new_id``. The
    journal's checks decide what can be stored; raises :class:`FormProblem` when not."""
    try:
        held_at = parse_when(values["held"], now)
    except ValueError as error:
        raise FormProblem(str(error), field="held", title="Check the date") from None
    old = {question.prompt: question for question in existing.questions} if existing else {}
    interviewers = interviewers_in(values["interviewers"])
    try:
        interview = new_interview(
            company=values["company"],
            role=values["role"],
            held_at=held_at,
            format=values["format"],
            interviewers=interviewers,
            questions=[
                old.get(prompt, InterviewQuestion(prompt=prompt))
                for prompt in lines_of(values["questions"])
            ],
            how_it_went=values["how_it_went"],
            reflection=_reflection(values),
            thank_you_drafts={
                recipient: text
                for recipient in list(interviewers) or [""]
                if (text := values.get(note_field(recipient), "")).strip()
            },
            now=now,
            interview_id=existing.id if existing else new_id,
        )
    except JournalError as error:
        raise FormProblem(str(error), field="company", title="Not saved yet") from None
    if existing is None:
        return interview
    # Planned again from the old plan, so what was done or closed of it stays so.
    changed = replace(interview, created_at=existing.created_at, reminders=existing.reminders)
    return replace(changed, reminders=tuple(plan_for(changed)))


def form_plan(
    interview: RealInterview | None, values: dict[str, str], now: float
) -> list[ReminderSnapshot]:
    """The follow-up plan for what the form says now (raises ValueError for a bad date)."""
    held_at = parse_when(values["held"], now)
    base = interview or RealInterview(id="preview", company="", role="", held_at=0, format="")
    return plan_for(
        replace(base, held_at=held_at, interviewers=interviewers_in(values["interviewers"]))
    )


def plan_outline(plan: list[ReminderSnapshot]) -> tuple[list[ReminderSnapshot], int]:
    """What a short view of ``plan`` lists (everything but the check-ins after the first),
    and how many check-ins it leaves out."""
    check_ins = [item for item in plan if item["kind"] == "check-in"]
    shown = [item for item in plan if item["kind"] != "check-in"] + check_ins[:1]
    return shown, max(0, len(check_ins) - 1)


def state_words(item: ReminderSnapshot) -> str:
    """ " (done)" or " (closed)" after a follow-up that is, else ""."""
    if item["done_at"] is not None:
        return " (done)"
    return " (closed)" if item["closed"] else ""


def saved_words(interview: RealInterview, now: float) -> str:
    """What to say once a log is saved: that it is, and the first follow-up due."""
    due = open_reminders(interview.reminders)
    if not due:
        return "Saved."
    return f"Saved. First follow-up: {due[0]['title']}, {due_words(due[0]['due_at'], now)}."


def draft_values(text: str | None) -> dict[str, str]:
    """The fields a kept draft holds ({} for none, or for one that cannot be read)."""
    if not text:
        return {}
    try:
        values = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}


def kept_draft(journal: Journal, key: str, writer: JournalWriter | None = None) -> dict[str, str]:
    """The draft kept under ``key``, after ``writer``'s queued saves ({} when there is none
    or the journal cannot be read: the form then starts from what was saved)."""
    if writer is not None:
        writer.flush()
    try:
        return draft_values(journal.drafts(key).get(DRAFT_SLOT))
    except JournalError:
        return {}


def draft_write(key: str, values: dict[str, str], saved: dict[str, str]) -> Write:
    """The write that keeps ``values`` as the draft under ``key``; a form back as it was
    ``saved`` needs no draft, so then the write forgets it."""
    if values == saved:
        return forget_draft(key)
    text = json.dumps(values, ensure_ascii=False)
    return lambda journal: journal.save_draft(key, DRAFT_SLOT, text)


def forget_draft(key: str) -> Write:
    """The write that forgets the draft under ``key``."""
    return lambda journal: journal.clear_drafts(key, [DRAFT_SLOT])


def store_interview(
    journal: Journal, interview: RealInterview, *, new: bool, writer: JournalWriter | None = None
) -> RealInterview | None:
    """Save ``interview`` after ``writer``'s queued drafts, forget its drafts (a ``new``
    log's too), and read it back as stored. Raises JournalError."""
    if writer is not None:
        writer.flush()
    journal.save_real_interview(interview)
    journal.clear_drafts(draft_key(None if new else interview.id))
    journal.clear_drafts(draft_key(interview.id))
    return journal.real_interview(interview.id)
