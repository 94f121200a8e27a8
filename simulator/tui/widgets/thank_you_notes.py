"""Thank-you note drafts in a form: one box per interviewer, following the names typed.

The boxes go by position: while a name is being typed only its label changes, so nothing
is remounted and the text stays where it was typed. A box removed because the list got
shorter keeps its text, which comes back if the list grows again before the form closes.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea


def note_label(recipient: str) -> str:
    """What a box is called: to whom the note goes."""
    return f"To {recipient}" if recipient else "To your interviewer"


class ThankYouNotes(Vertical):
    """A labelled box per recipient; ``notes`` reads them back in order."""

    DEFAULT_CSS = """
    ThankYouNotes {
        height: auto;
    }
    ThankYouNotes .thank-you-label {
        height: auto;
        margin-top: 1;
        color: $text-muted;
    }
    ThankYouNotes TextArea {
        height: auto;
        min-height: 4;
        max-height: 12;
    }
    """

    def __init__(self, placeholder: str = "", *, id: str | None = None) -> None:
        """Empty until :meth:`show` or :meth:`follow` names the recipients."""
        super().__init__(id=id)
        self.placeholder = placeholder
        """What an empty box says."""
        self.recipients: list[str] = []
        """Whom each box is for, in order ("" for an interviewer not named)."""
        self.boxes: list[TextArea] = []
        """The boxes, in the recipients' order."""
        self._labels: list[Static] = []
        self._kept: dict[int, str] = {}
        """Text of boxes removed when the list got shorter, by position."""

    def compose(self) -> ComposeResult:
        """Nothing until the recipients are known."""
        return iter(())

    def show(self, notes: Sequence[tuple[str, str]]) -> None:
        """One box per (recipient, text), each holding that text."""
        self._kept.clear()
        self.follow([recipient for recipient, _ in notes])
        self._kept.clear()
        for box, (_, text) in zip(self.boxes, notes, strict=False):
            if box.text != text:
                box.load_text(text)

    def follow(self, recipients: Sequence[str]) -> None:
        """Name the boxes after ``recipients``: relabel, add or remove boxes at the end."""
        wanted = list(recipients) or [""]
        for index, recipient in enumerate(wanted):
            if index < len(self.recipients):
                if recipient != self.recipients[index]:
                    self._labels[index].update(note_label(recipient))
                continue
            label = Static(note_label(recipient), classes="thank-you-label", markup=False)
            box = TextArea(
                self._kept.pop(index, ""),
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=self.placeholder,
                classes="thank-you-note",
            )
            self._labels.append(label)
            self.boxes.append(box)
            self.mount(label, box)
        for index in range(len(wanted), len(self.recipients)):
            box, label = self.boxes[index], self._labels[index]
            if box.text:
                self._kept[index] = box.text
            box.remove()
            label.remove()
        del self.boxes[len(wanted) :], self._labels[len(wanted) :]
        self.recipients = wanted

    def notes(self) -> list[tuple[str, str]]:
        """Each recipient with what their box holds, in order."""
        return [
            (recipient, box.text)
            for recipient, box in zip(self.recipients, self.boxes, strict=True)
        ]
