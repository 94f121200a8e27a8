"""Progress over time: self-score trends per rubric criterion and per tag, the practice
streak, totals, and the weakest areas named in words.

Pure functions over plain records: the journal supplies :class:`ScoredAnswer` rows and
session summaries, the progress screen draws the :class:`Progress` this returns.

- A trend has one point per session: the mean of the scores that criterion (or the answers
  with that tag) got in that session, oldest first.
- ``recent`` is the mean of the last :data:`RECENT_WINDOW` points; ``change`` compares them
  with the same number of points before (with fewer than ``2 * RECENT_WINDOW`` points, the
  later half with the earlier half). A change smaller than :data:`STEADY` is "steady".
- The weakest areas are the trends with at least :data:`MIN_SCORES` scores and the lowest
  ``recent`` mean.
- The streak counts consecutive days (in the user's time zone) with at least one answer in
  a session, up to today, or up to yesterday while today has none yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal, Protocol

from simulator.common.names import counted

RECENT_WINDOW = 5
"""How many of the latest sessions ``recent`` is the mean of."""

STEADY = 0.25
"""A change in mean score smaller than this is shown as steady."""

MIN_SCORES = 3
"""How many scores a criterion or tag needs before it can be named among the weakest."""

WEAKEST_COUNT = 2
"""How many criteria, and how many tags, are named among the weakest."""

WEEK = 7 * 86_400.0
"""Seconds in a week."""

TrendKind = Literal["criterion", "tag"]
"""What a trend follows."""

Direction = Literal["up", "down", "steady", ""]
"""Which way a trend is going ("" when there is too little to tell)."""

ARROWS: dict[Direction, str] = {"up": "↑", "down": "↓", "steady": "→", "": " "}
"""An arrow for each direction."""

DIRECTION_WORDS: dict[Direction, str] = {
    "up": "rising",
    "down": "falling",
    "steady": "steady",
    "": "too early to tell",
}
"""Each direction in words."""


@dataclass(frozen=True)
class ScoredAnswer:
    """One self-scored answer, as the progress view needs it."""

    session_id: str
    """The session it was given in."""
    at: float
    """When that session started (seconds since the epoch)."""
    pack_id: str
    """Its question's pack ("" for probes and pitches)."""
    question_id: str
    """Its question ("" for probes and pitches)."""
    rubric_id: str
    """The rubric it was scored with."""
    tags: tuple[str, ...]
    """Its question's tags."""
    scores: Mapping[str, int] = field(default_factory=dict)
    """Criterion id to score, 1 to 5."""

    @property
    def mean(self) -> float | None:
        """The mean of its scores (None when it has none)."""
        values = list(self.scores.values())
        return sum(values) / len(values) if values else None


class PracticeRecord(Protocol):
    """What the progress view needs of a session (the journal's session summary fits)."""

    @property
    def created_at(self) -> float:
        """When the session started."""
        ...

    @property
    def phase(self) -> str:
        """Where it is ("done" when finished)."""
        ...

    @property
    def answer_count(self) -> int:
        """Answers recorded in it."""
        ...


@dataclass(frozen=True)
class Trend:
    """One criterion's or one tag's self-score over time."""

    kind: TrendKind
    """A rubric criterion or a tag."""
    key: str
    """``rubric/criterion`` or the tag."""
    label: str
    """How it is named on screen."""
    points: tuple[float, ...]
    """One mean per session that scored it, oldest first."""
    count: int
    """How many scores (criterion) or scored answers (tag) it has in all."""
    mean: float
    """The mean over everything."""
    recent: float
    """The mean of the last :data:`RECENT_WINDOW` points."""
    change: float | None
    """``recent`` minus the mean of the points before them; None with one point."""

    @property
    def direction(self) -> Direction:
        """Up, down or steady ("" when there is nothing to compare with)."""
        if self.change is None:
            return ""
        if self.change >= STEADY:
            return "up"
        if self.change <= -STEADY:
            return "down"
        return "steady"

    @property
    def arrow(self) -> str:
        """↑, ↓, → or a space."""
        return ARROWS[self.direction]


@dataclass(frozen=True)
class Streak:
    """Days in a row with practice."""

    current: int
    """The run ending today (or yesterday, while today has no practice yet)."""
    longest: int
    """The longest run ever."""
    today: bool
    """Whether there was practice today."""


@dataclass(frozen=True)
class Totals:
    """Counts over the whole journal."""

    sessions: int
    """Sessions started with at least one answer."""
    finished: int
    """Of those, how many were finished."""
    answers: int
    """Answers recorded (skips included)."""
    scored: int
    """Answers self-scored."""
    questions: int
    """Different questions answered."""
    days: int
    """Different days with practice."""
    this_week: int
    """Sessions in the last seven days."""
    real_interviews: int
    """Real interviews logged."""


@dataclass(frozen=True)
class Progress:
    """Everything the progress screen shows."""

    criteria: tuple[Trend, ...]
    """Per rubric criterion, weakest recent mean first."""
    tags: tuple[Trend, ...]
    """Per tag, weakest recent mean first."""
    streak: Streak
    """Days in a row."""
    totals: Totals
    """Counts."""
    weakest_criteria: tuple[Trend, ...]
    """The weakest criteria (at most :data:`WEAKEST_COUNT`)."""
    weakest_tags: tuple[Trend, ...]
    """The weakest tags (at most :data:`WEAKEST_COUNT`)."""

    @property
    def empty(self) -> bool:
        """Whether nothing has been scored yet."""
        return not self.criteria


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def trend(kind: TrendKind, key: str, label: str, per_session: Sequence[Sequence[float]]) -> Trend:
    """A trend from each session's values (oldest session first; none may be empty)."""
    points = tuple(round(_mean(values), 3) for values in per_session)
    everything = [value for values in per_session for value in values]
    window = min(RECENT_WINDOW, len(points))
    recent = _mean(points[-window:])
    before = min(RECENT_WINDOW, len(points) // 2)
    change: float | None = None
    if before:
        later = points[-before:]
        earlier = points[-2 * before : -before]
        change = round(_mean(later) - _mean(earlier), 3)
    return Trend(
        kind=kind,
        key=key,
        label=label,
        points=points,
        count=len(everything),
        mean=round(_mean(everything), 3),
        recent=round(recent, 3),
        change=change,
    )


def _humanize(identifier: str) -> str:
    return identifier.replace("-", " ").capitalize() if identifier else "(none)"


class NamedRubric(Protocol):
    """What :func:`rubric_names` needs of a rubric (packs' records and built-ins alike)."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def criteria(self) -> Sequence[NamedCriterion]: ...


class NamedCriterion(Protocol):
    """What :func:`rubric_names` needs of a rubric's criterion."""

    @property
    def id(self) -> str: ...

    @property
    def label(self) -> str: ...


def rubric_names(
    rubrics: Iterable[NamedRubric],
) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """Criterion labels and rubric titles, first definition of an id winning.

    Two rubrics with different ids but the same title (a pack's own "Technical explanation"
    beside the built-in one) would make progress rows that cannot be told apart, so every
    rubric after the first with a title gets its id added: "Technical explanation, technical".
    """
    labels: dict[tuple[str, str], str] = {}
    titles: dict[str, str] = {}
    taken: set[str] = set()
    for rubric in rubrics:
        if rubric.id in titles:
            continue
        title = " ".join(rubric.title.split()) or _humanize(rubric.id)
        if title.casefold() in taken:
            title = f"{title}, {rubric.id}"
        taken.add(title.casefold())
        titles[rubric.id] = title
        for criterion in rubric.criteria:
            labels.setdefault((rubric.id, criterion.id), criterion.label)
    return labels, titles


def criterion_label(
    rubric_id: str,
    criterion_id: str,
    labels: Mapping[tuple[str, str], str],
    rubric_titles: Mapping[str, str],
) -> str:
    """The criterion's label and its rubric's title, such as "Result (STAR story)"."""
    label = labels.get((rubric_id, criterion_id)) or _humanize(criterion_id)
    title = rubric_titles.get(rubric_id) or _humanize(rubric_id)
    return f"{label} ({title})"


def _ordered_sessions(answers: Iterable[ScoredAnswer]) -> list[ScoredAnswer]:
    return sorted(answers, key=lambda answer: (answer.at, answer.session_id))


def criterion_trends(
    answers: Iterable[ScoredAnswer],
    labels: Mapping[tuple[str, str], str] | None = None,
    rubric_titles: Mapping[str, str] | None = None,
) -> list[Trend]:
    """One trend per (rubric, criterion), weakest recent mean first."""
    per: dict[tuple[str, str], dict[str, list[float]]] = {}
    for answer in _ordered_sessions(answers):
        for criterion, score in answer.scores.items():
            sessions = per.setdefault((answer.rubric_id, criterion), {})
            sessions.setdefault(answer.session_id, []).append(float(score))
    trends = [
        trend(
            "criterion",
            f"{rubric_id}/{criterion_id}",
            criterion_label(rubric_id, criterion_id, labels or {}, rubric_titles or {}),
            list(sessions.values()),
        )
        for (rubric_id, criterion_id), sessions in per.items()
    ]
    return sorted(trends, key=lambda item: (item.recent, item.label))


def tag_trends(answers: Iterable[ScoredAnswer]) -> list[Trend]:
    """One trend per tag (each answer counts with its mean score), weakest first."""
    per: dict[str, dict[str, list[float]]] = {}
    for answer in _ordered_sessions(answers):
        mean = answer.mean
        if mean is None:
            continue
        for tag in dict.fromkeys(answer.tags):
            per.setdefault(tag, {}).setdefault(answer.session_id, []).append(mean)
    trends = [trend("tag", tag, tag, list(sessions.values())) for tag, sessions in per.items()]
    return sorted(trends, key=lambda item: (item.recent, item.label))


def local_day(moment: float, tz: tzinfo | None = None) -> date:
    """The calendar day of a moment in ``tz`` (the user's time zone when None)."""
    when = datetime.fromtimestamp(moment, tz)
    return (when if tz is not None else when.astimezone()).date()


def streak(days: Iterable[date], today: date) -> Streak:
    """The current and longest runs of consecutive days in ``days``."""
    unique = sorted(set(days))
    longest = run = 0
    previous: date | None = None
    for day in unique:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    present = set(unique)
    start = today if today in present else today - timedelta(days=1)
    current = 0
    while start - timedelta(days=current) in present:
        current += 1
    return Streak(current=current, longest=longest, today=today in present)


def totals(
    answers: Sequence[ScoredAnswer],
    sessions: Sequence[PracticeRecord],
    now: float,
    tz: tzinfo | None = None,
    real_interviews: int = 0,
) -> Totals:
    """Counts over the sessions that have at least one answer."""
    practised = [session for session in sessions if session.answer_count > 0]
    return Totals(
        sessions=len(practised),
        finished=sum(1 for session in practised if session.phase == "done"),
        answers=sum(session.answer_count for session in practised),
        scored=sum(1 for answer in answers if answer.scores),
        questions=len(
            {(a.pack_id, a.question_id) for a in answers if a.pack_id and a.question_id}
        ),
        days=len({local_day(session.created_at, tz) for session in practised}),
        this_week=sum(1 for session in practised if now - WEEK < session.created_at <= now),
        real_interviews=real_interviews,
    )


def weakest(trends: Iterable[Trend], count: int = WEAKEST_COUNT) -> tuple[Trend, ...]:
    """The trends with enough scores and the lowest recent mean."""
    eligible = [item for item in trends if item.count >= MIN_SCORES]
    eligible.sort(key=lambda item: (item.recent, item.mean, item.label))
    return tuple(eligible[:count])


def progress(
    answers: Sequence[ScoredAnswer],
    sessions: Sequence[PracticeRecord],
    *,
    now: float,
    tz: tzinfo | None = None,
    labels: Mapping[tuple[str, str], str] | None = None,
    rubric_titles: Mapping[str, str] | None = None,
    real_interviews: int = 0,
) -> Progress:
    """Everything the progress screen shows, from the scored answers and the sessions."""
    criteria = criterion_trends(answers, labels, rubric_titles)
    tags = tag_trends(answers)
    days = [local_day(session.created_at, tz) for session in sessions if session.answer_count > 0]
    return Progress(
        criteria=tuple(criteria),
        tags=tuple(tags),
        streak=streak(days, local_day(now, tz)),
        totals=totals(answers, sessions, now, tz, real_interviews),
        weakest_criteria=weakest(criteria),
        weakest_tags=weakest(tags),
    )


def _trend_words(item: Trend) -> str:
    words = f"{item.label} at {item.recent:.1f}"
    if item.direction:
        words += f", {DIRECTION_WORDS[item.direction]}"
    return words


def weakest_words(result: Progress) -> str:
    """The weakest areas in a sentence or two, for the screen and for screen readers."""
    if result.empty:
        return "Nothing is self-scored yet: score a few answers and your weakest areas show here."
    if not result.weakest_criteria and not result.weakest_tags:
        return f"Not enough scores yet to name weak spots: each area needs {MIN_SCORES} scores."
    sentences: list[str] = []
    if result.weakest_criteria:
        sentences.append(
            "Work on " + "; ".join(_trend_words(item) for item in result.weakest_criteria) + "."
        )
    if result.weakest_tags:
        sentences.append(
            "Weakest topics: "
            + "; ".join(_trend_words(item) for item in result.weakest_tags)
            + "."
        )
    return " ".join(sentences)


def streak_words(result: Progress) -> str:
    """The streak and totals in one line."""
    run = result.streak
    totals_ = result.totals
    days = counted(run.current, "day")
    words = f"Streak {days}"
    if run.longest > run.current:
        words += f" (best {run.longest})"
    if run.current and not run.today:
        words += ", practise today to keep it"
    words += f" · {counted(totals_.sessions, 'session')}"
    words += f" ({totals_.finished} finished)"
    words += f" · {totals_.answers} answers · {totals_.questions} questions"
    words += f" · {totals_.this_week} this week"
    if totals_.real_interviews:
        words += f" · {counted(totals_.real_interviews, 'real interview')}"
    return words
