"""What every screen of a session shares (simulator/tui/screens/session_screen.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.session_screen import SessionScreen

from tui_helpers import open_session

MakeApp = Callable[..., MockInterviewApp]


@pytest.fixture
def entered(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each kind of session screen has shown its step."""
    counts: Counter[str] = Counter()
    original = SessionScreen.show_step

    def counting(self: SessionScreen) -> None:
        counts[type(self).__name__] += 1
        original(self)

    monkeypatch.setattr(SessionScreen, "show_step", counting)
    return counts


@pytest.mark.parametrize(
    ("phase", "screen"),
    [
        ("stages", "PrepScreen"),
        ("self-score", "SelfScoreScreen"),
        ("reflection", "ReflectionScreen"),
        ("follow-up", "FollowUpScreen"),
        ("summary", "SummaryScreen"),
    ],
)
async def test_a_screen_shows_its_step_once_when_it_opens(
    make_app: MakeApp, entered: Counter[str], phase: str, screen: str
) -> None:
    """Textual calls the on_mount of every class a screen is made of, so a subclass that
    also called its base's ran the base's twice: entering the step (an answer's timer
    starts there) and redrawing twice over, three times on the follow-up plan."""
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase=phase)
        await pilot.pause()
        assert type(app.screen).__name__ == screen
        assert entered[screen] == 1


async def test_the_interview_screen_starts_its_step_once(
    make_app: MakeApp, entered: Counter[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead")
        await pilot.press("ctrl+s")  # prep -> the interview screen
        await pilot.pause()
        assert type(app.screen).__name__ == "InterviewScreen"
        assert entered["InterviewScreen"] == 1
