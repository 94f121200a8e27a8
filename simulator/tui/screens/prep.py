"""Preparation: the interviewer's briefing, a checklist, and notes kept for next time."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from simulator.engine.views import stage_title
from simulator.services.practice import PREP_NOTES
from simulator.tui.persona_text import panel_members, persona_heading
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.widgets.answer_editor import AnswerEditor
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.tick_list import TickList


class PrepScreen(SessionScreen):
    """The first stage of a plan: get ready before the interviewer arrives."""

    CSS_PATH = "../styles/interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "continue", "Start the interview", priority=True, id="continue"),
    ]

    def compose(self) -> ComposeResult:
        """Briefing and checklist on the left, notes on the right."""
        yield Header()
        yield Static("", id="stage-bar", markup=False)
        with Horizontal(id="prep-body"):
            with VerticalScroll(id="briefing-box"):
                yield Static("", id="briefing", markup=False)
                yield Label("Preparation checklist (space ticks an item)")
                yield TickList(id="prep-checklist")
            with Vertical(id="notes-box"):
                yield Label("", id="notes-label", markup=False)
                yield AnswerEditor(PREP_NOTES, id="prep-notes")
        yield KeyFooter()

    def refresh_view(self) -> None:
        """Show the persona's briefing, the checklist and the saved notes."""
        session = self.practice.session
        persona = session.persona
        name = persona.name if persona else session.snapshot()["persona_name"]
        self.query_one("#stage-bar", Static).update(
            f"Preparation · interview with {name} · ctrl+s when you are ready"
        )
        parts: list[str | tuple[str, str]] = []
        if persona is not None:
            parts += [(persona_heading(persona), "bold"), "\n"]
            if persona.panel:
                parts += ["With ", panel_members(persona), "\n"]
            if persona.description:
                parts += ["\n", persona.description.strip(), "\n"]
            if persona.instructions:
                parts += ["\n", ("To prepare: ", "bold"), persona.instructions.strip(), "\n"]
        stages = [stage_title(stage) for stage in persona.plan] if persona else []
        if stages:
            parts += ["\n", ("The interview: ", "bold"), " → ".join(stages), "\n"]
        self.query_one("#briefing", Static).update(Content.assemble(*parts))
        checklist = self.query_one("#prep-checklist", TickList)
        highlighted = checklist.highlighted
        checklist.clear_options()
        checklist.add_options(
            [
                Selection(Content(item), item, ticked)
                for item, ticked in session.prep_checklist.items()
            ]
        )
        if checklist.option_count:
            # Rebuilt lists have nothing highlighted, so the first space would only highlight.
            last = checklist.option_count - 1
            checklist.highlighted = min(highlighted or 0, last)
        self.query_one("#notes-label", Label).update(
            f"Your notes (kept for your next session with {name})"
        )
        editor = self.query_one("#prep-notes", AnswerEditor)
        if editor.text != session.prep_notes:
            editor.load(PREP_NOTES, session.prep_notes)
        editor.focus()

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[str]
    ) -> None:
        """Tick or untick a checklist item."""
        item = event.selection.value
        ticked = item in event.selection_list.selected
        self.practice.session.tick_prep(item, ticked)

    def on_answer_editor_drafted(self, event: AnswerEditor.Drafted) -> None:
        """Keep the notes as they are typed."""
        self.practice.draft(event.slot, event.text)

    def collect_typed_text(self) -> None:
        """The notes being typed go into the session now."""
        editor = self.query_one("#prep-notes", AnswerEditor)
        editor.cancel()
        self.practice.session.set_prep_notes(editor.text)

    def action_continue(self) -> None:
        """On to the interview."""
        editor = self.query_one("#prep-notes", AnswerEditor)
        editor.cancel()
        with self.practice.typing():  # saved with the step, in one snapshot
            self.practice.session.set_prep_notes(editor.text)
        self.practice.session.advance()
        self.changed()
