"""What the app refuses, and how it fails: Textual's built-in actions it has no use for,
and unexpected errors, logged, then told to the user in one plain line.

A failed worker leaves the app working, so it is shown on the error screen and the user
carries on; anything else has stopped part of Textual's message handling, so the app
saves, closes, and prints :func:`stopped_note` instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

REFUSED_ACTIONS: frozenset[str] = frozenset(
    {
        "screenshot",
        "simulate_key",
        "push_screen",
        "pop_screen",
        "switch_screen",
        "switch_mode",
        "add_class",
        "remove_class",
        "toggle_class",
        "suspend_process",
        "notify",
        "focus",
        "toggle_dark",
        "bell",
    }
)
"""Textual's built-in app actions this app never uses (screenshots to any path...):
nothing may run them."""

MAX_CONTAINED = 5
"""Failed workers shown on the error screen before the app gives up and closes."""


def ask_to_open(app: App[Any], url: str, opening: Callable[[], None]) -> None:
    """Open ``url`` (with ``opening``) only if it is a web link, and the user says yes."""
    from simulator.tui.screens.confirm import Question, ask

    if not url.lower().startswith(("http://", "https://")):
        app.notify(f"Not opening {url}: only web links are opened.", markup=False)
        return
    question = Question("Open this link?", url, ("stay", "Don't open"), ("open", "Open it"))
    ask(app, question, opening)


def logged(error: BaseException) -> tuple[BaseException, str, Path | None]:
    """Log ``error`` (the worker's own error, for a failed worker): returns that error, it in
    one line, and the log file (None when it could not be written)."""
    from textual.worker import WorkerFailed

    from simulator.services.errorlog import log_error

    cause = error.error if isinstance(error, WorkerFailed) else error
    path = log_error(cause, "unhandled error in the app")
    return cause, f"{type(cause).__name__}: {cause}", path


def stopped_note(summary: str, path: Path | None) -> str:
    """What the terminal shows after the app closed on an error."""
    where = f"The details are in {path}." if path else ""
    return (
        f"mock-interview stopped after an unexpected error ({summary}). "
        f"Everything you typed was saved: start it again and press r to resume. {where}"
    )
