"""Starting and resuming sessions with their failures in words (services.session_start)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.clock import FakeClock
from simulator.journal import Journal
from simulator.services.context import Context
from simulator.services.practice import JournalWriter, StartOptions
from simulator.services.session_start import CannotOpen, resume_session, start_session
from simulator.services.theme_setting import save_theme

START = 1_800_000_000.0


def test_start_resume_and_the_words_for_what_fails(home: Path) -> None:
    library = Context.create().load_library()
    persona = next(entry.persona.id for entry in library.personas if entry.usable)
    clock = FakeClock(START)
    with Journal.open() as journal:
        writer = JournalWriter(journal)
        try:
            assert resume_session(library, writer, None, clock) is None
            with pytest.raises(CannotOpen):
                start_session(library, writer, StartOptions("no-such-persona"), clock)
            practice = start_session(library, writer, StartOptions(persona), clock)
            practice.saved()
            practice.close()
            resumed = resume_session(library, writer, None, clock)
            assert resumed is not None and resumed.session.id == practice.session.id
            resumed.close()
            with pytest.raises(CannotOpen, match="This session cannot be resumed"):
                resume_session(library, writer, "no-such-session", clock)
        finally:
            writer.stop()


def test_a_theme_is_saved_only_while_it_is_still_the_one_chosen(home: Path) -> None:
    from simulator.common import locations
    from simulator.services.config import load_config

    save_theme("nord", lambda: "gruvbox")  # a newer choice came meanwhile
    assert not locations.config_file().exists()
    save_theme("nord", lambda: "nord")
    assert load_config(locations.config_file()).theme == "nord"
