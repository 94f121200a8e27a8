"""Time limits and the countdown's colours, as pure functions."""

from __future__ import annotations

import math
from typing import Literal

from simulator.common.names import counted
from simulator.packs.records import Persona, Question, Stage

TimeState = Literal["ok", "amber", "red"]
"""How the countdown is shown: plenty of time, nearly out, or over."""

DEFAULT_ANSWER_TIME = 120
"""Seconds to answer when nothing else says (the persona's own default is also 120)."""

DEFAULT_PITCH_TIME = 60
"""Seconds for an elevator pitch when its stage gives no time limit."""

AMBER_SHARE = 0.25
"""The countdown turns amber in the last quarter of the time..."""

AMBER_SECONDS = 30.0
"""...or in the last 30 seconds, whichever is longer (but never for more than half of it)."""


def whole_seconds(seconds: float) -> int:
    """Seconds to the nearest whole second, halves up: the one rounding rule for every time
    shown, on screen and in exports, so 14.78 s is 0:15 everywhere."""
    return math.floor(abs(seconds) + 0.5)


def clock_text(seconds: float) -> str:
    """Seconds as m:ss (h:mm:ss from an hour up), rounded by :func:`whole_seconds`."""
    hours, rest = divmod(whole_seconds(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def span_words(seconds: float) -> str:
    """A stretch of time in the largest whole unit: "3 days", "1 hour", "a moment"."""
    seconds = abs(seconds)
    for size, name in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = int(seconds // size)
            return counted(count, name)
    return "a moment"


def when_words(moment: float, now: float) -> str:
    """How long ago something happened: "just now", "2 hours ago"."""
    return "just now" if now - moment < 60 else f"{span_words(now - moment)} ago"


def due_words(due_at: float, now: float) -> str:
    """When something is due, or by how much it is overdue: the same words on screen and
    on the command line."""
    if due_at >= now:
        return f"due in {span_words(due_at - now)}"
    return f"overdue by {span_words(now - due_at)}"


def answer_time_limit(
    question: Question | None, stage: Stage | None, persona: Persona | None
) -> int:
    """Seconds allowed to answer, from the first of these that gives a value.

    1. The stage's ``time_limit``: the pack format calls it an override for its stage, so
       it wins over the limits of the questions the stage draws (the 8-minute design slot).
    2. The question's own ``time_limit``.
    3. The persona's ``answer_time`` (default 120).
    4. 120 seconds, when there is no persona either.

    Follow-ups and probes have no question of their own: see :func:`follow_up_time_limit`.
    """
    if stage is not None and stage.time_limit is not None:
        return stage.time_limit
    if question is not None and question.time_limit is not None:
        return question.time_limit
    if persona is not None:
        return persona.answer_time
    return DEFAULT_ANSWER_TIME


MIN_FOLLOW_UP_TIME = 30
"""The fewest seconds a follow-up gets (unless the answer it follows had less)."""


def follow_up_time_limit(parent_limit: int, stage: Stage | None, persona: Persona | None) -> int:
    """Seconds to answer a follow-up question or probe.

    A follow-up asks about one point of the answer before it, so it gets half that answer's
    time (to the nearest 5 seconds), at least :data:`MIN_FOLLOW_UP_TIME` but never more than
    the answer it follows had, and never more than :func:`answer_time_limit` gives a
    question without a limit of its own in that stage (the stage's override, else the
    persona's answer time). "How should I reach you?" after a one-minute answer gets 30
    seconds, not the persona's two minutes; a follow-up in the 8-minute design slot gets 4.
    """
    half = 5 * round(parent_limit / 10)
    cap = answer_time_limit(None, stage, persona)
    return max(min(MIN_FOLLOW_UP_TIME, parent_limit), min(half, cap))


def pitch_time_limit(stage: Stage | None) -> int:
    """Seconds for the elevator pitch: the stage's time limit, else 60."""
    if stage is not None and stage.time_limit is not None:
        return stage.time_limit
    return DEFAULT_PITCH_TIME


def elapsed(started_at: float | None, submitted_at: float | None, now: float) -> float:
    """Seconds spent on an answer: until it was submitted, or until now; 0 before it began."""
    if started_at is None:
        return 0.0
    end = submitted_at if submitted_at is not None else now
    return max(0.0, end - started_at)


def remaining(limit: float, used: float) -> float:
    """Seconds left (negative when over the limit)."""
    return limit - used


def overtime(limit: float, used: float) -> float:
    """Seconds over the limit (0 when within it)."""
    return max(0.0, used - limit)


def amber_threshold(limit: float) -> float:
    """Seconds left at which the countdown turns amber.

    The last 25% or the last 30 seconds, whichever is longer, but at most half the limit so
    that a short answer does not start out amber.
    """
    return min(max(AMBER_SHARE * limit, AMBER_SECONDS), limit / 2)


def time_state(limit: float, used: float) -> TimeState:
    """The countdown's colour: "ok", "amber" (nearly out of time) or "red" (over the limit)."""
    left = remaining(limit, used)
    if left < 0:
        return "red"
    if left <= amber_threshold(limit):
        return "amber"
    return "ok"
