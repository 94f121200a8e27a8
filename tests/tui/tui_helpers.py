"""Helpers for driving the app in tests: a session at any phase, waiting for workers."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled

from simulator.engine.clock import FakeClock
from simulator.services.context import Context
from simulator.services.practice import Practice, StartOptions
from simulator.tui.app import MockInterviewApp, create_app

START = 1_800_000_000.0  # a fixed moment, so screens and snapshots never depend on today


async def settle(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    """Wait until packs are loaded, the journal is open and workers are idle."""
    for _ in range(200):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one
            continue
        await pilot.pause()
        if app.library is not None and (app.writer is not None or app.journal_error):
            break
    if app.writer is not None:
        app.writer.flush()
    await pilot.pause()


def drive(practice: Practice, clock: FakeClock, until: str) -> None:
    """Answer everything through the engine until the session reaches phase ``until``.

    Each answer takes 30 seconds on the fake clock; every score is 3; ``until`` is one of
    "stages", "self-score", "reflection", "follow-up", "summary".
    """
    session = practice.session
    while session.phase == "stages" and until != "stages":
        step = session.step()
        if step.question is not None:
            session.begin_answer()
            clock.advance(30)
            session.set_answer_text(f"An answer to: {step.question.prompt[:40]}")
            session.submit()
        else:
            session.advance()
    order = ["self-score", "reflection", "follow-up", "summary"]
    if until in order:
        while order.index(session.phase) < order.index(until):
            if session.phase == "self-score":
                for item in session.score_items():
                    for criterion in item.rubric.criteria:
                        session.score(criterion.id, 3, answer_id=item.answer["id"])
            session.advance()
    practice.saved()


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, so days, dates and times on screen never depend on the machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock() -> FakeClock:
    """A clock that stands still unless a test moves it."""
    return FakeClock(START)


@pytest.fixture
def make_app(clock: FakeClock) -> Iterator[Callable[..., MockInterviewApp]]:
    """Build the app the way the command line does, on the fake clock.

    The app shows unexpected errors on its error screen instead of stopping; so that no
    test passes over one unseen, each test fails if any of its apps had to.
    """
    built: list[MockInterviewApp] = []

    def build(context: Context | None = None) -> MockInterviewApp:
        app = create_app(context or Context.create(), clock=clock)
        built.append(app)
        return app

    yield build
    for app in built:
        assert not app.contained_errors, app.contained_errors


async def open_session(
    app: MockInterviewApp,
    pilot: Pilot[int],
    persona_id: str = "rigorous-tech-lead",
    *,
    phase: str = "stages",
    seed: int = 7,
) -> Practice:
    """Start a session in a running app, drive it to ``phase`` and show its screen."""
    await settle(app, pilot)
    assert app.library is not None and app.writer is not None
    clock = app.clock
    assert isinstance(clock, FakeClock)
    practice = Practice.start(
        app.library, app.writer, StartOptions(persona_id, seed=seed), clock=clock
    )
    drive(practice, clock, phase)
    app.practice = practice
    app.show_session()
    await pilot.pause()
    return practice


async def to_first_question(app: MockInterviewApp, pilot: Pilot[int], persona: str) -> None:
    """Open a session with ``persona`` and press on to its first question."""
    await open_session(app, pilot, persona)
    assert type(app.screen).__name__ == "PrepScreen"
    await pilot.press("ctrl+s")  # prep -> greeting
    await pilot.pause()
    while app.practice is not None and app.practice.session.step().question is None:
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert type(app.screen).__name__ == "InterviewScreen"


def shows_all_of(widget: Widget, width: int) -> bool:
    """Whether every word of the widget's text is drawn within ``width`` columns: wrapped
    over as many rows as it needs, not cut at the edge."""
    text = str(widget.render())
    lines = widget.render_lines(widget.region.reset_offset)
    shown = " ".join("".join(segment.text for segment in line).strip() for line in lines)
    return " ".join(shown.split()) == " ".join(text.split()) and widget.region.right <= width


def notices(app: MockInterviewApp) -> list[str]:
    """The titles and messages of the notifications shown so far, as "title: message"."""
    return [f"{n.title}: {n.message}" for n in app._notifications]


def key_event(key: str) -> events.Key:
    """The key event a terminal sends for one typed character, or Pilot for a key name."""
    if len(key) == 1:
        # Pilot drops the character of some punctuation ("—" types nothing); a terminal
        # sends every character with its key name.
        return events.Key(_character_to_key(key), key)
    try:
        character: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        character = None
    return events.Key(key, character)


async def burst(pilot: Pilot[int], *keys: str) -> None:
    """Send ``keys`` the way a terminal delivers fast typing, or a paste and the key after
    it: in one read, with no wait between them; then wait until the app has finished
    with every one of them.

    ``pilot.press`` waits for the app to go idle after each key (about 40 ms a key at
    best), which is what most of a typing test's time went on; a real keyboard does not
    wait, and the app must take keys in a burst in order anyway.
    """
    app = pilot.app
    assert app._driver is not None
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(400):
        await pilot.pause()
        ordered = app.key_order.idle if isinstance(app, MockInterviewApp) else True
        if ordered and not app.message_queue_size:
            break
    else:
        raise AssertionError(f"the app never finished with the keys {keys!r}")
    await pilot.pause()


async def wait_for(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition`` holds (a worker's file, a notice ...)."""
    for _ in range(100):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


def finished_session(app: MockInterviewApp, persona_id: str = "rigorous-tech-lead") -> Practice:
    """A session with ``persona_id`` answered, scored and finished in a running app whose
    packs and journal are in, saved; its plan is six follow-ups, all open."""
    assert app.library is not None and app.writer is not None
    clock = app.clock
    assert isinstance(clock, FakeClock)
    practice = Practice.start(
        app.library, app.writer, StartOptions(persona_id, seed=3), clock=clock
    )
    drive(practice, clock, "summary")
    practice.session.finish()
    practice.saved()
    app.writer.flush()
    return practice


Delivered = list[dict[str, Any]]
"""What an app in a browser offered as downloads: the text and the options of each."""


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Delivered:
    """Every app runs as in a browser; what it delivers is recorded, not saved anywhere.
    The current folder is an empty one, where a terminal export would go."""
    delivered: Delivered = []

    def deliver_text(self: App[Any], file: Any, **options: Any) -> str:
        delivered.append({"text": file.read(), **options})
        return "key"

    monkeypatch.setattr(App, "is_web", property(lambda self: True))
    monkeypatch.setattr(App, "deliver_text", deliver_text)
    monkeypatch.chdir(tmp_path)
    return delivered
