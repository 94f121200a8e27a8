"""The follow-up plan: due times, panels, extending and closing."""

from __future__ import annotations

import itertools

import pytest
from engine_helpers import START, make_pack, persona

from simulator.engine import (
    THANK_YOU_CHECKLIST,
    close_process,
    due_reminders,
    extend_check_ins,
    follow_up_plan,
    mark_done,
    open_reminders,
    thank_you_recipients,
)
from simulator.engine.followup import DAY, HOUR


def ids() -> object:
    numbers = itertools.count(1)
    return lambda: f"r{next(numbers)}"


def test_plan_due_times() -> None:
    plan = follow_up_plan(START, ["Priya"], ids=ids())  # type: ignore[arg-type]
    assert [(r["id"], r["kind"], r["recipient"], r["due_at"] - START) for r in plan] == [
        ("r1", "thank-you", "Priya", 24 * HOUR),
        ("r2", "inquiry", "Priya", 7 * DAY),
        ("r3", "check-in", "Priya", 21 * DAY),
        ("r4", "check-in", "Priya", 35 * DAY),
        ("r5", "check-in", "Priya", 49 * DAY),
        ("r6", "check-in", "Priya", 63 * DAY),
    ]
    assert all(r["done_at"] is None and not r["closed"] for r in plan)
    assert all(isinstance(r["due_at"], float) for r in plan)
    assert plan[0]["title"] == "Send a thank-you note to Priya"
    assert len({r["id"] for r in follow_up_plan(START, ["A"])}) == 6  # uuid ids


def test_plan_for_a_panel_and_options() -> None:
    plan = follow_up_plan(START, ["Ana", "Ben", "Ana"], check_ins=1, contact="Recruiter")
    assert [(r["kind"], r["recipient"]) for r in plan] == [
        ("thank-you", "Ana"),
        ("thank-you", "Ben"),
        ("inquiry", "Recruiter"),
        ("check-in", "Recruiter"),
    ]
    assert [r["due_at"] - START for r in plan] == [24 * HOUR, 24 * HOUR, 7 * DAY, 21 * DAY]
    nobody = follow_up_plan(START, [], check_ins=0)
    assert [(r["kind"], r["recipient"], r["title"]) for r in nobody] == [
        ("thank-you", "", "Send a thank-you note"),
        ("inquiry", "", "Ask politely how the process is going"),
    ]


def test_extend_close_and_mark_done() -> None:
    plan = follow_up_plan(START, ["Priya"], check_ins=2)
    longer = extend_check_ins(plan, 2)
    assert len(plan) == 4  # the given plan is not changed
    assert [r["due_at"] - START for r in longer[4:]] == [49 * DAY, 63 * DAY]
    assert longer[-1]["title"].endswith("(check-in 4)")
    with pytest.raises(ValueError):
        extend_check_ins([], 1)
    done = mark_done(longer, longer[0]["id"], START + HOUR)
    assert done[0]["done_at"] == START + HOUR and longer[0]["done_at"] is None
    assert mark_done(done, done[0]["id"], None)[0]["done_at"] is None
    with pytest.raises(KeyError):
        mark_done(done, "nope", START)
    closed = close_process(done)
    assert [r["closed"] for r in closed] == [False, True, True, True, True, True]
    assert open_reminders(closed) == []
    # Extending a closed process adds open check-ins after the last one.
    reopened = extend_check_ins(closed)
    assert open_reminders(reopened) == [reopened[-1]]
    assert reopened[-1]["due_at"] - START == 77 * DAY


def test_due_and_open_reminders() -> None:
    plan = follow_up_plan(START, ["A", "B"])
    assert due_reminders(plan, START) == []
    assert [r["recipient"] for r in due_reminders(plan, START + 24 * HOUR)] == ["A", "B"]
    assert len(due_reminders(plan, START + 8 * DAY)) == 3
    plan = mark_done(plan, plan[0]["id"], START + HOUR)
    assert [r["kind"] for r in due_reminders(plan, START + 8 * DAY)] == ["thank-you", "inquiry"]
    assert [r["due_at"] for r in open_reminders(plan)] == sorted(
        r["due_at"] for r in plan if r["done_at"] is None
    )


def test_recipients() -> None:
    solo = make_pack("p", personas=[persona(name="Priya")]).personas[0]
    panel = make_pack(
        "q", personas=[persona(name="Panel", panel=[{"name": "Ana"}, {"name": "Ben"}])]
    ).personas[0]
    assert thank_you_recipients(solo) == ["Priya"]
    assert thank_you_recipients(panel) == ["Ana", "Ben"]
    assert thank_you_recipients(None, "Gone") == ["Gone"]
    assert thank_you_recipients(None) == [""]


def test_thank_you_checklist() -> None:
    assert [item.id for item in THANK_YOU_CHECKLIST] == [
        "subject",
        "specific",
        "gratitude",
        "enthusiasm",
        "brevity",
    ]
    assert all(item.label and item.description for item in THANK_YOU_CHECKLIST)
