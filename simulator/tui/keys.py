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

KEYS: tuple[KeyHelp, ...] = (
    KeyHelp("ctrl+q", EVERYWHERE, "Quit (everything is saved first)"),
    KeyHelp("escape", EVERYWHERE, "Back, or close this screen"),
    KeyHelp("f1", EVERYWHERE, "Help: show the keys"),
    KeyHelp("?", EVERYWHERE, "Help: show the keys (on screens without a text box)"),
    KeyHelp("ctrl+p", EVERYWHERE, "Command palette: start, resume, history, theme…"),
    KeyHelp("tab", EVERYWHERE, "Move to the next part of the screen"),
    KeyHelp("enter", HOME, "Start a session with the highlighted interviewer"),
    KeyHelp("n", HOME, "Quick practice: one question per stage"),
    KeyHelp("t", HOME, "Jump to the next track's interviewers"),
    KeyHelp("r", HOME, "Resume the unfinished session"),
    KeyHelp("h", HOME, "History of past sessions"),
    KeyHelp("b", HOME, "Browse the installed packs"),
    KeyHelp("e", HOME, "Packs that could not be loaded (the pack browser's Problems tab)"),
    KeyHelp(
        "ctrl+s",
        SESSION,
        "Continue, or submit what you wrote (on the prep screen: start the interview)",
    ),
    KeyHelp(
        "escape",
        SESSION,
        "Leave the session, saved to resume (after self-scoring: back one step)",
    ),
    KeyHelp("ctrl+s", INTERVIEW, "Submit the answer; between questions: continue"),
    KeyHelp("ctrl+r", INTERVIEW, "Ask for clarification"),
    KeyHelp("ctrl+t", INTERVIEW, "Show a hint (recorded)"),
    KeyHelp("ctrl+n", INTERVIEW, "Skip the question"),
    KeyHelp("delete", INTERVIEW, "Remove the highlighted question of yours"),
    KeyHelp(
        "ctrl+s", SELF_SCORE, "Continue to the next answer; after the last, on to the reflection"
    ),
    KeyHelp("1-5", SELF_SCORE, "Score the highlighted criterion"),
    KeyHelp("up/down", SELF_SCORE, "Previous or next criterion"),
    KeyHelp("pageup/pagedown", SELF_SCORE, "Previous or next answer"),
    KeyHelp("home/end", SELF_SCORE, "First or last criterion"),
    KeyHelp("0/backspace", SELF_SCORE, "Clear the criterion's score"),
    KeyHelp(
        "space",
        SELF_SCORE,
        "Tick the highlighted checklist item (on a criterion: go to the checklist)",
    ),
    KeyHelp("escape", REFLECTION, "Back to self-scoring"),
    KeyHelp("delete/backspace", REFLECTION, "Remove the highlighted topic"),
    KeyHelp("d", FOLLOW_UP, "Mark the highlighted follow-up done, or not done"),
    KeyHelp("a", FOLLOW_UP, "Add a check-in"),
    KeyHelp("c", FOLLOW_UP, "Close the process: nothing more comes due"),
    KeyHelp("escape", FOLLOW_UP, "Back to the reflection"),
    KeyHelp("ctrl+s", SUMMARY, "Finish the session"),
    KeyHelp("x", SUMMARY, "Export it to Markdown"),
    KeyHelp("escape", SUMMARY, "Back to the follow-up plan"),
    KeyHelp("enter", HISTORY, "Open the highlighted session, read-only"),
    KeyHelp("r", HISTORY, "Resume the highlighted session, if unfinished"),
    KeyHelp("x", HISTORY, "Export it to Markdown in the current folder"),
    KeyHelp("delete", HISTORY, "Delete it (asks first)"),
    KeyHelp("up/down", SESSION_VIEW, "Scroll"),
    KeyHelp("pageup/pagedown", SESSION_VIEW, "Scroll a page"),
    KeyHelp("enter", PACK_BROWSER, "Open the pack's questions, or the question's details"),
    KeyHelp("p", PACK_BROWSER, "Packs tab"),
    KeyHelp("e", PACK_BROWSER, "Problems tab"),
    KeyHelp("g", HOME, "Progress: trends, streak, weakest areas"),
    KeyHelp("v", HOME, "Questions due for spaced review"),
    KeyHelp("l", HOME, "Log a real interview, or read the log"),
    KeyHelp("f", HOME, "Follow-ups due: done, snooze, close"),
    KeyHelp("s", HOME, "Study list"),
    KeyHelp("c", PROGRESS, "Trends per rubric criterion"),
    KeyHelp("t", PROGRESS, "Trends per topic (tag)"),
    KeyHelp("d", PROGRESS, "Questions due for review"),
    KeyHelp("v", PROGRESS, "Review the due questions with an interviewer you pick"),
    KeyHelp("space", STUDY_LIST, "Tick the highlighted topic off, or on again"),
    KeyHelp("e", STUDY_LIST, "Edit the topic (enter too)"),
    KeyHelp("a", STUDY_LIST, "Add a topic of your own"),
    KeyHelp("delete", STUDY_LIST, "Delete the topic (asks first)"),
    KeyHelp("h", STUDY_LIST, "Hide or show the topics done (ticked off)"),
    KeyHelp("n", REAL_INTERVIEWS, "Log a new real interview"),
    KeyHelp("enter", REAL_INTERVIEWS, "Open the highlighted log"),
    KeyHelp("p", REAL_INTERVIEWS, "Practise this again: its questions as a pack"),
    KeyHelp("delete", REAL_INTERVIEWS, "Delete the log (asks first)"),
    KeyHelp("ctrl+s", REAL_INTERVIEWS, "In a log: save it"),
    KeyHelp("ctrl+o", REAL_INTERVIEWS, "In a log: save it and make its practice pack"),
    KeyHelp("d", FOLLOW_UPS, "Mark the highlighted follow-up done"),
    KeyHelp("s", FOLLOW_UPS, "Snooze it for a day"),
    KeyHelp("w", FOLLOW_UPS, "Snooze it for a week"),
    KeyHelp("c", FOLLOW_UPS, "Close the process: nothing more comes due"),
    KeyHelp("a", FOLLOW_UPS, "Show the upcoming follow-ups too (not due yet), or hide them"),
    KeyHelp("p", FOLLOW_UPS, "Show practice sessions' follow-ups too (drills), or hide them"),
    KeyHelp("escape", HELP, "Close (f1 and ? too)"),
)
"""The key table, grouped by :data:`PLACES`."""


def keys_for(where: str) -> list[KeyHelp]:
    """The keys of one place, in table order."""
    return [entry for entry in KEYS if entry.where == where]
