"""What the real-interview screens (the list and the form) share besides the journal:
"Practise this again", which turns a logged interview's questions into a personal pack.

A base for screens, not a screen of its own: it lives beside the app's modules rather than
in ``screens/``, whose every class is one the user sees."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message
from textual.screen import Screen

from simulator.journal.models import RealInterview
from simulator.services.personal_pack import PersonalPack, PersonalPackError, write_personal_pack
from simulator.tui.host import app_host
from simulator.tui.screens.journal_list import JournalScreen


@dataclass
class PackWritten(Message):
    """A "Practise this again" pack was written (or could not be)."""

    pack: PersonalPack | None
    """What was written."""
    error: str = ""
    """Why nothing was written."""


class PracticePackScreen(JournalScreen, Screen[None]):
    """A screen over the journal that can make a logged interview's practice pack."""

    @work(thread=True, group="personal-pack")
    def practise_again(self, interview: RealInterview) -> None:
        """Write the interview's questions as a personal pack, off the screen's thread."""
        try:
            pack = write_personal_pack(interview)
        except PersonalPackError as error:
            self.post_message(PackWritten(None, str(error)))
        else:
            self.post_message(PackWritten(pack))

    def on_pack_written(self, message: PackWritten) -> None:
        """Say where the pack is and how to practise it; load it into the app."""
        if message.pack is None:
            self.notify(message.error, title="No pack written", severity="error", markup=False)
            return
        pack = message.pack
        self.notify(
            f"{pack.questions} question(s) are in {pack.path}. Pick the interviewer "
            f"'{pack.pack_id}-interviewer' on the home screen to practise them.",
            title="Practice pack updated" if pack.replaced else "Practice pack written",
            markup=False,
            timeout=10,
        )
        host = app_host(self.app)
        if host is not None:
            host.load_packs()
