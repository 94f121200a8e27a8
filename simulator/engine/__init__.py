"""The interview engine: sessions, drawing, timing, scoring, insights, follow-up plans.

No Textual and no SQL here: the TUI shows this state and the journal stores it.
"""

from simulator.engine.answers import prompt_hash
from simulator.engine.clock import Clock, FakeClock, SystemClock
from simulator.engine.dialogue import PREP_CHECKLIST
from simulator.engine.drawing import (
    Draw,
    StageDraw,
    draw_questions,
    question_weight,
    weighted_sample,
)
from simulator.engine.followup import (
    THANK_YOU_CHECKLIST,
    ChecklistItem,
    close_process,
    due_reminders,
    extend_check_ins,
    follow_up_plan,
    mark_done,
    open_reminders,
    thank_you_recipients,
)
from simulator.engine.history import NoHistory, QuestionHistory, QuestionKey, QuestionStats
from simulator.engine.insights import (
    Fillers,
    Insights,
    Keywords,
    Length,
    Numbers,
    Pronouns,
    Star,
    TalkingPoint,
    TimeUse,
    analyse,
)
from simulator.engine.scoring import (
    CriterionScore,
    SessionScores,
    TagScore,
    answer_mean,
    is_scorable,
    session_scores,
)
from simulator.engine.session import POST_PHASES, Session, SessionError
from simulator.engine.snapshot import (
    SNAPSHOT_VERSION,
    AnswerSnapshot,
    AnswerSource,
    Phase,
    ReflectionSnapshot,
    ReminderKind,
    ReminderSnapshot,
    SessionSnapshot,
)
from simulator.engine.timing import TimeState, answer_time_limit, time_state
from simulator.engine.views import QuestionView, ScoreItem, SessionSummary, Step

__all__ = [
    "POST_PHASES",
    "PREP_CHECKLIST",
    "SNAPSHOT_VERSION",
    "THANK_YOU_CHECKLIST",
    "AnswerSnapshot",
    "AnswerSource",
    "ChecklistItem",
    "Clock",
    "CriterionScore",
    "Draw",
    "FakeClock",
    "Fillers",
    "Insights",
    "Keywords",
    "Length",
    "NoHistory",
    "Numbers",
    "Phase",
    "Pronouns",
    "QuestionHistory",
    "QuestionKey",
    "QuestionStats",
    "QuestionView",
    "ReflectionSnapshot",
    "ReminderKind",
    "ReminderSnapshot",
    "ScoreItem",
    "Session",
    "SessionError",
    "SessionScores",
    "SessionSnapshot",
    "SessionSummary",
    "StageDraw",
    "Star",
    "Step",
    "SystemClock",
    "TagScore",
    "TalkingPoint",
    "TimeState",
    "TimeUse",
    "analyse",
    "answer_mean",
    "answer_time_limit",
    "close_process",
    "draw_questions",
    "due_reminders",
    "extend_check_ins",
    "follow_up_plan",
    "is_scorable",
    "mark_done",
    "open_reminders",
    "prompt_hash",
    "question_weight",
    "session_scores",
    "thank_you_recipients",
    "time_state",
    "weighted_sample",
]
