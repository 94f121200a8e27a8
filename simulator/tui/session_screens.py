"""Which screen shows a practice session where it is now.

Each screen's module is imported when a session first reaches it, to keep start-up light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.engine.session import Session
    from simulator.tui.screens.session_screen import SessionScreen


def screen_class(session: Session) -> type[SessionScreen] | None:
    """The screen for the session's phase (and, in the stages, for prep or the rest);
    None once it is finished."""
    phase = session.phase
    if phase == "stages":
        stage = session.stage
        if stage is not None and stage.stage == "prep":
            from simulator.tui.screens.prep import PrepScreen

            return PrepScreen
        from simulator.tui.screens.interview import InterviewScreen

        return InterviewScreen
    if phase == "self-score":
        from simulator.tui.screens.self_score import SelfScoreScreen

        return SelfScoreScreen
    if phase == "reflection":
        from simulator.tui.screens.reflection import ReflectionScreen

        return ReflectionScreen
    if phase == "follow-up":
        from simulator.tui.screens.follow_up import FollowUpScreen

        return FollowUpScreen
    if phase == "summary":
        from simulator.tui.screens.summary import SummaryScreen

        return SummaryScreen
    return None
