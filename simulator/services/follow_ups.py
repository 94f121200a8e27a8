"""Follow-up reminders outside the app: finding one by id, marking it done, snoozing it,
closing its process, and the open ones as a calendar file.

The command line and the screens make the same journal calls through here, so a reminder
marked done in the shell is done in the app, and a snooze counts the same way in both
(from when the reminder would next be shown as due).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from simulator.common.names import counted
from simulator.journal import Journal, JournalError, Reminder
from simulator.journal.ical import CalendarKind, calendar_text

MINUTE = 60.0
"""Seconds in a minute."""
HOUR = 60 * MINUTE
"""Seconds in an hour."""
DAY = 24 * HOUR
"""Seconds in a day."""

SNOOZE_DEFAULT = DAY
"""How long a snooze lasts when no length is given: a day, the app's shorter snooze."""

_UNITS = {"m": MINUTE, "h": HOUR, "d": DAY, "w": 7 * DAY}
_PART = re.compile(r"(\d+)\s*([mhdw])")
_WORDS = (("week", 7 * DAY), ("day", DAY), ("hour", HOUR), ("minute", MINUTE))

MAX_SNOOZE = 365 * DAY
"""The longest snooze accepted: a year."""


def parse_duration(text: str) -> float:
    """Seconds in a length such as ``3d``, ``12h``, ``2w``, ``90m`` or ``1d12h``. Raises
    ValueError with a plain message."""
    value = "".join(text.lower().split())
    parts = _PART.findall(value)
    if not value or "".join(number + unit for number, unit in parts) != value:
        raise ValueError(
            f"{text!r} is not a length of time: write a number and m, h, d or w, such as "
            "3d (three days), 12h or 1w"
        )
    seconds = sum(int(number) * _UNITS[unit] for number, unit in parts)
    if seconds <= 0:
        raise ValueError("a snooze must last longer than no time at all")
    if seconds > MAX_SNOOZE:
        raise ValueError("a snooze can last a year at most")
    return seconds


def duration_words(seconds: float) -> str:
    """A length in words, largest units first: "1 week 2 days", "3 hours"."""
    words = []
    left = int(seconds)
    for name, size in _WORDS:
        count, left = divmod(left, int(size))
        if count:
            words.append(counted(count, name))
    return " ".join(words) or "no time"


def find_reminder(journal: Journal, prefix: str) -> Reminder:
    """The reminder whose id is ``prefix`` or uniquely starts with it. Raises JournalError
    when there is none, or more than one."""
    found = journal.find_reminders(prefix.strip()) if prefix.strip() else []
    if not found:
        raise JournalError(
            f"no follow-up with id {prefix} (mock-interview log reminders --all lists them)"
        )
    if len(found) > 1:
        raise JournalError(f"{prefix} matches {len(found)} follow-ups; give more of the id")
    return found[0]


def mark_done(journal: Journal, reminder: Reminder, now: float) -> bool:
    """Mark ``reminder`` done at ``now``; False when it was done already (left as it was)."""
    if reminder.done_at is not None:
        return False
    return journal.set_reminder_done(reminder.id, now)


def snooze(journal: Journal, reminder: Reminder, seconds: float, now: float) -> float:
    """Hide ``reminder`` for ``seconds`` from when it would next be shown as due; returns
    when it comes back. Raises JournalError for one that is done or closed."""
    if reminder.done_at is not None or reminder.closed:
        state = "done" if reminder.done_at is not None else "closed"
        raise JournalError(f"that follow-up is {state}: there is nothing to snooze")
    until = reminder.snooze_end(now, seconds)
    if not journal.snooze_reminder(reminder.id, until):
        raise JournalError(f"no follow-up with id {reminder.id}")
    return until


def close_process(journal: Journal, reminder: Reminder) -> int:
    """Close the whole process ``reminder`` belongs to (no more of its follow-ups come
    due); returns how many were still open and are closed now."""
    return journal.close_follow_up(reminder.session_id)


OwnerKind = Literal["session", "interview"]
"""What a follow-up plan belongs to: a practice session or a logged real interview."""


@dataclass(frozen=True)
class Owner:
    """A practice session or a real interview, found by its id."""

    kind: OwnerKind
    """Which of the two it is."""
    id: str
    """Its full id."""


def find_owner(journal: Journal, prefix: str) -> Owner:
    """The session or real interview whose id is ``prefix`` or uniquely starts with it.
    Raises JournalError when there is none, or more than one."""
    sessions = journal.find_session_ids(prefix)
    logged = journal.find_interview_ids(prefix)
    exact = [Owner("session", found_id) for found_id in sessions if found_id == prefix] + [
        Owner("interview", found_id) for found_id in logged if found_id == prefix
    ]
    found = exact or [Owner("session", found_id) for found_id in sessions] + [
        Owner("interview", found_id) for found_id in logged
    ]
    if not found or not prefix:
        raise JournalError(f"no session or real interview with id {prefix}")
    if len(found) > 1:
        raise JournalError(
            f"{prefix} matches {len(found)} sessions and real interviews; give more of the id"
        )
    return found[0]


def _is_open(reminder: Reminder) -> bool:
    return reminder.done_at is None and not reminder.closed


@dataclass(frozen=True)
class CalendarExport:
    """A calendar file of follow-ups, with what it holds."""

    text: str
    """The iCalendar text."""
    count: int
    """How many follow-ups it holds."""
    left_out: int
    """Practice sessions' open follow-ups not included (drills, left out unless asked)."""


def open_follow_ups(
    journal: Journal, owner: Owner | None = None, *, practice: bool = False
) -> tuple[list[Reminder], int]:
    """The open follow-ups, soonest next due first: one session's or real interview's, or
    else every real interview's (and practice sessions' too with ``practice``); with how
    many practice ones were left out."""
    if owner is None:
        found = journal.open_reminders(practice=practice)
        left_out = 0 if practice else journal.practice_reminder_count(due=False)
    else:
        if owner.kind == "session":
            every = journal.reminders(owner.id)
        else:
            every = journal.interview_reminders(owner.id)
        found, left_out = [item for item in every if _is_open(item)], 0
    found.sort(key=lambda item: (item.shown_due_at, item.title, item.id))
    return found, left_out


def follow_up_calendar(
    journal: Journal,
    owner: Owner | None = None,
    *,
    practice: bool = False,
    kind: CalendarKind = "event",
) -> CalendarExport:
    """The open follow-ups (see :func:`open_follow_ups`) as an iCalendar file."""
    reminders, left_out = open_follow_ups(journal, owner, practice=practice)
    return CalendarExport(calendar_text(reminders, kind), len(reminders), left_out)
