"""The interview itself: greeting, pitch, questions with follow-ups, your questions, wrap-up."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from simulator.engine.turns import (
    after_answer,
    can_clarify,
    can_skip,
    hand_in_empty,
    has_more_hints,
    is_follow_up,
)
from simulator.engine.views import Step
from simulator.services.practice import YOUR_QUESTION, Practice, answer_slot
from simulator.tui.autosave import Autosave
from simulator.tui.notices import clear_stale_notices
from simulator.tui.screens.confirm import Question, ask
from simulator.tui.voice_answer import VoiceAnswerScreen
from simulator.tui.widgets.answer_editor import AnswerEditor
from simulator.tui.widgets.conversation import Conversation
from simulator.tui.widgets.countdown import Countdown
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.recording_bar import RecordingBar
from simulator.tui.widgets.tick_list import TickList

EMPTY_ANSWER = Question(
    "Submit an empty answer?",
    "Nothing is written for this question yet. It will be recorded as skipped.",
    keep=("keep", "Keep answering"),
    go=("skip", "Record as skipped"),
    typing_keeps=True,
)
"""Asked before an empty answer is handed in; typing goes on with the answer."""


def conversation(step: Step, asides: list[tuple[str, str]]) -> Content:
    """What the interviewer has said on this step, with clarifications and hints asked for."""
    speaker = step.speaker + (f" · {step.speaker_role}" if step.speaker_role else "")
    parts: list[str | tuple[str, str]] = [(speaker, "bold $accent"), "\n"]
    if step.line:
        parts += [step.line.strip(), "\n"]
    question = step.question
    if question is not None:
        if question.parent_prompt and is_follow_up(question):
            parts += [("Following up on: ", "dim italic"), (question.parent_prompt.strip(), "dim")]
            parts += ["\n"]
        parts += ["\n", (question.prompt.strip(), "bold"), "\n"]
        if not question.installed:
            parts += [("(This question's pack is no longer installed.)", "dim italic"), "\n"]
    for label, text in asides:
        parts += ["\n", (f"{label}: ", "italic $secondary"), text.strip(), "\n"]
    return Content.assemble(*parts)


def asked_and_answered(question: str, reply: str, speaker: str) -> Content:
    """One of the candidate's questions, with the interviewer's reply under it."""
    parts: list[str | tuple[str, str]] = [("You: ", "bold"), question.strip()]
    if reply.strip():
        parts += ["\n", (f"{speaker}: ", "bold $accent"), reply.strip()]
    return Content.assemble(*parts)


class InterviewScreen(VoiceAnswerScreen):
    """Every stage of the plan after prep, one step at a time."""

    CSS_PATH = "../styles/interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Submit", priority=True, id="submit"),
        # The same id as submit: Textual moves every binding of a key a keymap moves.
        Binding("ctrl+s", "continue", "Continue", priority=True, id="submit"),
        Binding("ctrl+r", "clarify", "Clarify", priority=True, id="clarify"),
        # A browser keeps ctrl+t and ctrl+n for itself (mock-interview serve).
        Binding("ctrl+t,ctrl+g", "hint", "Hint", priority=True, id="hint"),
        Binding("ctrl+n,ctrl+f", "skip", "Skip", priority=True, id="skip"),
        Binding("delete", "remove_question", "Remove question", show=False, id="remove-question"),
    ]

    def __init__(self, practice: Practice) -> None:
        super().__init__(practice)
        self.answer_id: str | None = None
        """The answer on screen; when it changes, the editor is reloaded."""
        self.asides: list[tuple[str, str]] = []
        """Clarifications and hints shown for the current answer."""
        self.showing_suggestions = False
        """Whether the suggested candidate questions are shown (your-questions stage)."""
        self.stage_index = -1
        self._step: Step | None = None
        self.question_autosave = Autosave(self, self.keep_question)
        """Keeps a half-typed question of the candidate's as a draft."""

    def compose(self) -> ComposeResult:
        """The stage bar, the conversation, and the answer area."""
        yield Header()
        with Horizontal(id="stage-row"):
            yield Static("", id="stage-bar", markup=False)
            yield Countdown("", id="countdown")
        with Conversation(id="conversation-box"):
            yield Static("", id="conversation", markup=False)
        with Horizontal(id="answer-row"):
            yield AnswerEditor(id="answer")
            with Vertical(id="drill-box"):
                yield Label("Checklist (space ticks)")
                yield TickList(id="drill-checklist")
        yield RecordingBar("", id="recording-bar", markup=False)
        with VerticalScroll(id="your-questions-box"):
            yield Input(placeholder="Type a question for the interviewer, then enter", id="ask")
            yield OptionList(id="asked")
            yield Static("", id="suggestions", markup=False)
        yield Static("", id="help-line", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the current step and keep the timer moving."""
        self.set_interval(0.25, self.update_timer)

    # --- showing -----------------------------------------------------------------------

    @property
    def step(self) -> Step:
        """The step on screen: read once per redraw, so that the keys' checks between two
        changes need not read it again."""
        if self._step is None:
            self._step = self.practice.session.step()
        return self._step

    def enter_step(self) -> None:
        """A question shown for the first time starts its timer now, and is saved so."""
        session = self.practice.session
        current = session.current_answer()
        if current is not None and current["started_at"] is None:
            session.begin_answer()

    def refresh_view(self) -> None:
        """Redraw for the session's current step."""
        step = self._step = self.practice.session.step()
        if step.stage_index != self.stage_index:
            self.stage_index = step.stage_index
            self.showing_suggestions = False
        kind = step.stage_kind
        answering = step.question is not None
        bar = step.stage_title + (f" · {step.progress}" if step.progress else "")
        self.query_one("#stage-bar", Static).update(bar)
        question = step.question
        if question is not None and question.answer_id != self.answer_id:
            self.answer_id = question.answer_id
            self.scroll_conversation(to_end=False)  # a new question is read from its top
            clear_stale_notices(self.app)  # notices about the last answer are done with
            self.asides = [("Hint", hint) for hint in question.hints_shown]
            editor = self.query_one("#answer", AnswerEditor)
            editor.load(answer_slot(question.answer_id), question.text)
        if question is None:
            self.answer_id = None
            self.asides = []
        self.query_one("#conversation", Static).update(conversation(step, self.asides))
        self.query_one("#countdown").display = answering
        self.query_one("#answer-row").display = answering
        drills = question.checklist if question is not None else {}
        self.query_one("#drill-box").display = bool(drills)
        if drills:
            checklist = self.query_one("#drill-checklist", TickList)
            checklist.clear_options()
            checklist.add_options(
                [Selection(Content(item), item, ticked) for item, ticked in drills.items()]
            )
            checklist.highlighted = 0
        asking = kind == "your-questions"
        self.query_one("#your-questions-box").display = asking
        if asking:
            ask_box = self.query_one("#ask", Input)
            if not ask_box.value and self.practice.your_question:
                ask_box.value = self.practice.your_question  # half-typed before a restart
            self.show_your_questions(step.speaker)
        self.query_one("#help-line", Static).update(self.help_line(step))
        self.update_timer()
        self.refresh_bindings()
        if answering:
            self.query_one("#answer", AnswerEditor).focus()
        elif asking and not self.showing_suggestions:
            self.query_one("#ask", Input).focus()
        self.voice_shown(step, self.asides)

    def scroll_conversation(self, *, to_end: bool) -> None:
        """Once the new text is laid out, show its end (what was just said) or its top."""
        box = self.query_one(Conversation)
        if to_end:
            box.call_after_refresh(box.scroll_end, animate=False, immediate=True)
        else:
            box.call_after_refresh(box.scroll_home, animate=False, immediate=True)

    def help_line(self, step: Step) -> str:
        """One line saying what to do now."""
        if step.question is not None:
            if step.question.source == "pitch":
                return "Give your elevator pitch. ctrl+s when you are done."
            return "Type your answer; it is saved as you go. ctrl+s submits."
        if step.stage_kind == "your-questions":
            if self.showing_suggestions:
                return "Questions you could also ask are shown above. ctrl+s to go on."
            return "Ask what you want to know; enter adds each question. ctrl+s when done."
        if step.last_stage:
            return "ctrl+s ends the interview and starts your self-scoring."
        return "ctrl+s to continue."

    def show_your_questions(self, speaker: str) -> None:
        """The candidate's questions with ``speaker``'s replies, and afterwards the
        suggested ones for comparison."""
        session = self.practice.session
        asked = self.query_one("#asked", OptionList)
        asked.clear_options()
        asked.add_options(
            [
                Option(asked_and_answered(text, reply, speaker))
                for text, reply in zip(
                    session.candidate_questions, session.candidate_replies, strict=False
                )
            ]
        )
        asked.display = bool(session.candidate_questions)
        suggestions = self.query_one("#suggestions", Static)
        suggestions.display = self.showing_suggestions
        if self.showing_suggestions:
            parts: list[str | tuple[str, str]] = [("Questions you could also ask:", "bold")]
            for text in session.suggested_candidate_questions():
                parts += ["\n• ", text]
            suggestions.update(Content.assemble(*parts))

    def update_timer(self) -> None:
        """Move the countdown on."""
        session = self.practice.session
        if session.phase != "stages" or session.current_answer() is None:
            return
        self.query_one("#countdown", Countdown).show(
            session.remaining(), session.overtime(), session.time_state(), True
        )

    # --- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that apply to this step appear and work."""
        session = self.practice.session
        if session.phase != "stages":
            return action not in {"submit", "continue", "clarify", "hint", "skip", "speak"}
        step = self.step
        question = step.question
        if action in ("submit", "speak"):
            return question is not None
        if action == "skip":
            return question is not None and can_skip(question)
        if action == "clarify":
            return question is not None and can_clarify(question)
        if action == "hint":
            return question is not None and has_more_hints(question)
        if action == "continue":
            return question is None
        if action == "remove_question":
            return step.stage_kind == "your-questions"
        return True

    def collect_typed_text(self) -> None:
        """The answer being typed goes into the session now, a question being typed into
        its draft."""
        if self.practice.session.current_answer() is not None:
            self.take_editor_text()
        self.question_autosave.flush()

    def take_editor_text(self) -> None:
        """Put the editor's text into the answer now (before submitting or skipping)."""
        editor = self.query_one("#answer", AnswerEditor)
        editor.cancel()
        session = self.practice.session
        current = session.current_answer()
        if current is not None and editor.text != current["text"]:
            session.set_answer_text(editor.text)

    def action_submit(self) -> None:
        """Hand in the answer; the interviewer may follow up. An empty answer is asked
        about first: it would be recorded as skipped."""
        if self.voice_holds_step():
            return
        self.take_editor_text()
        session = self.practice.session
        current = session.current_answer()
        if current is not None and not current["text"].strip():
            self.confirm_empty_answer(current["id"])
            return
        session.submit()
        self.finish_step()

    def confirm_empty_answer(self, answer_id: str) -> None:
        """Ask before an empty answer is handed in; yes records it as skipped."""

        def current_text() -> str | None:
            # None when the question moved on meanwhile (time ran out, another window).
            current = self.practice.session.current_answer()
            return current["text"] if current is not None and current["id"] == answer_id else None

        def keep() -> None:
            if current_text() is not None:
                self.query_one("#answer", AnswerEditor).focus()

        def typed(text: str) -> None:
            # Into this question's answer only: if it has moved on, the text would land in
            # the next one's.
            if current_text() is not None:
                editor = self.query_one("#answer", AnswerEditor)
                editor.focus()
                editor.insert(text)

        def record_skipped() -> None:
            text = current_text()
            if text is None or text.strip():
                keep()
                return
            hand_in_empty(self.practice.session)
            self.notify("Recorded as skipped.")
            self.finish_step()

        ask(self.app, EMPTY_ANSWER, record_skipped, keep, typed)

    def action_skip(self) -> None:
        """Skip this question (recorded as skipped)."""
        if self.voice_holds_step():
            return
        self.take_editor_text()
        self.practice.session.skip()
        self.finish_step()

    def finish_step(self) -> None:
        """After an answer: on to the next stage when this one has nothing left."""
        after_answer(self.practice.session)
        self.changed()

    def action_continue(self) -> None:
        """Go on: to the next stage, or after the questions to the suggestions first."""
        session = self.practice.session
        step = session.step()
        if step.stage_kind == "your-questions":
            pending = self.query_one("#ask", Input).value.strip()
            if pending:
                self.add_question(pending)
            if not self.showing_suggestions and session.suggested_candidate_questions():
                self.showing_suggestions = True
                self.refresh_view()
                return
        session.advance()
        self.changed()

    def action_clarify(self) -> None:
        """Ask the interviewer to clarify (recorded)."""
        self.take_editor_text()
        text = self.practice.session.ask_clarification()
        self.asides.append(("Clarification", text))
        self.refresh_view()
        self.scroll_conversation(to_end=True)

    def action_hint(self) -> None:
        """Show the next hint (recorded)."""
        self.take_editor_text()
        hint = self.practice.session.show_next_hint()
        if hint is None:
            self.notify("There are no more hints for this question.")
            return
        self.asides.append(("Hint", hint))
        self.refresh_view()
        self.scroll_conversation(to_end=True)

    def on_answer_editor_drafted(self, event: AnswerEditor.Drafted) -> None:
        """Keep the answer as it is typed."""
        current = self.practice.session.current_answer()
        if current is not None and event.slot == answer_slot(current["id"]):
            self.practice.draft(event.slot, event.text)

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[str]
    ) -> None:
        """Tick a drill's checklist item."""
        item = event.selection.value
        self.practice.session.tick(item, item in event.selection_list.selected)

    # --- your questions ------------------------------------------------------------------

    def add_question(self, text: str) -> None:
        """Record one of the candidate's questions."""
        self.practice.session.add_candidate_question(text)
        self.query_one("#ask", Input).value = ""
        self.question_autosave.cancel()
        self.practice.draft(YOUR_QUESTION, "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter adds the typed question."""
        if event.value.strip():
            self.add_question(event.value)
            self.refresh_view()
            # The interviewer's reply to it is the newest line: keep it in view.
            asked = self.query_one("#asked", OptionList)
            asked.call_after_refresh(asked.scroll_end, animate=False, immediate=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Keep a half-typed question safe, as typing goes on."""
        if event.input.id == "ask":
            self.question_autosave.changed()

    def keep_question(self) -> None:
        """Keep the question being typed as a draft now."""
        self.question_autosave.cancel()
        self.practice.draft(YOUR_QUESTION, self.query_one("#ask", Input).value)

    def action_remove_question(self) -> None:
        """Remove the highlighted question of yours."""
        asked = self.query_one("#asked", OptionList)
        if asked.highlighted is None:
            return
        self.practice.session.remove_candidate_question(asked.highlighted)
        self.refresh_view()
