"""An empty answer is asked about before it is handed in, and clicking what the interviewer
said never takes the keyboard away from the answer."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button

from simulator.engine.session import Session
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.interview import InterviewScreen
from simulator.tui.widgets.answer_editor import AnswerEditor

from tui_helpers import burst, to_first_question

MakeApp = Callable[..., MockInterviewApp]


async def at_first_answer(app: MockInterviewApp, pilot: Pilot[int]) -> tuple[Session, str]:
    """The session, at its first question, and the id of the answer being written."""
    await to_first_question(app, pilot, "rigorous-tech-lead")
    assert app.practice is not None
    current = app.practice.session.current_answer()
    assert current is not None
    return app.practice.session, current["id"]


async def test_an_empty_answer_is_asked_about_and_keep_answering_keeps_the_question(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        session, first = await at_first_answer(app, pilot)
        await pilot.press("space", "ctrl+s")  # only a space: nothing written
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Submit an empty answer?" in str(app.screen.query_one("#confirm-title").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert session.current_answer() is not None
        assert session.current_answer()["id"] == first  # type: ignore[index]
        assert isinstance(app.focused, AnswerEditor)
        await burst(pilot, *"Now I answer", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert session.answer(first)["text"].strip() == "Now I answer"
        assert not session.answer(first)["skipped"]


async def test_an_empty_answer_confirmed_is_recorded_as_skipped_visibly(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        assert app.practice is not None
        session = app.practice.session
        while session.step().question is not None and session.step().question.source == "pitch":  # type: ignore[union-attr]
            await burst(pilot, *"My pitch", "ctrl+s")
            await pilot.pause()
        current = session.current_answer()
        assert current is not None and current["source"] != "pitch"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        app.screen.query_one("#choice-skip", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert session.answer(current["id"])["skipped"]
        assert any("Recorded as skipped" in str(n.message) for n in app._notifications)


async def test_text_typed_after_clicking_the_question_goes_into_the_answer(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        assert app.practice is not None
        await pilot.click("#conversation")
        await burst(pilot, *"Typed after a click")
        await pilot.pause()
        current = app.practice.session.current_answer()
        assert current is not None
        assert app.screen.query_one("#answer", AnswerEditor).text == "Typed after a click"


async def test_typing_on_after_an_early_ctrl_s_goes_into_the_answer(make_app: MakeApp) -> None:
    """ctrl+s pressed before a word was written asks about an empty answer; someone who
    types on meant to answer: the question closes and every key lands in the answer."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        session, first = await at_first_answer(app, pilot)
        await burst(pilot, "ctrl+s", *"I led the migration")  # one read, as a typist sends it
        assert isinstance(app.screen, InterviewScreen)
        editor = app.screen.query_one("#answer", AnswerEditor)
        assert editor.text == "I led the migration"
        assert app.focused is editor
        await burst(pilot, "ctrl+s")
        await pilot.pause()
        assert session.answer(first)["text"] == "I led the migration"
        assert not session.answer(first)["skipped"]


async def test_a_paste_over_the_empty_answer_question_goes_into_the_answer(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        app.post_message(events.Paste("Pasted from my notes."))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.query_one("#answer", AnswerEditor).text == "Pasted from my notes."


class Host(App[str]):
    """One question, alone, as the app asks it."""

    def __init__(self, *, typing_keeps: bool) -> None:
        super().__init__()
        self.typing_keeps = typing_keeps
        self.answer: str | None = None

    def on_mount(self) -> None:
        choices = [("keep", "Keep"), ("go", "Go")]
        screen = ConfirmScreen(
            "Sure?", "It cannot be undone.", choices, typing_keeps=self.typing_keeps
        )
        self.push_screen(screen, self.answered)

    def answered(self, choice: str | None) -> None:
        self.answer = choice


async def test_typing_answers_only_a_question_that_typing_keeps() -> None:
    for typing_keeps, answer in ((False, None), (True, "keep")):
        app = Host(typing_keeps=typing_keeps)
        async with app.run_test() as pilot:
            await pilot.pause()
            await burst(pilot, *"yes")
            assert app.answer == answer
            assert isinstance(app.screen, ConfirmScreen) is (not typing_keeps)
            if typing_keeps:
                await pilot.pause()
