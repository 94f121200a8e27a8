"""Which interviewer runs a review of the due questions (asked from the progress screen)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from simulator.common.names import counted
from simulator.packs.library import PersonaEntry


class PersonaChooser(ModalScreen[str]):
    """Which interviewer runs the review: dismisses with a persona id, or "" on escape."""

    CSS_PATH = "../styles/progress.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="back")]

    def __init__(self, entries: Sequence[PersonaEntry], count: int) -> None:
        """Offer ``entries`` to review ``count`` due questions with."""
        super().__init__()
        self.entries = list(entries)
        """The interviewers offered, in order."""
        self.count = count
        """How many due questions the review asks."""

    def compose(self) -> ComposeResult:
        """The question and the interviewers."""
        with Vertical(id="chooser-box"):
            yield Static(
                f"Review {counted(self.count, 'due question')} with…",
                id="chooser-title",
                markup=False,
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (entry.persona.name, "bold"),
                            ("  " + entry.persona.role, "dim") if entry.persona.role else "",
                        ),
                        id=entry.persona.id,
                    )
                    for entry in self.entries
                ),
                id="chooser-list",
            )
            yield Static("enter starts · escape cancels", id="chooser-help", markup=False)

    def on_mount(self) -> None:
        """Focus the list."""
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: this interviewer."""
        self.dismiss(event.option.id or "")

    def action_cancel(self) -> None:
        """Escape: no review."""
        self.dismiss("")
