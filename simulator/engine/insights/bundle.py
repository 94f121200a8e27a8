"""Every insight on one answer together: :class:`Insights`, made by :func:`analyse`."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.engine.insights import budget, coverage, star_story, wording
from simulator.packs.library import QuestionRef


@dataclass(frozen=True)
class Insights:
    """Everything the engine noticed about one answer."""

    time: budget.TimeUse
    """Time used against the limit."""
    length: budget.Length
    """Word count against the time limit."""
    fillers: wording.Fillers
    """Filler and hedge words."""
    numbers: coverage.Numbers
    """Numbers and measured results."""
    top_words: tuple[tuple[str, int], ...]
    """The most-used content words."""
    pronouns: wording.Pronouns | None
    """I against we (behavioral answers only)."""
    star: star_story.Star | None
    """STAR parts (behavioral answers only)."""
    keywords: coverage.Keywords | None
    """The question's keywords used (None when the question has none or is not known)."""
    talking_points: tuple[coverage.TalkingPoint, ...]
    """The question's talking points and how covered they look."""

    def to_json(self) -> dict[str, object]:
        """A JSON-compatible dict (only str, int, float, bool, None, lists and dicts)."""
        return {
            "time": {
                "limit": self.time.limit,
                "used": self.time.used,
                "overtime": self.time.overtime,
            },
            "length": {
                "words": self.length.words,
                "budget": self.length.budget,
                "speaking_seconds": self.length.speaking_seconds,
                "verdict": self.length.verdict,
            },
            "fillers": {
                "fillers": dict(self.fillers.fillers),
                "hedges": dict(self.fillers.hedges),
                "filler_total": self.fillers.filler_total,
                "hedge_total": self.fillers.hedge_total,
                "per_100_words": self.fillers.per_100_words,
            },
            "numbers": {
                "digits": self.numbers.digits,
                "number_words": self.numbers.number_words,
                "percentages": self.numbers.percentages,
                "currency": self.numbers.currency,
                "changes": self.numbers.changes,
                "total": self.numbers.total,
                "examples": list(self.numbers.examples),
            },
            "top_words": [[word, count] for word, count in self.top_words],
            "pronouns": None
            if self.pronouns is None
            else {
                "i": self.pronouns.i_count,
                "we": self.pronouns.we_count,
                "i_share": self.pronouns.i_share,
            },
            "star": None
            if self.star is None
            else {
                "present": list(self.star.present),
                "missing": list(self.star.missing),
                "cues": {part: list(cues) for part, cues in self.star.found.items()},
            },
            "keywords": None
            if self.keywords is None
            else {"covered": list(self.keywords.covered), "missing": list(self.keywords.missing)},
            "talking_points": [
                {"point": point.point, "share": point.share, "covered": point.covered}
                for point in self.talking_points
            ],
        }


def analyse(
    answer_text: str,
    question: QuestionRef | None,
    kind: str,
    time_limit: int,
    time_used: float,
) -> Insights:
    """All insights for one answer.

    ``question`` supplies keywords and talking points (None for probes, pitches and questions
    that are no longer installed). ``kind`` decides whether the behavioral insights (I/we,
    STAR) apply.
    """
    behavioral = kind == "behavioral"
    wanted_keywords = list(question.question.keywords) if question is not None else []
    points = list(question.question.talking_points) if question is not None else []
    return Insights(
        time=budget.time_use(time_limit, time_used),
        length=budget.length(answer_text, time_limit),
        fillers=wording.fillers(answer_text),
        numbers=coverage.numbers(answer_text),
        top_words=coverage.top_words(answer_text),
        pronouns=wording.pronouns(answer_text) if behavioral else None,
        star=star_story.star(answer_text) if behavioral else None,
        keywords=coverage.keywords(answer_text, wanted_keywords) if wanted_keywords else None,
        talking_points=coverage.talking_points(answer_text, points),
    )
