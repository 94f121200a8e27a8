"""The clock, time limits and the countdown's colours."""

from __future__ import annotations

import time

import pytest
from engine_helpers import make_pack, persona, question

from simulator.engine import FakeClock, SystemClock, answer_time_limit, time_state, timing


def test_fake_clock() -> None:
    clock = FakeClock(100)
    assert clock.now() == 100.0
    assert clock.advance(2.5) == 102.5
    clock.set(5)
    assert clock.now() == 5.0
    assert FakeClock().now() == 1_700_000_000.0


def test_system_clock() -> None:
    before = time.time()
    assert before <= SystemClock().now() <= time.time()


def test_time_limit_resolution() -> None:
    pack = make_pack(
        "p",
        kind="behavioral",
        questions=[question("a", time_limit=45), question("b")],
        personas=[
            persona(answer_time=200, plan=[{"stage": "questions", "time_limit": 90}]),
            persona("plain", plan=[{"stage": "questions"}]),
        ],
    )
    with_limit, without = pack.questions
    p200, plain = pack.personas
    stage, bare = p200.plan[0], plain.plan[0]
    # The stage's limit overrides the question's; the question's wins over the persona's.
    assert answer_time_limit(with_limit, stage, p200) == 90
    assert answer_time_limit(with_limit, bare, p200) == 45
    assert answer_time_limit(with_limit, None, None) == 45
    assert answer_time_limit(without, stage, p200) == 90
    assert answer_time_limit(without, bare, p200) == 200
    assert answer_time_limit(without, bare, plain) == 120
    assert answer_time_limit(None, None, None) == 120
    assert timing.pitch_time_limit(stage) == 90
    assert timing.pitch_time_limit(bare) == 60
    assert timing.pitch_time_limit(None) == 60


@pytest.mark.parametrize(
    ("limit", "used", "state"),
    [
        (120, 0, "ok"),
        (120, 89.9, "ok"),
        (120, 90, "amber"),  # 30 s left = 25%
        (120, 120, "amber"),
        (120, 120.1, "red"),
        (600, 449, "ok"),
        (600, 450, "amber"),  # the last 25% (150 s) is longer than 30 s
        (60, 29, "ok"),
        (60, 30, "amber"),  # the last 30 s is longer than 25% (15 s)
        (20, 9, "ok"),
        (20, 10, "amber"),  # never amber for more than half the time
        (20, 25, "red"),
    ],
)
def test_time_state(limit: int, used: float, state: str) -> None:
    assert time_state(limit, used) == state


def test_elapsed_remaining_overtime() -> None:
    assert timing.elapsed(None, None, 50) == 0
    assert timing.elapsed(10, None, 50) == 40
    assert timing.elapsed(10, 30, 50) == 20
    assert timing.elapsed(10, 5, 50) == 0  # a clock that went back never gives negative time
    assert timing.remaining(120, 130) == -10
    assert timing.overtime(120, 130) == 10
    assert timing.overtime(120, 100) == 0


@pytest.mark.parametrize(
    ("parent", "stage_limit", "answer_time", "expected"),
    [
        (60, None, 120, 30),  # "How should I reach you?" after a one-minute answer
        (120, None, 120, 60),
        (180, None, 180, 90),
        (480, 480, 180, 240),  # the design slot's override caps it, the half is less
        (600, None, 120, 120),  # never more than the persona's answer time
        (20, None, 120, 20),  # never more than the answer it follows
        (45, None, 120, 30),
    ],
)
def test_follow_ups_get_half_the_time_of_what_they_follow(
    parent: int, stage_limit: int | None, answer_time: int, expected: int
) -> None:
    stage_spec: dict[str, object] = {"stage": "questions"}
    if stage_limit is not None:
        stage_spec["time_limit"] = stage_limit
    pack = make_pack(
        "p",
        kind="behavioral",
        questions=[question("a")],
        personas=[persona(answer_time=answer_time, plan=[stage_spec])],
    )
    (owner,) = pack.personas
    assert timing.follow_up_time_limit(parent, owner.plan[0], owner) == expected


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(14.78, "0:15"), (14.49, "0:14"), (14.5, "0:15"), (59.6, "1:00"), (3599.5, "1:00:00")],
)
def test_one_rounding_rule_for_every_time_shown(seconds: float, shown: str) -> None:
    from simulator.journal.markdown import duration
    from simulator.tui.timefmt import clock_text

    assert timing.clock_text(seconds) == clock_text(seconds) == duration(seconds) == shown


def test_time_words_are_one_set_for_the_screens_and_the_command_line() -> None:
    from simulator.commands import log_reminders
    from simulator.engine.timing import due_words, span_words, when_words
    from simulator.tui import timefmt

    assert log_reminders.due_words is timefmt.due_words is due_words
    assert timefmt.when_words is when_words
    now = 1_800_000_000.0
    # At the very moment it is due, both say "due", not one "due" and the other "overdue".
    assert due_words(now, now) == "due in a moment"
    assert due_words(now - 1, now) == "overdue by a moment"
    assert due_words(now + 2 * 86400 + 5, now) == "due in 2 days"
    assert due_words(now - 3600, now) == "overdue by 1 hour"
    assert when_words(now - 30, now) == "just now"
    assert when_words(now - 120, now) == "2 minutes ago"
    assert span_words(-90) == "1 minute"
