"""The prep and interview screens, driven by keys."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, SelectionList, Static, TextArea

from simulator.engine.clock import FakeClock
from simulator.packs.library import Library
from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.interview import InterviewScreen
from simulator.tui.screens.prep import PrepScreen
from simulator.tui.widgets.answer_editor import AnswerEditor
from simulator.tui.widgets.conversation import Conversation
from simulator.tui.widgets.countdown import Countdown

from tui_helpers import burst, open_session, settle, to_first_question, wait_for

MakeApp = Callable[..., MockInterviewApp]


def screen_text(app: MockInterviewApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_prep_notes_are_kept_for_the_next_session(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_session(app, pilot, "hiring-manager")
        await burst(pilot, *"Read the team blog")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.writer is not None and app.journal is not None
        app.writer.flush()
        assert app.journal.persona_notes("hiring-manager") == "Read the team blog"
        practice = await open_session(app, pilot, "hiring-manager", seed=8)
        assert practice.session.prep_notes == "Read the team blog"
        editor = app.screen.query_one("#prep-notes", AnswerEditor)
        assert editor.text == "Read the team blog"


async def test_answer_autosaves_within_a_second(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        await burst(pilot, *"We profiled first")
        await pilot.pause(1.1)
        assert app.practice is not None and app.writer is not None and app.journal is not None
        app.writer.flush()
        drafts = app.journal.drafts(app.practice.session.id)
        answer_id = app.practice.session.current_answer()
        assert answer_id is not None
        assert drafts.get(f"answer:{answer_id['id']}") == "We profiled first", drafts


async def test_clarify_hint_skip_and_submit_are_recorded(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        assert app.practice is not None
        session = app.practice.session
        first = session.current_answer()
        assert first is not None
        await pilot.press("ctrl+r")
        assert "Clarification:" in screen_text(app, "#conversation")
        await pilot.press("ctrl+t")
        assert "Hint:" in screen_text(app, "#conversation")
        clock.advance(first["time_limit"] + 5)
        countdown = app.screen.query_one("#countdown", Countdown)
        # The countdown looks at the clock four times a second; a busy machine can delay
        # a tick past any fixed pause.
        await wait_for(pilot, lambda: "over" in str(countdown.render()))
        assert countdown.has_class("-red")
        await burst(pilot, *"An answer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        done = session.answer(first["id"])
        assert done["clarifications"] == 1
        assert done["hints_shown"] == 1
        assert done["text"] == "An answer"
        assert done["time_used"] > done["time_limit"]
        while session.step().question is not None and session.step().question.source != "question":  # type: ignore[union-attr]
            await pilot.press("ctrl+n")
        current = session.current_answer()
        if current is not None:
            await pilot.press("ctrl+n")
            assert session.answer(current["id"])["skipped"]


async def test_hint_and_skip_have_keys_a_browser_leaves_to_the_app(make_app: MakeApp) -> None:
    """In a browser ctrl+t and ctrl+n open a tab and a window: ctrl+g and ctrl+f work."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        assert app.practice is not None
        session = app.practice.session
        first = session.current_answer()
        assert first is not None
        await pilot.press("ctrl+g")
        assert "Hint:" in screen_text(app, "#conversation")
        await pilot.press("ctrl+f")
        await pilot.pause()
        done = session.answer(first["id"])
        assert done["hints_shown"] == 1 and done["skipped"]


async def test_drill_checklist_is_shown_and_ticked(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_question(app, pilot, "career-coach")
        assert app.practice is not None
        question = app.practice.session.step().question
        assert question is not None and question.checklist
        assert app.screen.query_one("#drill-box").display
        checklist = app.screen.query_one("#drill-checklist")
        checklist.focus()
        await pilot.press("space")
        await pilot.pause()
        current = app.practice.session.current_answer()
        assert current is not None
        assert any(current["checklist"].values())


async def test_pitch_stage_is_timed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "industry-professional")
        assert app.practice is not None
        question = app.practice.session.step().question
        assert question is not None
        assert question.source == "pitch"
        assert "elevator pitch" in screen_text(app, "#help-line")
        assert app.screen.query_one("#countdown").display


async def test_your_questions_then_suggestions_then_wrap_up(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "friendly-recruiter")
        assert app.practice is not None
        session = app.practice.session
        while session.step().stage_kind != "your-questions":
            if session.step().question is not None:
                await burst(pilot, *"Fine")
                await pilot.press("ctrl+s")
            else:
                await pilot.press("ctrl+s")
            await pilot.pause()
        await burst(pilot, *"What does a good first month look like?", "enter")
        await pilot.pause()
        assert session.candidate_questions == ["What does a good first month look like?"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Questions you could also ask" in screen_text(app, "#suggestions")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session.step().stage_kind == "wrap-up"
        assert "self-scoring" in screen_text(app, "#help-line")


async def test_escape_asks_then_leaves_and_home_offers_resume(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "startup-cto")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("tab", "enter")  # the second button: leave
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await settle(app, pilot)
        await pilot.pause(0.2)
        assert "Press r to resume" in screen_text(app, "#resume")
        await pilot.press("r")
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)


async def test_resume_pressed_while_packs_load_opens_once_they_are_loaded(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await to_first_question(first, pilot, "startup-cto")
        assert first.practice is not None
        session_id = first.practice.session.id
        await burst(pilot, *"Half an answer")
        await pilot.press("ctrl+q")
        await pilot.pause()

    # The second start holds the packs back until the test lets them through. The journal
    # is read after the packs, so r comes before anything offers a resume: it is kept.
    release = threading.Event()
    original = Context.load_library

    def held(self: Context, on_pack: Any = None) -> Library:
        release.wait(20)
        return original(self, on_pack=on_pack)

    monkeypatch.setattr(Context, "load_library", held)
    second = make_app()
    try:
        async with second.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.1)
            assert second.library is None and second.journal is None
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(second.screen, HomeScreen)
            assert any(
                "opens as soon as they are ready" in str(n.message) for n in second._notifications
            )
            release.set()
            await settle(second, pilot)
            assert isinstance(second.screen, InterviewScreen)
            assert second.practice is not None
            assert second.practice.session.id == session_id
            assert "Half an answer" in second.screen.query_one(AnswerEditor).text
    finally:
        release.set()


async def test_resume_pressed_while_loading_with_nothing_to_resume_says_so(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    original = Context.load_library

    def held(self: Context, on_pack: Any = None) -> Library:
        release.wait(20)
        return original(self, on_pack=on_pack)

    monkeypatch.setattr(Context, "load_library", held)
    app = make_app()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.1)
            await pilot.press("r")
            release.set()
            await settle(app, pilot)
            assert isinstance(app.screen, HomeScreen)
            assert any("no unfinished session" in str(n.message) for n in app._notifications)
    finally:
        release.set()


def question_snapshot(
    snap_compare: Callable[..., bool], make_app: MakeApp, size: tuple[int, int]
) -> bool:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await to_first_question(app, pilot, "rigorous-tech-lead")
        await burst(pilot, *"I would start by reproducing it.")
        await pilot.pause()

    return snap_compare(make_app(), terminal_size=size, run_before=ready)


def test_question_snapshot_80x24(snap_compare: Callable[..., bool], make_app: MakeApp) -> None:
    assert question_snapshot(snap_compare, make_app, (80, 24))


def test_question_snapshot_120x40(snap_compare: Callable[..., bool], make_app: MakeApp) -> None:
    assert question_snapshot(snap_compare, make_app, (120, 40))


async def test_quitting_right_after_typing_keeps_the_text(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "hiring-manager")
        assert app.practice is not None
        session_id = app.practice.session.id
        await burst(pilot, *"Typed just now", "ctrl+q")
        await pilot.pause()
    from simulator.journal import Journal

    with Journal.open() as journal:
        saved = journal.load_session(session_id)
    assert saved is not None
    current = next(a for a in saved["answers"] if a["id"] == saved["current_answer_id"])
    assert current["text"] == "Typed just now"


async def test_resume_restores_a_question_of_yours_typed_but_not_added(make_app: MakeApp) -> None:
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await to_first_question(first, pilot, "friendly-recruiter")
        assert first.practice is not None
        session = first.practice.session
        while session.step().stage_kind != "your-questions":
            if session.step().question is not None:
                await burst(pilot, *"Fine")
            await pilot.press("ctrl+s")
            await pilot.pause()
        await burst(pilot, *"Who would I work with most?", "enter")
        await burst(pilot, *"How is success measured")
        await pilot.pause(1.0)
        await pilot.press("ctrl+q")
        await pilot.pause()

    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await settle(second, pilot)
        await pilot.pause(0.2)
        await pilot.press("r")
        await settle(second, pilot)
        assert isinstance(second.screen, InterviewScreen)
        assert second.practice is not None
        assert second.practice.session.candidate_questions == ["Who would I work with most?"]
        assert second.screen.query_one("#ask", Input).value == "How is success measured"


def checkbox_marks(app: MockInterviewApp, selector: str) -> list[str]:
    """The three cells of each checklist line's tick box, as drawn (text only, no colour)."""
    checklist = app.screen.query_one(selector, SelectionList)
    return [checklist.render_line(y).text[:3] for y in range(checklist.option_count)]


async def test_ticked_and_unticked_boxes_differ_in_shape_not_only_colour(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_session(app, pilot, "career-coach")
        assert isinstance(app.screen, PrepScreen)
        checklist = app.screen.query_one("#prep-checklist", SelectionList)
        checklist.focus()
        checklist.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        marks = checkbox_marks(app, "#prep-checklist")
        assert len(marks) >= 2
        assert marks[0] != marks[1], marks
        assert marks[0].strip(" ▐▌"), marks  # the ticked box has a visible mark
        await pilot.press("ctrl+s")  # prep -> greeting
        await pilot.pause()
        while app.practice is not None and app.practice.session.step().question is None:
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        drill = app.screen.query_one("#drill-checklist", SelectionList)
        drill.focus()
        await pilot.press("space")
        await pilot.pause()
        marks = checkbox_marks(app, "#drill-checklist")
        assert marks[0] != marks[1], marks


def prep_snapshot(
    snap_compare: Callable[..., bool], make_app: MakeApp, size: tuple[int, int]
) -> bool:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await open_session(app, pilot, "hiring-manager")
        checklist = app.screen.query_one("#prep-checklist", SelectionList)
        checklist.focus()
        checklist.highlighted = 0
        await pilot.press("space")  # the first item ticked, the others not
        await pilot.pause()

    return snap_compare(make_app(), terminal_size=size, run_before=ready)


def test_prep_snapshot_80x24(snap_compare: Callable[..., bool], make_app: MakeApp) -> None:
    assert prep_snapshot(snap_compare, make_app, (80, 24))


def test_prep_snapshot_120x40(snap_compare: Callable[..., bool], make_app: MakeApp) -> None:
    assert prep_snapshot(snap_compare, make_app, (120, 40))


async def test_a_resize_rewraps_the_answer_at_once(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "friendly-recruiter")
        editor = app.screen.query_one(AnswerEditor)
        editor.insert(
            "This answer is long enough to wrap over several lines of the editor, since it "
            "goes on about the last job, the migration, the incident review and more."
        )
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        shown = [strip.text for strip in editor.render_lines(Region(0, 0, *editor.region.size))]
        inner = [line[2:-2] for line in shown[1:-1]]  # inside the border
        editor._line_cache.clear()
        width = len(inner[0])
        fresh = [
            TextArea.render_line(editor, y).text[:width] for y in range(editor.content_size.height)
        ]
        assert inner == fresh


def newest_line_in_view(box: Widget) -> bool:
    """Whether the end of a scrolling box's content is inside what it shows."""
    return box.scroll_y + box.scrollable_content_region.height >= box.virtual_size.height


async def test_the_newest_hint_or_clarification_is_in_view_at_60x20(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await to_first_question(app, pilot, "career-coach")  # a drill: the checklist takes room
        assert app.practice is not None
        box = app.screen.query_one(Conversation)
        assert box.scroll_y == 0
        for key in ("ctrl+r", "ctrl+t", "ctrl+r"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert box.virtual_size.height > box.scrollable_content_region.height
            assert newest_line_in_view(box), key
        # The next question starts at its top again.
        await burst(pilot, *"Done", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert box.scroll_y == 0


async def test_the_interviewers_newest_reply_is_in_view(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await to_first_question(app, pilot, "friendly-recruiter")
        assert app.practice is not None
        session = app.practice.session
        while session.step().stage_kind != "your-questions":
            await burst(pilot, *("Fine" if session.step().question is not None else ""), "ctrl+s")
            await pilot.pause()
        for number in range(4):
            await burst(pilot, *f"What does month {number} look like?", "enter")
            await pilot.pause()
            await pilot.pause()
        asked = app.screen.query_one("#asked", OptionList)
        assert asked.option_count == 4
        box = app.screen.query_one("#your-questions-box")
        # The last exchange (the candidate's question and the reply) is inside the box.
        assert newest_line_in_view(asked) and newest_line_in_view(box)
