"""What the content tests share: the built-in packs, loaded once as the app loads them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simulator.engine.replies import SharedPhrases, shared_phrases
from simulator.packs.library import Library
from simulator.services.context import Context


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The built-in packs through the real loader, with a temporary MOCK_INTERVIEW_HOME and
    no cache (the content tests only read it, so one load serves them all)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path_factory.mktemp("content-home")))
        yield Context.create(use_cache=False).load_library()


@pytest.fixture(scope="session")
def shared(library: Library) -> SharedPhrases:
    """The built-in personas' shared phrases, which the app matches questions with."""
    return shared_phrases(entry.persona for entry in library.personas)
