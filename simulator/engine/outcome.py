"""How a session went, in the terms a persona's closings use: many skips, overtime, brief,
strong, or none of those.

The cases, judged on the answers of the questions stages and the pitch when the wrap-up
stage is reached (the candidate's own questions do not count):

- ``many-skips``: at least 2 questions skipped, and at least a quarter of all asked and
  planned ones. A drawn question that was never asked because the candidate moved on
  counts as skipped.
- ``overtime``: at least 2 submitted answers ran over their time, and at least a quarter
  of the submitted answers did.
- ``brief``: at least half of the submitted answers are short (empty, or under 40% of what
  fits in their time when spoken: the length insight's "too short"; writing drills are
  never counted short).
- ``strong``: at least one answer, every planned question answered (none skipped or left
  out), none over time and none short.

A session can fit several of the first three; ``strong`` never goes with any of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final

from simulator.engine.snapshot import AnswerSnapshot
from simulator.packs.records import ClosingCase

CLOSING_ORDER: Final[tuple[ClosingCase, ...]] = ("many-skips", "overtime", "brief", "strong")
"""The order in which a persona's closings are tried: the first that fits is said."""

SEVERAL: Final = 2
"""The fewest skips or overtime answers that count as "several"."""

SHARE: Final = 0.25
"""...and the share of the answers they must also be."""

BRIEF_SHARE: Final = 0.5
"""The share of short answers that makes a session brief."""

_TIMED: Final = ("question", "follow-up", "probe", "pitch")

LengthOf = Callable[[AnswerSnapshot], str]
"""An answer's length verdict ("empty", "too short", "about right", "long for the time")."""


def _stored_length(answer: AnswerSnapshot) -> str:
    """The length verdict the answer's stored insights hold ("" when there are none, and
    for writing drills, whose length is not measured against a speaking pace)."""
    if answer["kind"] == "follow-up":
        return ""
    insights = answer.get("insights") or {}
    length = insights.get("length")
    verdict = length.get("verdict", "") if isinstance(length, dict) else ""
    return verdict if isinstance(verdict, str) else ""


def outcome_cases(
    answers: Sequence[AnswerSnapshot],
    left_out: int = 0,
    length_of: LengthOf = _stored_length,
) -> tuple[ClosingCase, ...]:
    """Which closing cases fit a session, in :data:`CLOSING_ORDER`.

    ``left_out`` counts the drawn questions never asked; ``length_of`` reads an answer's
    length verdict (by default from its stored insights).
    """
    closed = [a for a in answers if a["source"] in _TIMED and a["submitted_at"] is not None]
    submitted = [a for a in closed if not a["skipped"]]
    skipped = sum(1 for a in closed if a["skipped"]) + left_out
    over = sum(1 for a in submitted if a["time_used"] > a["time_limit"])
    short = sum(1 for a in submitted if length_of(a) in ("empty", "too short"))
    cases: list[ClosingCase] = []
    if skipped >= SEVERAL and skipped >= SHARE * (len(closed) + left_out):
        cases.append("many-skips")
    if over >= SEVERAL and over >= SHARE * len(submitted):
        cases.append("overtime")
    if submitted and short >= BRIEF_SHARE * len(submitted):
        cases.append("brief")
    if submitted and not skipped and not over and not short:
        cases.append("strong")
    return tuple(cases)


def pick_closing(says: Mapping[ClosingCase, str], cases: Sequence[ClosingCase]) -> str:
    """The first case, in the order many-skips, overtime, brief, strong, that both fits the
    session and has a closing in ``says``; "" when none does (the plain closing is said)."""
    for case in CLOSING_ORDER:
        if case in cases and says.get(case, "").strip():
            return says[case]
    return ""
