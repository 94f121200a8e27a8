"""Every key the app answers to, as data: the help screen shows it and tests check it.

The same action has the same key everywhere. Each entry is a ``KeyHelp(key, where, what,
ids)`` tuple; ``key`` is written the way the help screen and the README show it, and ``ids``
are the ids of the bindings behind it, which the ``keymap`` section of config.json uses to
give an action other keys (see :mod:`simulator.services.keymap`). A key that is Textual's
own (tab, a list's enter, scrolling) has no id and keeps its key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class KeyHelp(NamedTuple):
    """One key, where it works, and what it does."""

    key: str
    """The key as shown to the user, such as ``ctrl+s`` or ``1-5``."""
    where: str
    """The screen it works on (one of :data:`PLACES`)."""
    what: str
    """What it does, in plain words."""
    ids: tuple[str, ...] = ()
    """The ids of the bindings behind this key, in the order of ``key``'s parts (none for
    Textual's own keys)."""


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


def _at(where: str, *keys: tuple[str, str, str]) -> tuple[KeyHelp, ...]:
    """The (key, what it does, binding ids separated by spaces) of one place as entries."""
    return tuple(KeyHelp(key, where, what, tuple(ids.split())) for key, what, ids in keys)


DRAFT_KEYS: tuple[tuple[str, str, str], ...] = (
    ("f8", "Copy the text box you are in to the clipboard", "copy-draft"),
    ("f3", "Edit the text box you are in with your editor ($VISUAL or $EDITOR)", "edit-draft"),
)
"""The keys of every screen where drafts are written."""

MAIL_KEY = (
    "f4",
    "Write the thank-you note as an email in your mail app (asks first)",
    "mail-draft",
)
"""Where thank-you notes are drafted: compose one in the mail app."""

KEYS: tuple[KeyHelp, ...] = (
    *_at(
        EVERYWHERE,
        ("ctrl+q", "Quit (everything is saved first; in a browser: Quit in the palette)", "quit"),
        ("escape", "Back, or close this screen", "back"),
        ("f1", "Help: show the keys", "help"),
        ("?", "Help: show the keys (on screens without a text box)", "help"),
        ("ctrl+p", "Command palette: every action, start, resume, theme…", "palette"),
        ("tab", "Move to the next part of the screen", ""),
    ),
    *_at(
        HOME,
        ("enter", "Start a session with the highlighted interviewer", ""),
        ("n", "Quick practice: one question per stage", "quick"),
        ("t", "Jump to the next track's interviewers", "next-track"),
        ("r", "Resume the unfinished session", "resume"),
        ("h", "History of past sessions", "history"),
        ("b", "Browse the installed packs", "packs"),
        ("e", "Packs that could not be loaded (the pack browser's Problems tab)", "problems"),
    ),
    *_at(
        SESSION,
        (
            "ctrl+s",
            "Continue, or submit what you wrote (on the prep screen: start the interview)",
            "continue",
        ),
        (
            "escape",
            "Leave the session, saved to resume (after self-scoring: back one step)",
            "back",
        ),
    ),
    *_at(
        INTERVIEW,
        ("ctrl+s", "Submit the answer; between questions: continue", "submit"),
        ("ctrl+r", "Ask for clarification", "clarify"),
        ("ctrl+t/ctrl+g", "Show a hint (recorded); ctrl+g works in a browser too", "hint"),
        ("ctrl+n/ctrl+f", "Skip the question; ctrl+f works in a browser too", "skip"),
        ("delete", "Remove the highlighted question of yours", "remove-question"),
        (
            "f2",
            "Speak your answer: start recording, then stop (the transcript fills the box)",
            "speak",
        ),
    ),
    *_at(
        SELF_SCORE,
        (
            "ctrl+s",
            "Continue to the next answer; after the last, on to the reflection",
            "continue",
        ),
        ("1-5", "Score the highlighted criterion", "score-1 score-2 score-3 score-4 score-5"),
        ("up/down", "Previous or next criterion", "previous-criterion next-criterion"),
        ("pageup/pagedown", "Previous or next answer", "previous-answer next-answer"),
        ("home/end", "First or last criterion", "first-criterion last-criterion"),
        ("0/backspace", "Clear the criterion's score", "clear-score"),
        (
            "space",
            "Tick the highlighted checklist item (on a criterion: go to the checklist)",
            "tick",
        ),
        ("p", "Play the answer's recording, or stop it", "play-recording"),
    ),
    *_at(
        REFLECTION,
        ("escape", "Back to self-scoring", "back"),
        ("delete/backspace", "Remove the highlighted topic", "remove-topic"),
        *DRAFT_KEYS,
    ),
    *_at(
        FOLLOW_UP,
        ("d", "Mark the highlighted follow-up done, or not done", "done"),
        ("a", "Add a check-in", "add-check-in"),
        ("c", "Close the process: nothing more comes due", "close-process"),
        ("x", "Export the plan's open follow-ups as a calendar file (.ics)", "export"),
        ("escape", "Back to the reflection", "back"),
        *DRAFT_KEYS,
        MAIL_KEY,
    ),
    *_at(
        SUMMARY,
        ("ctrl+s", "Finish the session", "finish"),
        ("x", "Export it to Markdown", "export"),
        ("escape", "Back to the follow-up plan", "back"),
    ),
    *_at(
        HISTORY,
        ("enter", "Open the highlighted session, read-only", "open"),
        ("r", "Resume the highlighted session, if unfinished", "resume"),
        ("x", "Export it to Markdown in the current folder", "export"),
        ("delete", "Delete it (asks first)", "delete"),
    ),
    *_at(
        SESSION_VIEW,
        ("up/down", "Scroll", ""),
        ("pageup/pagedown", "Scroll a page", ""),
        ("p", "Play the topmost recorded answer in view, or stop it", "play-recording"),
    ),
    *_at(
        PACK_BROWSER,
        ("enter", "Open the pack's questions, or the question's details", "open"),
        ("p", "Packs tab", "packs-tab"),
        ("e", "Problems tab", "problems-tab"),
    ),
    *_at(
        HOME,
        ("g", "Progress: trends, streak, weakest areas", "progress"),
        ("v", "Questions due for spaced review", "review-due"),
        ("l", "Log a real interview, or read the log", "real-interviews"),
        ("f", "Follow-ups due: done, snooze, close", "follow-ups"),
        ("s", "Study list", "study-list"),
    ),
    *_at(
        PROGRESS,
        ("c", "Trends per rubric criterion", "criteria-tab"),
        ("t", "Trends per topic (tag)", "topics-tab"),
        ("d", "Questions due for review", "due-tab"),
        ("v", "Review the due questions with an interviewer you pick", "review"),
    ),
    *_at(
        STUDY_LIST,
        ("space", "Tick the highlighted topic off, or on again", "tick"),
        ("e", "Edit the topic (enter too)", "edit"),
        ("a", "Add a topic of your own", "add-topic"),
        ("delete", "Delete the topic (asks first)", "delete"),
        ("h", "Hide or show the topics done (ticked off)", "hide-done"),
    ),
    *_at(
        REAL_INTERVIEWS,
        ("n", "Log a new real interview", "new-log"),
        ("enter", "Open the highlighted log", "open"),
        ("p", "Practise this again: its questions as a pack", "practise-again"),
        ("delete", "Delete the log (asks first)", "delete"),
        ("ctrl+s", "In a log: save it", "save"),
        ("ctrl+o", "In a log: save it and make its practice pack", "save-and-practise"),
        ("f8", "In a log: copy the text box you are in to the clipboard", "copy-draft"),
        ("f3", "In a log: edit the text box you are in with your editor", "edit-draft"),
        ("f4", "In a log: write a thank-you note as an email (asks first)", "mail-draft"),
    ),
    *_at(
        FOLLOW_UPS,
        ("d", "Mark the highlighted follow-up done", "done"),
        ("s", "Snooze it for a day", "snooze-day"),
        ("w", "Snooze it for a week", "snooze-week"),
        ("c", "Close the process: nothing more comes due", "close-process"),
        ("a", "Show the upcoming follow-ups too (not due yet), or hide them", "show-upcoming"),
        ("p", "Show practice sessions' follow-ups too (drills), or hide them", "show-practice"),
        ("x", "Export the open follow-ups as a calendar file (.ics)", "export"),
    ),
    *_at(
        HELP,
        ("escape", "Close (f1 and ? too)", "back help"),
    ),
)
"""The key table, grouped by :data:`PLACES`."""

BINDING_IDS: frozenset[str] = frozenset(binding for entry in KEYS for binding in entry.ids)
"""Every binding id a keymap may name."""

BROWSER_KEYS: frozenset[str] = frozenset(
    {"ctrl+n", "ctrl+t", "ctrl+w", "ctrl+tab", "ctrl+shift+n", "ctrl+shift+t", "ctrl+shift+w"}
)
"""Keys a web browser keeps for itself (new window, new tab, close tab, next tab): in
``mock-interview serve`` they never reach the app, so none may be an action's only key."""


def shown_key(entry: KeyHelp, keymap: Mapping[str, str]) -> str:
    """``entry``'s key as the user's ``keymap`` (binding id to keys, comma separated) has
    it: a moved key is shown where it went, so help never names a key that does nothing."""
    moved = [binding_id for binding_id in entry.ids if binding_id in keymap]
    if not moved:
        return entry.key
    parts = entry.key.split("/")
    if len(entry.ids) == 1:
        return keymap[entry.ids[0]].replace(",", "/")
    if len(parts) == len(entry.ids):
        return "/".join(
            keymap[binding_id].replace(",", "/") if binding_id in keymap else part
            for binding_id, part in zip(entry.ids, parts, strict=True)
        )
    # Several actions under one written key ("1-5"): name the ones moved.
    changes = ", ".join(f"{binding_id}: {keymap[binding_id]}" for binding_id in moved)
    return f"{entry.key} ({changes})"


def keys_for(where: str) -> list[KeyHelp]:
    """The keys of one place, in table order."""
    return [entry for entry in KEYS if entry.where == where]
