"""The eight core interviewers behave like their descriptions: each has a track, closings
for how the session went (none praising what did not happen), follow-up depth, answers to
common candidate questions, and plans whose stage titles draw what they promise."""

from __future__ import annotations

import pytest

from simulator.packs.library import Library
from simulator.packs.records import CLOSING_CASES

CORE = [
    "friendly-recruiter",
    "hiring-manager",
    "rigorous-tech-lead",
    "panel-of-three",
    "bar-raiser",
    "startup-cto",
    "industry-professional",
    "career-coach",
]
PRAISE = ("well", "great", "strong", "excellent", "lovely", "clear", "nice work")


@pytest.mark.parametrize("persona_id", CORE)
def test_every_core_interviewer_is_complete(library: Library, persona_id: str) -> None:
    entry = library.persona(persona_id)
    assert entry is not None and entry.pack_id == "core-personas"
    assert entry.usable, entry.reason
    assert not entry.notes, entry.notes
    persona = entry.persona
    assert persona.track.strip()
    assert 1 <= persona.max_follow_ups <= 3
    assert {closing.when for closing in persona.closings} == set(CLOSING_CASES)
    assert len(persona.replies) >= 5
    assert persona.unmatched_reply.strip()
    assert len(persona.transitions) >= 3


@pytest.mark.parametrize("persona_id", CORE)
def test_no_closing_praises_what_did_not_happen(library: Library, persona_id: str) -> None:
    entry = library.persona(persona_id)
    assert entry is not None
    persona = entry.persona
    said = {closing.when: closing.say.casefold() for closing in persona.closings}
    for case in ("brief", "overtime", "many-skips"):
        assert not [word for word in PRAISE if word in said[case]], (case, said[case])
    # The plain closing is used when no case applies, so it praises nothing either.
    assert not [word for word in PRAISE if word in persona.closing.casefold()], persona.closing


def test_the_bar_raiser_digs_deepest(library: Library) -> None:
    depths = {pid: library.persona(pid).persona.max_follow_ups for pid in CORE}  # type: ignore[union-attr]
    assert depths["bar-raiser"] == 3 == max(depths.values())


@pytest.mark.parametrize(
    ("persona_id", "title", "tag"),
    [
        ("startup-cto", "Why a startup", "startup"),
        ("rigorous-tech-lead", "Owning your mistakes", "mistakes"),
    ],
)
def test_stage_titles_draw_what_they_promise(
    library: Library, persona_id: str, title: str, tag: str
) -> None:
    entry = library.persona(persona_id)
    assert entry is not None
    (stage,) = [stage for stage in entry.persona.plan if stage.title == title]
    matching = library.matching(stage)
    assert len(matching) >= stage.count + 1
    assert all(tag in ref.question.tags for ref in matching), [ref.key for ref in matching]
