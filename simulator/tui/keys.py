"""Every key the app answers to, as data: the help screen shows it and tests check it.

The same action has the same key everywhere. Each entry is a ``KeyHelp(key, where, what)``
tuple; ``key`` is written the way the help screen and the README show it.
"""

from __future__ import annotations

from typing import NamedTuple


class KeyHelp(NamedTuple):
    """One key, where it works, and what it does."""

    key: str
    """The key as shown to the user, such as ``ctrl+s`` or ``1-5``."""
    where: str
    """The screen it works on (one of :data:`PLACES`)."""
    what: str
    """What it does, in plain words."""


EVERYWHERE = "Everywhere"
"""Keys that work on every screen."""
HOME = "Home"
"""The home screen."""
SESSION = "Session screens"
"""Every screen of a practice session, from prep to summary."""
INTERVIEW = "Interview"
"""The interview screen, while answering."""
SELF_SCORE = "Self-score"
"""Scoring the answers after the interview."""
REFLECTION = "Reflection"
"""The reflection log after scoring."""
FOLLOW_UP = "Follow-up plan"
"""Thank-you notes and the follow-up plan."""
SUMMARY = "Summary"
"""The session at a glance, before finishing it."""
HISTORY = "History"
"""The list of past sessions."""
SESSION_VIEW = "Past session"
"""One past session, read-only."""
PACK_BROWSER = "Pack browser"
"""The installed packs, their questions and problems."""
PROGRESS = "Progress"
"""Self-score trends, the streak, and questions due for review."""
STUDY_LIST = "Study list"
"""Topics to learn, from reflections."""
REAL_INTERVIEWS = "Real interviews"
"""The log of real interviews, and one log being written."""
FOLLOW_UPS = "Follow-ups"
"""Due reminders from practice sessions and real interviews."""
HELP = "Help"
"""This table, on screen."""

PLACES: tuple[str, ...] = (
    EVERYWHERE,
    HOME,
    SESSION,
    INTERVIEW,
    SELF_SCORE,
    REFLECTION,
    FOLLOW_UP,
    SUMMARY,
    HISTORY,
    SESSION_VIEW,
    PACK_BROWSER,
    PROGRESS,
    STUDY_LIST,
    REAL_INTERVIEWS,
    FOLLOW_UPS,
    HELP,
)
"""The places keys are grouped by, in the order the help screen shows them."""


def _at(where: str, *keys: tuple[str, str]) -> tuple[KeyHelp, ...]:
    """The (key, what it does) pairs of one place as table entries."""
    return tuple(KeyHelp(key, where, what) for key, what in keys)


KEYS: tuple[KeyHelp, ...] = (
    *_at(
        EVERYWHERE,
        ("ctrl+q", "Quit (everything is saved first)"),
        ("escape", "Back, or close this screen"),
        ("f1", "Help: show the keys"),
        ("?", "Help: show the keys (on screens without a text box)"),
        ("ctrl+p", "Command palette: start, resume, history, theme…"),
        ("tab", "Move to the next part of the screen"),
    ),
    *_at(
        HOME,
        ("enter", "Start a session with the highlighted interviewer"),
        ("n", "Quick practice: one question per stage"),
        ("t", "Jump to the next track's interviewers"),
        ("r", "Resume the unfinished session"),
        ("h", "History of past sessions"),
        ("b", "Browse the installed packs"),
        ("e", "Packs that could not be loaded (the pack browser's Problems tab)"),
    ),
    *_at(
        SESSION,
        ("ctrl+s", "Continue, or submit what you wrote (on the prep screen: start the interview)"),
        ("escape", "Leave the session, saved to resume (after self-scoring: back one step)"),
    ),
    *_at(
        INTERVIEW,
        ("ctrl+s", "Submit the answer; between questions: continue"),
        ("ctrl+r", "Ask for clarification"),
        ("ctrl+t", "Show a hint (recorded)"),
        ("ctrl+n", "Skip the question"),
        ("delete", "Remove the highlighted question of yours"),
        ("f2", "Speak your answer: start recording, then stop (the transcript fills the box)"),
    ),
    *_at(
        SELF_SCORE,
        ("ctrl+s", "Continue to the next answer; after the last, on to the reflection"),
        ("1-5", "Score the highlighted criterion"),
        ("up/down", "Previous or next criterion"),
        ("pageup/pagedown", "Previous or next answer"),
        ("home/end", "First or last criterion"),
        ("0/backspace", "Clear the criterion's score"),
        ("space", "Tick the highlighted checklist item (on a criterion: go to the checklist)"),
        ("p", "Play the answer's recording, or stop it"),
    ),
    *_at(
        REFLECTION,
        ("escape", "Back to self-scoring"),
        ("delete/backspace", "Remove the highlighted topic"),
    ),
    *_at(
        FOLLOW_UP,
        ("d", "Mark the highlighted follow-up done, or not done"),
        ("a", "Add a check-in"),
        ("c", "Close the process: nothing more comes due"),
        ("escape", "Back to the reflection"),
    ),
    *_at(
        SUMMARY,
        ("ctrl+s", "Finish the session"),
        ("x", "Export it to Markdown"),
        ("escape", "Back to the follow-up plan"),
    ),
    *_at(
        HISTORY,
        ("enter", "Open the highlighted session, read-only"),
        ("r", "Resume the highlighted session, if unfinished"),
        ("x", "Export it to Markdown in the current folder"),
        ("delete", "Delete it (asks first)"),
    ),
    *_at(
        SESSION_VIEW,
        ("up/down", "Scroll"),
        ("pageup/pagedown", "Scroll a page"),
        ("p", "Play the topmost recorded answer in view, or stop it"),
    ),
    *_at(
        PACK_BROWSER,
        ("enter", "Open the pack's questions, or the question's details"),
        ("p", "Packs tab"),
        ("e", "Problems tab"),
    ),
    *_at(
        HOME,
        ("g", "Progress: trends, streak, weakest areas"),
        ("v", "Questions due for spaced review"),
        ("l", "Log a real interview, or read the log"),
        ("f", "Follow-ups due: done, snooze, close"),
        ("s", "Study list"),
    ),
    *_at(
        PROGRESS,
        ("c", "Trends per rubric criterion"),
        ("t", "Trends per topic (tag)"),
        ("d", "Questions due for review"),
        ("v", "Review the due questions with an interviewer you pick"),
    ),
    *_at(
        STUDY_LIST,
        ("space", "Tick the highlighted topic off, or on again"),
        ("e", "Edit the topic (enter too)"),
        ("a", "Add a topic of your own"),
        ("delete", "Delete the topic (asks first)"),
        ("h", "Hide or show the topics done (ticked off)"),
    ),
    *_at(
        REAL_INTERVIEWS,
        ("n", "Log a new real interview"),
        ("enter", "Open the highlighted log"),
        ("p", "Practise this again: its questions as a pack"),
        ("delete", "Delete the log (asks first)"),
        ("ctrl+s", "In a log: save it"),
        ("ctrl+o", "In a log: save it and make its practice pack"),
    ),
    *_at(
        FOLLOW_UPS,
        ("d", "Mark the highlighted follow-up done"),
        ("s", "Snooze it for a day"),
        ("w", "Snooze it for a week"),
        ("c", "Close the process: nothing more comes due"),
        ("a", "Show the upcoming follow-ups too (not due yet), or hide them"),
        ("p", "Show practice sessions' follow-ups too (drills), or hide them"),
    ),
    *_at(
        HELP,
        ("escape", "Close (f1 and ? too)"),
    ),
)
"""The key table, grouped by :data:`PLACES`."""


def keys_for(where: str) -> list[KeyHelp]:
    """The keys of one place, in table order."""
    return [entry for entry in KEYS if entry.where == where]
