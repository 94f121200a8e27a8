"""A whole session in the TUI with an interviewer who digs: a chain of follow-ups, each on
the answer before it, and replies to the candidate's own questions."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.interview import InterviewScreen

from tui_helpers import burst, open_session

MakeApp = Callable[..., MockInterviewApp]
PERSONA = "security-engineering-lead"
SEED = 3


def conversation_text(app: MockInterviewApp) -> str:
    return str(app.screen.query_one("#conversation", Static).render())


async def to_your_questions(app: MockInterviewApp, pilot: Pilot[int]) -> int:
    """Answer every question briefly (weak answers draw probes); returns the longest run
    of follow-ups shown one after another, each following up on the one before."""
    await open_session(app, pilot, PERSONA, seed=SEED)
    assert app.practice is not None
    session = app.practice.session
    await pilot.press("ctrl+s")  # prep
    await pilot.pause()
    longest = run = 0
    for _ in range(60):
        step = session.step()
        if step.stage_kind == "your-questions":
            break
        question = step.question
        if question is not None:
            assert isinstance(app.screen, InterviewScreen)
            if question.source in ("follow-up", "probe"):
                assert "Following up on:" in conversation_text(app)
                run += 1
                longest = max(longest, run)
            else:
                run = 0
            await burst(pilot, *"It went fine")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert session.step().stage_kind == "your-questions"
    return longest


async def test_weak_answers_draw_a_chain_of_follow_ups_on_screen(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert await to_your_questions(app, pilot) >= 2


async def answered_to_your_questions(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    """The session's questions answered through the engine (the keys that answer them are
    tested above), then its your-questions screen shown."""
    practice = await open_session(app, pilot, PERSONA, seed=SEED)
    session = practice.session
    while session.step().stage_kind != "your-questions":
        if session.step().question is not None:
            session.begin_answer()
            session.set_answer_text("It went fine")
            session.submit()
        else:
            session.advance()
    app.show_session()
    await pilot.pause()


async def test_the_interviewer_answers_the_candidates_questions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await answered_to_your_questions(app, pilot)
        assert app.practice is not None
        session = app.practice.session
        await burst(pilot, *"What does a typical day look like for the team?", "enter")
        await burst(pilot, *"Do you sponsor visas for pet goldfish?", "enter")
        await pilot.pause()
        replies = session.candidate_replies
        assert len(replies) == 2 and all(reply.strip() for reply in replies)
        asked = app.screen.query_one("#asked", OptionList)
        shown = [str(asked.get_option_at_index(i).prompt) for i in range(asked.option_count)]
        speaker = session.step().speaker
        assert replies[0].strip()[:40] in shown[0] and f"{speaker}:" in shown[0]
        assert replies[1].strip()[:40] in shown[1]  # the honest line for an unmatched one


def test_your_questions_with_replies_snapshot(
    snap_compare: Callable[..., bool], make_app: MakeApp
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await answered_to_your_questions(app, pilot)
        await burst(pilot, *"What would success look like in the first 90 days?", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=ready)
