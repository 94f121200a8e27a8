"""Whole seeded sessions with the interviewer of each role-track pack, on the real packs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engine_helpers import START, builtin_library, drive

from simulator.engine import FakeClock, Session
from simulator.packs.library import Library, PersonaEntry

TRACK_PACKS = [
    "cybersecurity",
    "data-analytics",
    "digital-marketing",
    "it-support",
    "nursing",
    "project-management",
    "teaching",
    "ux-design",
]
SEEDS = [1, 7, 23, 58, 314]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path_factory.mktemp("tracks-home")))
        yield builtin_library()


def track_persona(library: Library, pack_id: str) -> PersonaEntry:
    entries = [entry for entry in library.personas if entry.pack_id == pack_id]
    assert len(entries) == 1, f"pack {pack_id} should hold exactly one interviewer"
    (entry,) = entries
    assert entry.usable, entry.reason
    return entry


def drawn_keys(session: Session, entry: PersonaEntry) -> list[tuple[str, str]]:
    return [ref.key for index in range(len(entry.persona.plan)) for ref in session.drawn(index)]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("pack_id", TRACK_PACKS)
def test_whole_session_never_runs_short(library: Library, pack_id: str, seed: int) -> None:
    entry = track_persona(library, pack_id)
    clock = FakeClock(START)
    session = Session.start(library, entry, seed=seed, clock=clock)
    planned = 0
    for index, stage in enumerate(entry.persona.plan):
        if stage.stage == "questions":
            refs = session.drawn(index)
            assert len(refs) == stage.count, f"{stage.title} ran out of questions"
            assert all(ref.pack.id == pack_id for ref in refs), stage.title
            planned += stage.count
    keys = drawn_keys(session, entry)
    assert len(keys) == len(set(keys)) == planned, "no question is asked twice"

    session = drive(session, library, clock, text="I checked the logs first; it took 20 min.")
    asked = [answer for answer in session.answers if answer["source"] == "question"]
    assert [(a["pack_id"], a["question_id"]) for a in asked] == keys
    extra = [a for a in session.answers if a["source"] in ("follow-up", "probe")]
    assert len(extra) <= planned * entry.persona.max_follow_ups


@pytest.mark.parametrize("pack_id", TRACK_PACKS)
def test_seeds_vary_the_questions(library: Library, pack_id: str) -> None:
    entry = track_persona(library, pack_id)

    def keys(seed: int) -> tuple[tuple[str, str], ...]:
        session = Session.start(library, entry, seed=seed, clock=FakeClock(START))
        return tuple(drawn_keys(session, entry))

    assert keys(SEEDS[0]) == keys(SEEDS[0])
    assert len({keys(seed) for seed in SEEDS}) > 1
