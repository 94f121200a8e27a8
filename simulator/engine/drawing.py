"""Which questions a session asks: stage filters, seeded randomness and spaced repetition.

Each ``questions`` stage of a persona's plan draws its ``count`` questions from the installed
questions that pass the stage's filters (:func:`simulator.packs.library.stage_matches`),
optionally only from some packs (the ``--pack`` option), never repeating a question within
the session. The draw is weighted by the user's history (see :func:`question_weight`) and is
deterministic: the same persona, seed, installed packs and history give the same questions.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from simulator.engine.history import QuestionHistory, QuestionKey, QuestionStats
from simulator.packs.library import Library, QuestionRef, stage_label
from simulator.packs.records import Persona

T = TypeVar("T")

UNSEEN_WEIGHT = 3.0
"""The weight of a question the user has never been asked."""

UNSCORED_WEIGHT = 3.0
"""The weight of a question asked before but never scored (skipped or not self-scored)."""


def question_weight(stats: QuestionStats | None) -> float:
    """How strongly a question is preferred when drawing, from the user's record with it.

    - Never asked: ``UNSEEN_WEIGHT`` (3).
    - Asked but never scored: ``UNSCORED_WEIGHT`` (3): nothing says it went well.
    - Scored: ``1 + (5 - mean_score)``, so a mean of 5 weighs 1, a mean of 3 weighs 3 (like
      an unseen question) and a mean of 1 weighs 5. Weak questions come back more often;
      strong ones still come back now and then.
    """
    if stats is None or stats.times_seen <= 0:
        return UNSEEN_WEIGHT
    if stats.mean_score is None:
        return UNSCORED_WEIGHT
    mean = min(5.0, max(1.0, stats.mean_score))
    return 1.0 + (5.0 - mean)


def weighted_sample(
    items: Sequence[T], weights: Sequence[float], count: int, rng: random.Random
) -> list[T]:
    """Up to ``count`` items without replacement, each drawn with odds given by its weight.

    Uses Efraimidis and Spirakis' method (each item gets the key ``u ** (1 / weight)`` for a
    uniform ``u``; the largest keys win), so one pass over the items in their given order,
    using ``rng`` once per item, and the result is deterministic for a seeded ``rng``.
    Items with a weight of 0 or less are never drawn. The result is in draw order.
    """
    if len(items) != len(weights):
        raise ValueError("items and weights must have the same length")
    keyed: list[tuple[float, int]] = []
    for index, weight in enumerate(weights):
        u = rng.random()
        if weight <= 0 or not math.isfinite(weight):
            continue
        # log(u) / w orders the same as u ** (1 / w) and does not underflow.
        key = math.log(u) / weight if u > 0 else -math.inf
        keyed.append((key, index))
    keyed.sort(key=lambda pair: (-pair[0], pair[1]))
    return [items[index] for _, index in keyed[: max(0, count)]]


@dataclass(frozen=True)
class StageDraw:
    """The questions drawn for one questions stage (its position in the plan is its key in
    :attr:`Draw.stages`)."""

    wanted: int
    """How many questions the stage asks for (after ``--questions``)."""
    available: int
    """How many installed questions it could draw from."""
    questions: tuple[QuestionRef, ...]
    """The questions drawn, in the order they are asked."""

    @property
    def short(self) -> bool:
        """Whether fewer questions were drawn than wanted."""
        return len(self.questions) < self.wanted


@dataclass(frozen=True)
class Draw:
    """The questions of a whole session, per questions stage, and what fell short."""

    stages: dict[int, StageDraw] = field(default_factory=dict)
    """Per questions-stage index, what it drew."""
    notes: tuple[str, ...] = ()
    """Plain sentences on stages that ask fewer questions than planned."""

    def keys(self) -> dict[int, list[QuestionKey]]:
        """Per stage index, the drawn questions as (pack id, question id)."""
        return {index: [ref.key for ref in draw.questions] for index, draw in self.stages.items()}

    @property
    def total(self) -> int:
        """How many questions were drawn in all."""
        return sum(len(draw.questions) for draw in self.stages.values())


def stage_rng(seed: int, stage_index: int) -> random.Random:
    """The random source of one stage's draw, independent of every other random choice."""
    return random.Random(f"{seed}:draw:{stage_index}")  # noqa: S311 (not for security)


def draw_questions(
    library: Library,
    persona: Persona,
    *,
    seed: int,
    history: QuestionHistory,
    pack_ids: Collection[str] | None = None,
    question_count: int | None = None,
    due: Sequence[QuestionKey] = (),
) -> Draw:
    """Draw every questions stage of ``persona``'s plan, in plan order.

    ``pack_ids`` (when not empty) keeps only questions from those packs. ``question_count``
    replaces every questions stage's ``count``. Candidates are put in (pack id, question id)
    order first, so the file order of the installed packs does not change the draw.

    ``due`` lists the questions due for spaced review, most urgent first (see
    :func:`simulator.engine.review.due_keys`): each stage asks the due ones that pass its
    filters first, up to half its count rounded up (so new questions still come up), then
    draws the rest by weight. With nothing due, the draw is exactly what it was without.
    """
    stats: Mapping[QuestionKey, QuestionStats] = history.question_stats()
    wanted_packs = set(pack_ids) if pack_ids else None
    urgency = {key: rank for rank, key in enumerate(dict.fromkeys(due))}
    used: set[QuestionKey] = set()
    stages: dict[int, StageDraw] = {}
    notes: list[str] = []
    for index, stage in enumerate(persona.plan):
        if stage.stage != "questions":
            continue
        wanted = question_count if question_count is not None else stage.count
        candidates = sorted(
            (
                ref
                for ref in library.matching(stage)
                if ref.key not in used and (wanted_packs is None or ref.pack.id in wanted_packs)
            ),
            key=lambda ref: ref.key,
        )
        first = sorted(
            (ref for ref in candidates if ref.key in urgency), key=lambda ref: urgency[ref.key]
        )[: math.ceil(wanted / 2)]
        taken = {ref.key for ref in first}
        rest = [ref for ref in candidates if ref.key not in taken]
        weights = [question_weight(stats.get(ref.key)) for ref in rest]
        chosen = first + weighted_sample(
            rest, weights, wanted - len(first), stage_rng(seed, index)
        )
        used.update(ref.key for ref in chosen)
        stages[index] = StageDraw(wanted, len(candidates), tuple(chosen))
        label = stage_label(index, stage)
        if not chosen:
            notes.append(f"{label} has no question to ask and is left out")
        elif len(chosen) < wanted:
            notes.append(f"{label} asks {len(chosen)} question(s) instead of {wanted}")
    return Draw(stages, tuple(notes))
