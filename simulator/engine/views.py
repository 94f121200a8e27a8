"""Plain, frozen views of a session for the interface to render.

The session builds these on request; changing one changes nothing in the session.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.common.names import STAGE_NAMES
from simulator.engine.insights import Insights
from simulator.engine.scoring import SessionScores
from simulator.engine.snapshot import (
    AnswerSnapshot,
    AnswerSource,
    Phase,
    ReflectionSnapshot,
    ReminderSnapshot,
)
from simulator.packs.records import Rubric, Stage

STAGE_TITLES = STAGE_NAMES
"""The title shown for a stage without one of its own (see :mod:`simulator.common.names`)."""


def stage_title(stage: Stage) -> str:
    """What a stage is called on every screen: its own title, else the shared name."""
    return stage.title or STAGE_TITLES.get(stage.stage, stage.stage)


@dataclass(frozen=True)
class QuestionView:
    """The question being answered now, as far as the candidate may see it while answering.

    Talking points and the sample answer are not here: they come with the
    :class:`ScoreItem`, after answering.
    """

    answer_id: str
    """The answer being written."""
    source: AnswerSource
    """A drawn question, a follow-up, a probe or the pitch."""
    prompt: str
    """What the interviewer asks."""
    kind: str
    """The question's kind ("" when it has none)."""
    tags: tuple[str, ...]
    """Its tags."""
    difficulty: int | None
    """1 to 5 for a drawn question that is installed, else None."""
    time_limit: int
    """Seconds allowed."""
    started: bool
    """Whether the timer is running (or ran)."""
    text: str
    """What the candidate has written so far."""
    clarifications: int
    """How many times clarification was asked for."""
    hints_total: int
    """How many hints the question has."""
    hints_shown: tuple[str, ...]
    """The hints shown so far."""
    checklist: dict[str, bool]
    """For writing drills: the checklist and what is ticked."""
    parent_prompt: str
    """For a follow-up or probe: the question it follows ("" otherwise)."""
    installed: bool
    """False when the question's pack is gone (only its stored prompt is known)."""
    follow_up_depth: int = 0
    """For a follow-up or probe: which one in a row it is, from 1 (0 otherwise)."""
    thread: tuple[str, ...] = ()
    """For a follow-up or probe: what was asked before it in its chain, the question
    first and the prompt it follows last (empty otherwise)."""


@dataclass(frozen=True)
class Step:
    """Where the session is and what to show."""

    phase: Phase
    """Running the stages, or a step after them."""
    stage_index: int
    """The plan stage (meaningful while phase is "stages")."""
    stage_count: int
    """How many stages the plan has."""
    stage_kind: str
    """The stage's kind (prep, intro, pitch, questions, your-questions, wrap-up), or the
    phase's name after the stages."""
    stage_title: str
    """The stage's title, or a plain default."""
    speaker: str
    """Who is talking: the persona's name, or a panel member's."""
    speaker_role: str
    """Their role ("" when not known)."""
    line: str
    """What the interviewer says now: greeting, transition, closing... ("" for nothing)."""
    question: QuestionView | None
    """The question being answered, if any."""
    number: int
    """Which question of the stage this is, from 1 (0 when there is none)."""
    total: int
    """How many questions the stage asks."""
    progress: str
    """The above in words: "Question 2 of 5", "Follow-up to question 2 of 5" (the first
    follow-up), "Follow-up 2 to question 2 of 5" (the second in a row) or ""."""
    complete: bool
    """Nothing is waiting to be answered in this stage: advancing goes on."""
    last_stage: bool
    """Whether this is the plan's last stage (advancing ends the interview)."""


@dataclass(frozen=True)
class ScoreItem:
    """One answer to self-score, with everything the scoring screen shows."""

    position: int
    """Which of the answers to score this is, from 0."""
    total: int
    """How many answers there are to score."""
    answer: AnswerSnapshot
    """The answer (a copy)."""
    rubric: Rubric
    """The rubric to score it with."""
    insights: Insights
    """What the engine noticed in it."""
    talking_points: tuple[str, ...]
    """What a strong answer covers (empty for probes, pitches and missing questions)."""
    sample_answer: str
    """A strong answer, to show after scoring ("" when there is none)."""
    parent_prompt: str
    """For a follow-up or probe: the question it follows."""

    @property
    def complete(self) -> bool:
        """Whether every criterion of the rubric has a score."""
        return not self.unscored

    @property
    def unscored(self) -> tuple[str, ...]:
        """The names of the rubric's criteria not scored yet, in rubric order."""
        scores = self.answer["scores"]
        return tuple(c.label for c in self.rubric.criteria if c.id not in scores)


@dataclass(frozen=True)
class SessionSummary:
    """A session in numbers, for the summary screen."""

    session_id: str
    """The session."""
    persona_id: str
    """The persona."""
    persona_name: str
    """Its name."""
    created_at: float
    """When the session started."""
    finished_at: float | None
    """When the interview ended."""
    questions: int
    """Questions asked (drawn questions, not follow-ups)."""
    answered: int
    """Answers submitted (of any source)."""
    skipped: int
    """Answers skipped."""
    follow_ups: int
    """Follow-ups and probes asked."""
    overtime_answers: int
    """Answers that ran over their time limit."""
    time_used: float
    """Seconds spent answering, in all."""
    scores: SessionScores
    """Self-scores per criterion and per tag."""
    reflection: ReflectionSnapshot
    """The reflection log (a copy)."""
    candidate_questions: tuple[str, ...]
    """What the candidate asked at the end."""
    reminders: tuple[ReminderSnapshot, ...]
    """The follow-up plan (copies)."""
    candidate_replies: tuple[str, ...] = ()
    """The interviewer's reply to each of ``candidate_questions`` ("" for none)."""
