"""Spaced review: when each question the user answered should come back, from its scores.

A Leitner-style schedule. Every (pack, question) the user answered sits in a *box*; each
new graded answer moves it to another box, and the box says how long until the question is
due again. A grade comes from the answer's mean criterion score (a skipped answer counts as
weak):

======================  ==================  ===========================================
Grade                   Mean score          Next box
======================  ==================  ===========================================
weak                    below 2.5, or skip  box 1, whatever the box was
fair                    2.5 to below 3.5    one box down, but at least box 2
strong                  3.5 to below 4.5    one box up, but at least box 3
excellent               4.5 and up          two boxes up, but at least box 4
======================  ==================  ===========================================

A question answered for the first time starts from box 0, so its first grade puts it in
box 1, 2, 3 or 4. Boxes stop at :data:`MAX_BOX`.

=====  ==================
Box    Due again after
=====  ==================
1      1 day
2      3 days
3      7 days
4      14 days
5      30 days
6      60 days
=====  ==================

So the scores 2, 3, 4, 4, 5, 5, 1 give the boxes 1, 2, 3, 4, 6, 6, 1 and the intervals 1,
3, 7, 14, 60, 60 and 1 days. The interval counts from the last graded answer. Answers never
self-scored (and not skipped) do not move a question: nothing says how it went.

Everything here is a pure function over plain data: the journal supplies
:class:`ReviewEvent` records, the interface shows :class:`ReviewItem` records, and
:func:`review_draw` puts a review session's questions into a persona's plan.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from simulator.engine.drawing import Draw, StageDraw
from simulator.engine.history import QuestionKey
from simulator.packs.library import Library, QuestionRef, stage_label
from simulator.packs.records import Persona

DAY = 86_400.0
"""Seconds in a day."""

INTERVAL_DAYS: dict[int, int] = {1: 1, 2: 3, 3: 7, 4: 14, 5: 30, 6: 60}
"""Days until a question in each box is due again (the table in the module docstring)."""

MAX_BOX = max(INTERVAL_DAYS)
"""The highest box."""


@dataclass(frozen=True)
class ReviewEvent:
    """One answer to a drawn question, as the scheduler sees it."""

    key: QuestionKey
    """(pack id, question id)."""
    at: float
    """When it was answered (seconds since the epoch)."""
    mean_score: float | None
    """The mean of its criterion scores, 1 to 5; None when not self-scored."""
    skipped: bool
    """Whether the candidate skipped it."""
    prompt_hash: str = ""
    """sha256 of the prompt as asked."""


class Grade(Enum):
    """How one answer went, for scheduling."""

    WEAK = "weak"
    FAIR = "fair"
    STRONG = "strong"
    EXCELLENT = "excellent"


GRADE_WORDS: dict[Grade, str] = {
    Grade.WEAK: "weak",
    Grade.FAIR: "fair",
    Grade.STRONG: "strong",
    Grade.EXCELLENT: "excellent",
}
"""Each grade in plain words."""


@dataclass(frozen=True)
class Schedule:
    """Where one question stands in spaced review."""

    key: QuestionKey
    """(pack id, question id)."""
    box: int
    """1 (comes back tomorrow) to :data:`MAX_BOX` (comes back in two months)."""
    due_at: float
    """When it is due again."""
    last_reviewed: float
    """When it was last graded."""
    reviews: int
    """How many graded answers it has."""
    last_grade: Grade
    """How the last graded answer went."""
    last_score: float | None
    """The last graded answer's mean score (None when it was skipped)."""

    @property
    def interval_days(self) -> int:
        """Days between the last graded answer and the due time."""
        return INTERVAL_DAYS[self.box]

    def is_due(self, now: float) -> bool:
        """Whether it is due at ``now``."""
        return self.due_at <= now


@dataclass(frozen=True)
class ReviewItem:
    """A question due for review, as the interface lists it."""

    schedule: Schedule
    """Its schedule."""
    overdue: float
    """Seconds since it came due (0 or more)."""
    changed: bool
    """Whether its prompt changed in a pack update since it was answered (history kept)."""

    @property
    def key(self) -> QuestionKey:
        """(pack id, question id)."""
        return self.schedule.key


def grade(mean_score: float | None, skipped: bool = False) -> Grade | None:
    """The grade of one answer; None when it was neither scored nor skipped."""
    if skipped:
        return Grade.WEAK
    if mean_score is None:
        return None
    if mean_score < 2.5:
        return Grade.WEAK
    if mean_score < 3.5:
        return Grade.FAIR
    if mean_score < 4.5:
        return Grade.STRONG
    return Grade.EXCELLENT


def next_box(box: int, graded: Grade) -> int:
    """The box a question moves to from ``box`` (0 for a new question) after a grade."""
    if graded is Grade.WEAK:
        moved = 1
    elif graded is Grade.FAIR:
        moved = max(2, box - 1)
    elif graded is Grade.STRONG:
        moved = max(3, box + 1)
    else:
        moved = max(4, box + 2)
    return min(MAX_BOX, moved)


def interval(box: int) -> float:
    """Seconds until a question in ``box`` is due again."""
    return INTERVAL_DAYS[min(MAX_BOX, max(1, box))] * DAY


def schedule(events: Iterable[ReviewEvent]) -> Schedule | None:
    """One question's schedule from its answers (any order); None when none is graded."""
    ordered = sorted(events, key=lambda event: event.at)
    box = 0
    result: Schedule | None = None
    reviews = 0
    for event in ordered:
        graded = grade(event.mean_score, event.skipped)
        if graded is None:
            continue
        box = next_box(box, graded)
        reviews += 1
        result = Schedule(
            key=event.key,
            box=box,
            due_at=event.at + interval(box),
            last_reviewed=event.at,
            reviews=reviews,
            last_grade=graded,
            last_score=None if event.skipped else event.mean_score,
        )
    return result


def schedules(events: Iterable[ReviewEvent]) -> dict[QuestionKey, Schedule]:
    """Every graded question's schedule."""
    grouped: dict[QuestionKey, list[ReviewEvent]] = {}
    for event in events:
        grouped.setdefault(event.key, []).append(event)
    found = {key: schedule(group) for key, group in grouped.items()}
    return {key: value for key, value in found.items() if value is not None}


def due_reviews(
    scheduled: Mapping[QuestionKey, Schedule],
    now: float,
    *,
    changed: Collection[QuestionKey] = (),
    installed: Collection[QuestionKey] | None = None,
) -> list[ReviewItem]:
    """The questions due at ``now``, most urgent first: the lowest box (the weakest) first,
    then the longest overdue, then by key. ``installed`` (when given) leaves out questions
    that are no longer installed; ``changed`` marks questions whose prompt changed."""
    items = [
        ReviewItem(item, max(0.0, now - item.due_at), item.key in changed)
        for item in scheduled.values()
        if item.is_due(now) and (installed is None or item.key in installed)
    ]
    items.sort(key=lambda entry: (entry.schedule.box, entry.schedule.due_at, entry.key))
    return items


def due_keys(
    events: Iterable[ReviewEvent],
    now: float,
    installed: Collection[QuestionKey] | None = None,
) -> list[QuestionKey]:
    """The keys of the questions due at ``now``, most urgent first (for drawing)."""
    return [item.key for item in due_reviews(schedules(events), now, installed=installed)]


def has_questions_stage(persona: Persona) -> bool:
    """Whether a persona's plan asks questions at all (a review session needs one)."""
    return any(stage.stage == "questions" for stage in persona.plan)


def review_draw(library: Library, persona: Persona, keys: Sequence[QuestionKey]) -> Draw:
    """The draw of a review session: the questions ``keys`` names, in that order, all asked
    in the persona's first questions stage (whatever its filters); its other questions
    stages ask nothing. Keys not installed, or repeated, are left out and said so."""
    refs: dict[QuestionKey, QuestionRef] = {ref.key: ref for ref in library.questions()}
    chosen: list[QuestionRef] = []
    missing = 0
    for key in dict.fromkeys(keys):
        ref = refs.get(key)
        if ref is None:
            missing += 1
        else:
            chosen.append(ref)
    notes: list[str] = []
    if missing:
        notes.append(f"{missing} question(s) to review are no longer installed and are left out")
    stages: dict[int, StageDraw] = {}
    first = True
    for index, stage in enumerate(persona.plan):
        if stage.stage != "questions":
            continue
        if first:
            stages[index] = StageDraw(len(chosen), len(chosen), tuple(chosen))
            first = False
            if not chosen:
                notes.append(f"{stage_label(index, stage)} has no question to ask")
        else:
            stages[index] = StageDraw(0, 0, ())
    if first:
        notes.append(f"persona {persona.id} asks no questions, so it cannot run a review")
    return Draw(stages, tuple(notes))
