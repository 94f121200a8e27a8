"""A session's scores: per rubric criterion and per tag, from the self-scores given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypedDict

from simulator.engine.snapshot import AnswerSnapshot


@dataclass(frozen=True, kw_only=True)
class MeanScore:
    """A mean of self-scores, and how many went into it."""

    mean: float
    """The mean, 1 to 5."""
    count: int
    """How many scores (or scored answers) it is the mean of."""


@dataclass(frozen=True)
class CriterionScore(MeanScore):
    """The mean score one criterion of one rubric got over the session's answers."""

    rubric_id: str
    """The rubric."""
    criterion_id: str
    """The criterion."""
    label: str
    """Its label (the criterion id when the rubric is not known)."""


@dataclass(frozen=True)
class TagScore(MeanScore):
    """The mean score of the answers to questions with one tag (the mean of their means)."""

    tag: str
    """The tag."""


@dataclass(frozen=True)
class SessionScores:
    """Scores over a whole session."""

    overall: float | None
    """The mean of every scored answer's mean; None when nothing is scored."""
    by_criterion: tuple[CriterionScore, ...]
    """Per (rubric, criterion), in the order first scored."""
    by_tag: tuple[TagScore, ...]
    """Per tag, lowest mean first (what to work on), then by name."""
    scored: int
    """Answers with at least one score."""
    scorable: int
    """Answers that could be scored (not skipped, not the candidate's own questions)."""


def is_scorable(answer: AnswerSnapshot) -> bool:
    """Whether an answer is self-scored: not skipped, and not one of the candidate's questions."""
    return not answer["skipped"] and answer["source"] != "your-question"


def answer_mean(answer: AnswerSnapshot) -> float | None:
    """The mean of an answer's criterion scores, or None when it has none."""
    scores = answer["scores"]
    if not scores:
        return None
    return sum(scores.values()) / len(scores)


def session_scores(
    answers: Sequence[AnswerSnapshot],
    labels: Mapping[tuple[str, str], str] | None = None,
) -> SessionScores:
    """Scores per criterion and per tag over ``answers``.

    ``labels`` maps (rubric id, criterion id) to a label for display.
    """
    labels = labels or {}
    criterion_totals: dict[tuple[str, str], list[int]] = {}
    tag_means: dict[str, list[float]] = {}
    means: list[float] = []
    scorable = 0
    for answer in answers:
        if not is_scorable(answer):
            continue
        scorable += 1
        mean = answer_mean(answer)
        if mean is None:
            continue
        means.append(mean)
        for criterion_id, value in answer["scores"].items():
            criterion_totals.setdefault((answer["rubric_id"], criterion_id), []).append(value)
        for tag in dict.fromkeys(answer["tags"]):
            tag_means.setdefault(tag, []).append(mean)
    by_criterion = tuple(
        CriterionScore(
            rubric_id,
            criterion_id,
            labels.get((rubric_id, criterion_id), criterion_id),
            **_mean_of(values),
        )
        for (rubric_id, criterion_id), values in criterion_totals.items()
    )
    by_tag = tuple(
        sorted(
            (TagScore(tag, **_mean_of(values)) for tag, values in tag_means.items()),
            key=lambda score: (score.mean, score.tag),
        )
    )
    overall = round(sum(means) / len(means), 3) if means else None
    return SessionScores(overall, by_criterion, by_tag, len(means), scorable)


class _Mean(TypedDict):
    mean: float
    count: int


def _mean_of(values: Sequence[float]) -> _Mean:
    """The :class:`MeanScore` fields of ``values`` (not empty), the mean to 3 places."""
    return {"mean": round(sum(values) / len(values), 3), "count": len(values)}
