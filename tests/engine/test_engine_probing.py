"""Interviewers who dig: over many seeded sessions with the built-in bar raiser, persona
probes are asked, answers draw chains of up to three follow-ups, and weak answers draw
deeper chains than strong ones (issue 15's acceptance)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engine_helpers import START, builtin_library

from simulator.engine import FakeClock, Session, probing
from simulator.packs.library import Library

SESSIONS = 200

WEAK = "I handled it."
STRONG = (
    "When our checkout failed for 3% of users last spring, I led the fix as the on-call "
    "engineer. I split the traffic by device, found the payment library update that broke "
    "older phones, rolled it back within 40 minutes and added a test on those devices. "
    "As a result failures fell to 0.1% and we recovered about 12,000 pounds of orders that "
    "week; the team now checks device coverage before every release."
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path_factory.mktemp("probing-home")))
        yield builtin_library()


def chains(library: Library, seed: int, answer: str) -> list[list[str]]:
    """Run the bar raiser's interview answering every question with ``answer``; return each
    drawn question's chain of sources (question, then its follow-ups in order)."""
    entry = library.persona("bar-raiser")
    assert entry is not None and entry.usable, entry
    clock = FakeClock(START)
    session = Session.start(library, entry, seed=seed, clock=clock)
    guard = 0
    while session.phase == "stages":
        guard += 1
        assert guard < 500
        step = session.step()
        if step.question is not None:
            session.begin_answer()
            clock.advance(60)
            session.set_answer_text(answer)
            session.submit()
        else:
            clock.advance(5)
            session.advance()
    answers = session.answers
    roots: dict[str, list[str]] = {}
    for item in answers:
        chain = probing.chain_of(answers, item)
        roots.setdefault(chain[0]["id"], [a["source"] for a in chain])
        if len(chain) > len(roots[chain[0]["id"]]):
            roots[chain[0]["id"]] = [a["source"] for a in chain]
    return [sources for sources in roots.values() if sources[0] == "question"]


def depths(found: list[list[str]]) -> list[int]:
    return [len(sources) - 1 for sources in found]


def test_the_bar_raiser_digs_up_to_three_deep(library: Library) -> None:
    entry = library.persona("bar-raiser")
    assert entry is not None and entry.persona.max_follow_ups == 3
    weak = [chain for seed in range(SESSIONS) for chain in chains(library, seed, WEAK)]
    strong = [chain for seed in range(SESSIONS) for chain in chains(library, seed, STRONG)]
    weak_depths, strong_depths = depths(weak), depths(strong)
    assert max(weak_depths) == 3  # three levels are reached...
    assert max(weak_depths + strong_depths) <= 3  # ...and never more
    # Persona probes are asked, as well as the questions' own follow-ups.
    sources = {source for chain in weak + strong for source in chain[1:]}
    assert {"probe", "follow-up"} <= sources
    # Weak answers draw deeper chains than strong ones.
    mean_weak = sum(weak_depths) / len(weak_depths)
    mean_strong = sum(strong_depths) / len(strong_depths)
    assert mean_weak > mean_strong * 1.3, (mean_weak, mean_strong)
    deep_weak = sum(1 for depth in weak_depths if depth >= 2) / len(weak_depths)
    deep_strong = sum(1 for depth in strong_depths if depth >= 2) / len(strong_depths)
    assert deep_weak > deep_strong


def test_the_same_seed_digs_the_same_way(library: Library) -> None:
    assert chains(library, 7, WEAK) == chains(library, 7, WEAK)
