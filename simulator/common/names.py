"""The one table of names the screens, the summary and the exports use for stages, phases,
kinds of answer and session counts, and the one way to put a number before a noun.

The same thing was called "Greeting" on one screen and "Introduction" on another, and
"Follow-ups" meant follow-up questions in one place and follow-up letters in the next. Every
word a user reads for these comes from here; screens only show it.
"""

from __future__ import annotations

STAGE_NAMES: dict[str, str] = {
    "prep": "Preparation",
    "intro": "Introduction",
    "pitch": "Elevator pitch",
    "questions": "Questions",
    "your-questions": "Your questions",
    "wrap-up": "Wrap-up",
    "self-score": "Self-score",
    "reflection": "Reflection",
    "follow-up": "Follow-up plan",
    "summary": "Summary",
    "done": "Done",
}
"""The title of a stage without one of its own, and of the phases after the stages."""

STOPPED_AT: dict[str, str] = {
    "stages": "the interview",
    "self-score": "self-scoring",
    "reflection": "the reflection",
    "follow-up": "the follow-up plan",
    "summary": "the summary",
    "done": "done",
}
"""Where an unfinished session stopped, as words that follow "stopped at"."""

SOURCE_NAMES: dict[str, str] = {
    "question": "Question",
    "follow-up": "Follow-up question",
    "probe": "Follow-up question",
    "pitch": "Elevator pitch",
    "your-question": "Your question",
}
"""What each kind of answer is called. A question's own follow-up and a persona's probe are
both follow-up questions to the candidate: the difference is the pack author's."""

FOLLOW_UP_QUESTIONS = "Follow-up questions"
"""Questions the interviewer asked about an answer (never the letters of the follow-up plan)."""

FOLLOW_UPS = "Follow-ups"
"""The follow-up plan's items: thank-you note, inquiry and check-ins (never questions)."""

COUNT_NAMES: dict[str, str] = {
    "questions": "Questions asked",
    "answered": "Answers given",
    "skipped": "Skipped",
    "follow_ups": FOLLOW_UP_QUESTIONS,
    "overtime_answers": "Over time",
    "time_used": "Time answering",
}
"""A session's counts, named so that they add up on screen: the answers given include
the answers to follow-up questions, so they may outnumber the questions asked."""

REMINDER_KINDS: dict[str, str] = {
    "thank-you": "Thank-you note",
    "inquiry": "Inquiry",
    "check-in": "Check-in",
}
"""What each kind of follow-up in the plan is called."""


def counted(count: int, noun: str) -> str:
    """``1 topic``, ``2 topics``, ``0 topics``: ``count`` and ``noun``, plural unless one."""
    return f"{count} {noun}{'s' if count != 1 else ''}"
