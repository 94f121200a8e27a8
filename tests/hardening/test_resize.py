"""Resizing the terminal down to 40x12 and back in the middle of every screen: nothing
crashes, and what was typed is exactly what it was (in the editor and in the session)."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from simulator.engine.clock import FakeClock
from simulator.services.practice import Practice
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.follow_up import FollowUpScreen
from simulator.tui.screens.help import HelpScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.interview import InterviewScreen
from simulator.tui.screens.pack_browser import PackBrowserScreen
from simulator.tui.screens.prep import PrepScreen
from simulator.tui.screens.progress import ProgressScreen
from simulator.tui.screens.real_interview import RealInterviewsScreen
from simulator.tui.screens.real_interview_form import RealInterviewForm
from simulator.tui.screens.reflection import ReflectionScreen
from simulator.tui.screens.reminders import RemindersScreen
from simulator.tui.screens.self_score import SelfScoreScreen
from simulator.tui.screens.session_view import SessionViewScreen
from simulator.tui.screens.study_list import StudyListScreen
from simulator.tui.screens.summary import SummaryScreen
from simulator.tui.screens.topic_prompt import TopicPrompt
from simulator.tui.widgets.answer_editor import AnswerEditor

from tui_helpers import burst, drive, open_session, settle

MakeApp = Callable[..., MockInterviewApp]
SIZE = (80, 24)
SMALL = (40, 12)
TYPED = "Kept (40x12): naïve 20%"


async def squeeze(app: MockInterviewApp, pilot: Pilot[int], kind: type[object]) -> None:
    """Down to 40x12 and back, on a screen of type ``kind``; it must stay, and stay alive."""
    screen = app.screen
    assert isinstance(screen, kind), screen
    for size in (SMALL, SIZE):
        await pilot.resize_terminal(*size)  # waits until the screen has taken it in
        assert app.size == size and screen.size == size  # laid out at that size
        assert app.screen is screen and app.is_running
    await pilot.pause()
    assert not app.contained_errors, app.contained_errors


async def type_into(pilot: Pilot[int], text: str) -> None:
    """Type into the focused widget: the first keys one by one, the rest as a paste (what a
    terminal sends for pasted text; key by key the whole text would take seconds)."""
    await burst(pilot, *text[:4])
    pilot.app.post_message(events.Paste(text[4:]))  # as the terminal driver does
    await pilot.pause()
    await pilot.pause()


def to_stage(practice: Practice, clock: FakeClock, kind: str) -> None:
    """Move the session through its stages until one of ``kind`` is current."""
    session = practice.session
    while session.phase == "stages" and session.step().stage_kind != kind:
        if session.step().question is not None:
            session.set_answer_text("An answer.")
            clock.advance(20)
            session.submit()
        else:
            session.advance()
    assert session.phase == "stages"
    practice.saved()


async def show(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    app.show_session()
    await pilot.pause()
    await pilot.pause()


async def test_resizing_every_session_screen_keeps_what_was_typed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead")
        session = practice.session
        clock = app.clock
        assert isinstance(clock, FakeClock)

        # Prep: the notes editor.
        editor = app.screen.query_one("#prep-notes", AnswerEditor)
        editor.focus()
        await type_into(pilot, TYPED)
        await squeeze(app, pilot, PrepScreen)
        assert editor.text == TYPED
        await pilot.press("ctrl+s")  # prep -> greeting (the notes go into the session)
        await pilot.pause()
        assert session.prep_notes == TYPED

        # A question: the answer editor, mid-answer.
        to_stage(practice, clock, "questions")
        await show(app, pilot)
        screen = app.screen
        answer = screen.query_one("#answer", AnswerEditor)
        assert answer.has_focus
        await type_into(pilot, TYPED)
        await squeeze(app, pilot, InterviewScreen)
        assert answer.text == TYPED
        assert app.screen is screen
        await pilot.press("ctrl+s")  # submitted with exactly that text
        await pilot.pause()
        submitted = [a for a in session.answers if a["submitted_at"] is not None]
        assert submitted[0]["text"] == TYPED

        # Your questions: the question box, half typed.
        to_stage(practice, clock, "your-questions")
        await show(app, pilot)
        ask = app.screen.query_one("#ask", Input)
        assert ask.has_focus
        await type_into(pilot, TYPED)
        await squeeze(app, pilot, InterviewScreen)
        assert ask.value == TYPED
        await pilot.press("enter")
        await pilot.pause()
        assert session.candidate_questions == [TYPED]

        # Self-score, mid-scoring.
        drive(practice, clock, "self-score")
        await show(app, pilot)
        await pilot.press("4", "2")
        await pilot.pause()
        item = session.score_item()
        assert item is not None
        scores = dict(item.answer["scores"])
        assert scores
        await squeeze(app, pilot, SelfScoreScreen)
        item = session.score_item()
        assert item is not None and item.answer["scores"] == scores

        # Reflection: a free-text box and the topic box.
        drive(practice, clock, "reflection")
        await show(app, pilot)
        screen = app.screen
        went_well = screen.query_one("#reflection-went-well", TextArea)
        assert went_well.has_focus
        await type_into(pilot, TYPED)
        topic = screen.query_one("#topic-input", Input)
        topic.focus()
        await type_into(pilot, "Tries")
        await squeeze(app, pilot, ReflectionScreen)
        assert went_well.text == TYPED
        assert topic.value == "Tries"
        assert session.reflection["went_well"] == TYPED

        # Follow-up: the thank-you note.
        screen.save_drafts()  # type: ignore[attr-defined]
        drive(practice, clock, "follow-up")
        await show(app, pilot)
        note = app.screen.query_one("#note-0", TextArea)
        note.focus()
        await type_into(pilot, TYPED)
        await squeeze(app, pilot, FollowUpScreen)
        assert note.text == TYPED
        assert TYPED in session.thank_you_drafts.values()

        # Summary.
        drive(practice, clock, "summary")
        await show(app, pilot)
        await squeeze(app, pilot, SummaryScreen)
        assert session.phase == "summary"
        assert session.reflection["went_well"] == TYPED

        # Everything typed reached the journal as well.
        assert app.writer is not None
        assert app.writer.flush()
        assert app.journal is not None
        stored = app.journal.load_session(session.id)
        assert stored is not None
        assert stored["prep_notes"] == TYPED
        assert stored["candidate_questions"] == [TYPED]
        assert stored["reflection"]["went_well"] == TYPED
        assert TYPED in stored["thank_you_drafts"].values()


async def finished_session(app: MockInterviewApp, pilot: Pilot[int]) -> str:
    """A finished session in the journal, with a reflection topic; returns its id."""
    practice = await open_session(app, pilot, "startup-cto", phase="reflection")
    practice.session.add_topic("Consistent hashing")
    practice.session.advance()
    practice.session.advance()
    practice.session.finish()
    practice.saved()
    app.end_session()
    await settle(app, pilot)
    return practice.session.id


async def test_resizing_every_journal_and_library_screen_keeps_what_was_typed(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        session_id = await finished_session(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await squeeze(app, pilot, HomeScreen)

        app.action_help()
        await pilot.pause()
        await squeeze(app, pilot, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()

        app.action_browse_packs()
        await pilot.pause()
        await pilot.press("enter")  # into the first pack's questions
        await pilot.pause()
        await squeeze(app, pilot, PackBrowserScreen)
        await pilot.press("escape")
        await pilot.pause()

        app.action_history()
        await settle(app, pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert history.query_one("#history-table", DataTable).row_count == 1
        await squeeze(app, pilot, HistoryScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.screen
        assert isinstance(view, SessionViewScreen)
        await squeeze(app, pilot, SessionViewScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        app.action_progress()
        await settle(app, pilot)
        await pilot.press("t")  # the topics tab
        await squeeze(app, pilot, ProgressScreen)
        await pilot.press("escape")
        await pilot.pause()

        app.action_study_list()
        await settle(app, pilot)
        await squeeze(app, pilot, StudyListScreen)
        await pilot.press("a")  # a topic of one's own, half typed
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TopicPrompt)
        await type_into(pilot, TYPED)
        await squeeze(app, pilot, TopicPrompt)
        assert prompt.query_one("#topic-input", Input).value == TYPED
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.journal is not None
        assert TYPED in [item.topic for item in app.journal.study_list()]
        await pilot.press("escape")
        await pilot.pause()

        app.action_real_interviews()
        await settle(app, pilot)
        await squeeze(app, pilot, RealInterviewsScreen)
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RealInterviewForm)
        company = form.query_one("#field-company", Input)
        assert company.has_focus
        await type_into(pilot, TYPED)
        text_areas = list(form.query(TextArea))
        text_areas[0].focus()
        await type_into(pilot, TYPED)
        await squeeze(app, pilot, RealInterviewForm)
        assert company.value == TYPED
        assert text_areas[0].text == TYPED
        assert form.values()["company"] == TYPED
        await pilot.press("ctrl+s")  # saved exactly as typed
        await settle(app, pilot)
        (logged,) = app.journal.real_interviews()
        assert logged.company == TYPED
        for _ in range(3):
            if isinstance(app.screen, HomeScreen):
                break
            await pilot.press("escape")
            await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

        app.action_reminders()
        await settle(app, pilot)
        await pilot.press("a")  # upcoming ones too
        await squeeze(app, pilot, RemindersScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.journal.load_session(session_id) is not None
