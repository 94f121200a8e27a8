"""The journal: SQLite storage for sessions, answers, scores, drafts, reminders and the
recordings of spoken answers.

No Textual here. Open it with :meth:`Journal.open`; every failure the user must see is a
:class:`JournalError` with a plain message.
"""

from simulator.journal.errors import JournalError
from simulator.journal.migrations import SCHEMA_VERSION
from simulator.journal.models import (
    ImportCounts,
    ImportReport,
    InterviewQuestion,
    RealInterview,
    Reminder,
    SessionSummary,
    StudyItem,
)
from simulator.journal.recordings import AnswerRecording, copy_recordings
from simulator.journal.store import Journal

__all__ = [
    "SCHEMA_VERSION",
    "AnswerRecording",
    "ImportCounts",
    "ImportReport",
    "InterviewQuestion",
    "Journal",
    "JournalError",
    "RealInterview",
    "Reminder",
    "SessionSummary",
    "StudyItem",
    "copy_recordings",
]
