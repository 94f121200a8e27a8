"""What the screens where drafts are written share: the text can leave the app.

f8 copies the text box you are in to the clipboard (OSC 52, through Textual), f3 opens it
in your own editor with the app suspended and puts back what you saved, and f4 (where
thank-you notes are written) opens your mail app on a new email holding the note, after
asking. Text put back from the editor goes into the box as one edit, as if typed: undo
takes it back and the box's autosave keeps it.

A base for screens, not a screen of its own, like :mod:`simulator.tui.writing_screen`.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import TextArea

from simulator.common import locations
from simulator.services import mail_draft
from simulator.services.external_editor import EditorError, edit_text, editor_command
from simulator.tui.screens.confirm import Question, ask

# Not f2: that speaks an answer in the interview, and someone who has learnt it there may
# press it in the reflection to speak. f8 is one no browser takes for itself.
COPY_KEY = Binding("f8", "copy_draft", "Copy", id="copy-draft")
"""F8: copy the text box to the clipboard."""
EDIT_KEY = Binding("f3", "edit_draft", "Editor", id="edit-draft")
"""F3: edit the text box in $VISUAL or $EDITOR."""
MAIL_KEY = Binding("f4", "mail_draft", "Email", id="mail-draft")
"""F4: write the thank-you note as an email (the screens with notes bind it)."""

DRAFT_KEYS: list[BindingType] = [COPY_KEY, EDIT_KEY]
"""The keys of a screen with drafts, listed after its own so the footer shows them last."""

UNSHOWN_DRAFT_KEYS: list[BindingType] = [
    replace(binding, show=False) for binding in (COPY_KEY, EDIT_KEY, MAIL_KEY)
]
"""The same keys, out of a footer that has no room for them (the form says them instead)."""

NO_EDITOR = (
    "Set VISUAL or EDITOR to the editor you want (for example EDITOR=nano), then start "
    "mock-interview again to write here with it."
)
NO_SUSPEND = "Your editor cannot be opened here (in a browser, say); f8 copies the text."
NO_MAIL_APP = "No mail app took the email. f8 copies the note so you can paste it instead."


def mail_question(subject: str) -> Question:
    """Asked before the mail app opens."""
    return Question(
        "Write this note as an email?",
        f"Your mail app opens a new email with the subject \u201c{subject}\u201d and the "
        "note as its text. Nothing is sent until you send it there.",
        keep=("stay", "Not now"),
        go=("mail", "Open my mail app"),
    )


class DraftScreen(Screen[None]):
    """A screen with text boxes whose text can be copied, edited outside, or mailed; its
    subclasses bind :data:`DRAFT_KEYS` (and :data:`MAIL_KEY`)."""

    def draft_box(self) -> TextArea | None:
        """The text box the keys act on: the one you are in, else :meth:`first_box`."""
        focused = self.focused
        if isinstance(focused, TextArea) and not focused.read_only:
            return focused
        return self.first_box()

    def first_box(self) -> TextArea | None:
        """The box to act on when you are in none (None: ask to move to one)."""
        boxes = self.mail_boxes()
        return boxes[0] if boxes else None

    def mail_boxes(self) -> list[TextArea]:
        """The thank-you notes, which f4 can mail (none here; screens with notes say)."""
        return []

    def _box_or_say(self) -> TextArea | None:
        box = self.draft_box()
        if box is None:
            self.notify("Move to a text box first (tab).", markup=False, timeout=4)
        return box

    def action_copy_draft(self) -> None:
        """Copy the box's text to the clipboard."""
        box = self._box_or_say()
        if box is None:
            return
        if not box.text.strip():
            self.notify("Nothing to copy: the box is empty.", markup=False, timeout=4)
            return
        self.app.copy_to_clipboard(box.text)
        self.notify(
            "Copied to the clipboard (where the terminal lets apps set it; most do).",
            title="Copied",
            markup=False,
            timeout=5,
        )

    def action_edit_draft(self) -> None:
        """Edit the box's text in your editor, the app suspended meanwhile."""
        box = self._box_or_say()
        if box is None:
            return
        try:
            command = editor_command()
        except EditorError as error:
            self.notify(str(error), title="No editor", severity="warning", markup=False)
            return
        if command is None:
            self.notify(NO_EDITOR, title="No editor", severity="warning", markup=False)
            return
        before = box.text
        try:
            with self.app.suspend():
                # Caught in here: Textual resumes the app only when the block ends normally.
                try:
                    outcome: str | EditorError = edit_text(
                        before, command, folder=locations.cache_dir() / "editing"
                    )
                except EditorError as error:
                    outcome = error
        except SuspendNotSupported:
            self.notify(NO_SUSPEND, title="No editor", severity="warning", markup=False)
            return
        if isinstance(outcome, EditorError):
            self.notify(str(outcome), title="Not changed", severity="warning", markup=False)
        elif outcome == before:
            self.notify("No change.", markup=False, timeout=3)
        else:
            box.replace(outcome, box.document.start, box.document.end)
            box.focus()
            self.notify("The text from your editor is in the box.", markup=False, timeout=4)

    def action_mail_draft(self) -> None:
        """Ask, then open the mail app on an email holding the thank-you note."""
        boxes = self.mail_boxes()
        box = self.focused if self.focused in boxes else self.first_box()
        if not isinstance(box, TextArea):
            self.notify("There is no thank-you note here.", markup=False, timeout=4)
            return
        if not box.text.strip():
            self.notify("Write the note first: it is empty.", markup=False, timeout=4)
            return
        subject, _ = mail_draft.subject_and_body(box.text)
        url = mail_draft.mailto_url(box.text)
        ask(self.app, mail_question(subject), lambda: self.open_mail(url))

    def open_mail(self, url: str) -> None:
        """Hand the email to the browser the app is shown in, or to the desktop."""
        if self.app.is_web:
            App.open_url(self.app, url)  # Textual's own: the user's browser opens it
        else:
            self.open_mail_here(url)

    @work(thread=True, group="mail")
    def open_mail_here(self, url: str) -> None:
        """Open the mail app off the screen's thread (the desktop may take a moment)."""
        if not mail_draft.open_link(url):
            self.app.call_from_thread(
                self.notify, NO_MAIL_APP, title="Email", severity="warning", markup=False
            )
