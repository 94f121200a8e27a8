"""Follow-up reminders as an iCalendar file (RFC 5545), written by hand: no dependency.

Each reminder becomes an event at the time it is next due (a snoozed one at the end of
its snooze), or with ``kind="todo"`` a to-do with that due time. Its UID is the reminder's
id with a fixed domain, so importing a newer export into a calendar updates the entries it
made before instead of adding copies. Nothing in the file depends on when it was written:
DTSTAMP is when the reminder's plan was made, and SEQUENCE counts the minutes snoozes have
moved it, so it grows with every snooze and a calendar takes the moved entry as the newer.

Text is plain: control and invisible formatting characters are dropped, and the
characters iCalendar gives a meaning to are escaped. Lines end in CRLF and are folded at
75 octets without splitting a character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Literal

from simulator.common.safetext import FORMAT_CHARACTERS, one_line
from simulator.journal.models import Reminder

CalendarKind = Literal["event", "todo"]
"""Events (which every calendar imports) or to-dos (which task lists understand)."""

UID_DOMAIN = "mock-interview.local"
"""The domain part of every UID: a reminder's UID is ``ID@mock-interview.local``."""

PRODUCT_ID = "-//mock-interview//Follow-up reminders//EN"
"""The calendar's PRODID."""

EVENT_MINUTES = 15
"""How long an event is: time to write and send a short note."""

LINE_OCTETS = 75
"""The longest a line may be, in octets, before it is folded (RFC 5545, 3.1)."""

_DROPPED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + FORMAT_CHARACTERS + "]"
)

_KINDS = {
    "thank-you": "Thank-you note",
    "inquiry": "Inquiry about the decision",
    "check-in": "Check-in",
}


def plain(text: str) -> str:
    """``text`` without what must not reach a calendar: line breaks made ``\\n``, tabs
    spaces, every other control or invisible formatting character dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _DROPPED.sub("", text)


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks
    escaped, after :func:`plain`."""
    text = plain(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into lines of at most 75 octets, each ending in CRLF; a
    continuation line starts with a space, and no UTF-8 character is split."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the space takes one octet
        current.append(character)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def utc_stamp(moment: float) -> str:
    """A DATE-TIME in UTC, such as ``20260102T120000Z`` (whole seconds)."""
    return datetime.fromtimestamp(int(moment), UTC).strftime("%Y%m%dT%H%M%SZ")


def reminder_uid(reminder: Reminder) -> str:
    """The reminder's UID: the same in every export, so a calendar updates its entry."""
    return f"{reminder.id}@{UID_DOMAIN}"


def _description(reminder: Reminder) -> str:
    origin = "a real interview" if reminder.source == "interview" else "a practice session"
    lines = [
        f"{_KINDS.get(reminder.kind, 'Follow-up')} after {origin} with "
        f"{one_line(reminder.persona_name)}.",
    ]
    if reminder.recipient:
        lines.append(f"For: {one_line(reminder.recipient)}")
    lines.append(f"When it is done: mock-interview log reminders done {reminder.id}")
    return "\n".join(lines)


def _properties(reminder: Reminder, kind: CalendarKind) -> Iterator[str]:
    due = reminder.shown_due_at
    summary = escape_text(one_line(reminder.title))
    yield f"UID:{escape_text(reminder_uid(reminder))}"
    yield f"DTSTAMP:{utc_stamp(reminder.planned_at or reminder.due_at)}"
    yield f"SEQUENCE:{max(0, int((due - reminder.due_at) // 60))}"
    if kind == "todo":
        yield f"DUE:{utc_stamp(due)}"
        yield "STATUS:NEEDS-ACTION"
    else:
        yield f"DTSTART:{utc_stamp(due)}"
        yield f"DURATION:PT{EVENT_MINUTES}M"
        yield "TRANSP:TRANSPARENT"  # a note to write does not make one busy
    yield f"SUMMARY:{summary}"
    yield f"DESCRIPTION:{escape_text(_description(reminder))}"
    yield f"CATEGORIES:{escape_text(reminder.kind)}"
    yield "BEGIN:VALARM"
    yield "ACTION:DISPLAY"
    yield f"DESCRIPTION:{summary}"
    yield "TRIGGER;RELATED=END:PT0S" if kind == "todo" else "TRIGGER:PT0S"
    yield "END:VALARM"


def calendar_lines(reminders: Iterable[Reminder], kind: CalendarKind = "event") -> list[str]:
    """The content lines of the calendar, not yet folded."""
    component = "VTODO" if kind == "todo" else "VEVENT"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Interview follow-ups",
    ]
    for reminder in reminders:
        lines.append(f"BEGIN:{component}")
        lines.extend(_properties(reminder, kind))
        lines.append(f"END:{component}")
    lines.append("END:VCALENDAR")
    return lines


def calendar_text(reminders: Iterable[Reminder], kind: CalendarKind = "event") -> str:
    """``reminders`` as an iCalendar file, in the order given: one event (or to-do) each,
    at the time it is next due. The same reminders in the same state give the same text."""
    return "".join(fold(line) for line in calendar_lines(reminders, kind))
