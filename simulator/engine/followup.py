"""The follow-up plan after an interview: thank-you notes, the inquiry, the check-ins.

Due times count from the end of the interview: each thank-you note within 24 hours (one per
interviewer of a panel), an inquiry after 7 days, then a check-in every 14 days. The plan is
a list of :class:`~simulator.engine.snapshot.ReminderSnapshot`; the functions here return
new lists and never change the ones given.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from simulator.engine.snapshot import ReminderKind, ReminderSnapshot
from simulator.packs.records import Persona

HOUR = 3600.0
"""Seconds in an hour."""

DAY = 24 * HOUR
"""Seconds in a day."""

THANK_YOU_DUE = 24 * HOUR
"""A thank-you note is due within 24 hours."""

INQUIRY_DUE = 7 * DAY
"""The inquiry is due a week after the interview."""

CHECK_IN_INTERVAL = 14 * DAY
"""Check-ins follow every two weeks after the inquiry."""

FIRST_CHECK_INS = 4
"""How many check-ins a new plan has (more can be added with :func:`extend_check_ins`)."""

IdFactory = Callable[[], str]
"""Makes a new reminder id."""


def new_id() -> str:
    """A new uuid4 hex id."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class ChecklistItem:
    """One thing a good thank-you note does."""

    id: str
    """A short id."""
    label: str
    """What to tick."""
    description: str
    """Why it matters, in a sentence."""


THANK_YOU_CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "subject",
        "A clear subject line",
        "Say what it is and which conversation, e.g. 'Thank you: product designer interview'.",
    ),
    ChecklistItem(
        "specific",
        "Something specific from the conversation",
        "A topic you discussed or something they said, so it could only be sent to them.",
    ),
    ChecklistItem("gratitude", "Gratitude", "Thank them for their time and what you learned."),
    ChecklistItem(
        "enthusiasm",
        "Enthusiasm",
        "Say why you are still keen on the role, in one honest sentence.",
    ),
    ChecklistItem(
        "brevity", "Brevity", "A few short paragraphs that can be read in under a minute."
    ),
)
"""What to check before sending a thank-you note."""


def thank_you_recipients(persona: Persona | None, fallback_name: str = "") -> list[str]:
    """Who gets a thank-you note: each panel member, else the persona, else ``fallback_name``."""
    if persona is not None and persona.panel:
        return list(dict.fromkeys(member.name for member in persona.panel))
    if persona is not None:
        return [persona.name]
    return [fallback_name] if fallback_name else [""]


def _reminder(
    kind: ReminderKind, title: str, recipient: str, due_at: float, ids: IdFactory
) -> ReminderSnapshot:
    return {
        "id": ids(),
        "kind": kind,
        "title": title,
        "recipient": recipient,
        "due_at": float(due_at),
        "done_at": None,
        "closed": False,
    }


def check_in_title(number: int) -> str:
    """The title of the ``number``-th check-in (from 1)."""
    return f"Check in on the process (check-in {number})"


def follow_up_plan(
    finished_at: float,
    recipients: Sequence[str],
    *,
    check_ins: int = FIRST_CHECK_INS,
    contact: str = "",
    ids: IdFactory = new_id,
) -> list[ReminderSnapshot]:
    """The plan after an interview that ended at ``finished_at``.

    One thank-you note per recipient due at +24 h, an inquiry at +7 days, and ``check_ins``
    check-ins at +21, +35, +49... days. ``contact`` is who the inquiry and check-ins go to
    (by default the first recipient).
    """
    plan: list[ReminderSnapshot] = []
    names = list(dict.fromkeys(recipients)) or [""]
    for name in names:
        title = f"Send a thank-you note to {name}" if name else "Send a thank-you note"
        plan.append(_reminder("thank-you", title, name, finished_at + THANK_YOU_DUE, ids))
    to = contact or names[0]
    plan.append(
        _reminder(
            "inquiry",
            "Ask politely how the process is going",
            to,
            finished_at + INQUIRY_DUE,
            ids,
        )
    )
    first = finished_at + INQUIRY_DUE + CHECK_IN_INTERVAL
    for number in range(check_ins):
        due = first + number * CHECK_IN_INTERVAL
        plan.append(_reminder("check-in", check_in_title(number + 1), to, due, ids))
    return plan


def extend_check_ins(
    reminders: Sequence[ReminderSnapshot], count: int = 1, *, ids: IdFactory = new_id
) -> list[ReminderSnapshot]:
    """The plan with ``count`` more check-ins, every 14 days after the last item due.

    A closed process is reopened: the new check-ins are open.
    """
    plan = [reminder.copy() for reminder in reminders]
    if not plan:
        raise ValueError("there is no plan to extend")
    last = max(reminder["due_at"] for reminder in plan)
    numbered = sum(1 for reminder in plan if reminder["kind"] == "check-in")
    to = next((r["recipient"] for r in plan if r["kind"] != "thank-you"), plan[0]["recipient"])
    for offset in range(1, count + 1):
        due = last + offset * CHECK_IN_INTERVAL
        plan.append(_reminder("check-in", check_in_title(numbered + offset), to, due, ids))
    return plan


def close_process(reminders: Sequence[ReminderSnapshot]) -> list[ReminderSnapshot]:
    """The plan with every item not yet done marked closed: no further check-ins."""
    plan = [reminder.copy() for reminder in reminders]
    for reminder in plan:
        if reminder["done_at"] is None:
            reminder["closed"] = True
    return plan


def mark_done(
    reminders: Sequence[ReminderSnapshot], reminder_id: str, when: float | None
) -> list[ReminderSnapshot]:
    """The plan with one item marked done at ``when`` (None: not done again)."""
    plan = [reminder.copy() for reminder in reminders]
    for reminder in plan:
        if reminder["id"] == reminder_id:
            reminder["done_at"] = None if when is None else float(when)
            return plan
    raise KeyError(reminder_id)


def open_reminders(reminders: Sequence[ReminderSnapshot]) -> list[ReminderSnapshot]:
    """Items neither done nor closed, soonest first."""
    return sorted(
        (r for r in reminders if r["done_at"] is None and not r["closed"]),
        key=lambda r: r["due_at"],
    )


def due_reminders(reminders: Sequence[ReminderSnapshot], now: float) -> list[ReminderSnapshot]:
    """Open items whose due time has come, soonest first."""
    return [reminder for reminder in open_reminders(reminders) if reminder["due_at"] <= now]
