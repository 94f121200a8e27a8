"""The reflection log: what went well, what to say differently, notes, and topics to learn.

Free text autosaves as drafts once typing pauses (and when the screen is left); topics are
added one at a time and go to the study list when the session is saved.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from simulator.services.practice import Practice, reflection_slot
from simulator.tui.widgets.draft_area import DraftArea
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.writing_screen import WritingScreen

PROMPTS: tuple[tuple[str, str, str], ...] = (
    ("went_well", "What went well?", "An answer you were happy with, a moment that clicked…"),
    (
        "say_differently",
        "What would you say differently?",
        "The answer you would give now, a story you would tell instead…",
    ),
    (
        "interviewer_notes",
        "Notes on the interviewer",
        "What they cared about, how they asked, what to expect next time…",
    ),
)
"""The guided prompts: (reflection field, question, placeholder)."""


class TopicList(OptionList):
    """The topics to learn; delete removes the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "delete,backspace",
            "screen.remove_topic",
            "Remove topic",
            key_display="del",
            id="remove-topic",
        ),
    ]


class ReflectionScreen(WritingScreen):
    """Guided reflection after scoring."""

    CSS_PATH = "../styles/reflection.tcss"

    def __init__(self, practice: Practice) -> None:
        super().__init__(practice)
        self._shown_topics: list[str] = []

    def compose(self) -> ComposeResult:
        """Three free-text prompts, and the topics beside them."""
        reflection = self.practice.session.reflection
        texts = {
            "went_well": reflection["went_well"],
            "say_differently": reflection["say_differently"],
            "interviewer_notes": reflection["interviewer_notes"],
        }
        yield Header()
        yield Static(
            Content.assemble(
                ("Reflection", "bold"),
                ("  ·  tab moves between the boxes; what you type is saved as you go", "dim"),
            ),
            id="reflection-heading",
            markup=False,
        )
        with Horizontal(id="reflection-body"):
            with VerticalScroll(id="reflection-prompts") as prompts:
                prompts.can_focus = False  # tab goes from box to box
                for field, question, placeholder in PROMPTS:
                    yield Static(
                        Content.assemble((question, "bold")),
                        classes="prompt-label",
                        markup=False,
                    )
                    yield DraftArea(
                        texts[field],
                        save=self.saving_to(reflection_slot(field)),
                        keep=self.keeping(partial(self.keep_text, field)),
                        placeholder=placeholder,
                        id=f"reflection-{field.replace('_', '-')}",
                        classes="prompt-area",
                    )
            with Vertical(id="reflection-topics"):
                yield Static(
                    Content.assemble(("Topics to learn", "bold")),
                    classes="prompt-label",
                    markup=False,
                )
                yield Input(placeholder="A topic, then enter", id="topic-input")
                yield TopicList(id="topic-list")
                yield Static(
                    Content.assemble(
                        ("They go to your study list. ", "dim"),
                        ("del", "bold dim"),
                        (" removes the highlighted one.", "dim"),
                    ),
                    id="topic-hint",
                    markup=False,
                )
        yield KeyFooter(compact=True, show_command_palette=False)

    def keep_text(self, field: str, text: str) -> None:
        """Put one prompt's text into the session's reflection."""
        self.practice.session.set_reflection(**{field: text})

    def refresh_view(self) -> None:
        """Show the topics (the free text is the editors' own)."""
        topics = self.practice.session.reflection["topics"]
        if topics == self._shown_topics:
            return
        options = self.query_one(TopicList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(Content(topic)) for topic in topics])
        if topics:
            options.highlighted = min(highlighted or 0, len(topics) - 1)
        self._shown_topics = list(topics)

    def save_drafts(self) -> None:
        """Save whatever was typed and not saved yet, a topic still in its box included."""
        super().save_drafts()
        topic_input = self.query_one("#topic-input", Input)
        if topic_input.value.strip():
            self.practice.session.add_topic(topic_input.value)
            topic_input.value = ""

    # --- topics --------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the topic box adds the topic."""
        if event.input.id != "topic-input":
            return
        topic = event.value.strip()
        if not topic:
            return
        if topic in self.practice.session.reflection["topics"]:
            self.notify("That topic is already on the list.", timeout=3)
        self.practice.session.add_topic(topic)
        event.input.value = ""
        self.refresh_view()

    def action_remove_topic(self) -> None:
        """Remove the highlighted topic."""
        options = self.query_one(TopicList)
        index = options.highlighted
        topics = self.practice.session.reflection["topics"]
        if index is None or not 0 <= index < len(topics):
            return
        self.practice.session.remove_topic(topics[index])
        self.refresh_view()
