"""Helpers for the engine tests: small packs and libraries, and a session driver that
checks a snapshot round trip after every step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from simulator.engine import FakeClock, Session, SessionSnapshot
from simulator.packs import models
from simulator.packs.library import Library, LoadedPack, resolve_persona
from simulator.packs.records import Pack
from simulator.services.context import Context

START = 1_700_000_000.0


def make_pack(pack_id: str = "test-pack", **fields: Any) -> Pack:
    """A pack from plain fields (questions, personas...), validated like a real one and
    turned into the record the engine holds."""
    data: dict[str, Any] = {"format": 1, "id": pack_id, "title": pack_id.replace("-", " ")}
    data.update(fields)
    return models.Pack.model_validate(data).to_record()


def question(qid: str, **fields: Any) -> dict[str, Any]:
    """A question's fields, with a prompt made from its id."""
    return {"id": qid, "prompt": f"Question {qid}?", **fields}


def persona(pid: str = "tester", **fields: Any) -> dict[str, Any]:
    """A persona's fields, with a full plan unless one is given."""
    data: dict[str, Any] = {
        "id": pid,
        "name": "Tess",
        "role": "Tester",
        "plan": [
            {"stage": "prep"},
            {"stage": "intro"},
            {"stage": "questions", "title": "Behavioral", "count": 2, "kinds": ["behavioral"]},
            {"stage": "your-questions"},
            {"stage": "wrap-up"},
        ],
    }
    data.update(fields)
    return data


def make_library(*packs: Pack) -> Library:
    """A library holding exactly these packs, with their personas resolved."""
    library = Library(packs=[LoadedPack(p, Path(f"/test/{p.id}.yaml"), "extra") for p in packs])
    library.personas = [
        resolve_persona(library, entry, loaded.pack.id, loaded.path)
        for loaded in library.packs
        for entry in loaded.pack.personas
    ]
    return library


def with_packs(library: Library, *packs: Pack) -> Library:
    """The installed library plus some test packs."""
    return make_library(*(loaded.pack for loaded in library.packs), *packs)


def builtin_library() -> Library:
    """The built-in packs, loaded as the app does (MOCK_INTERVIEW_HOME is a temporary folder)."""
    return Context.create(use_cache=False).load_library()


def round_trip(session: Session, library: Library, clock: FakeClock) -> Session:
    """Check that the session survives JSON and restore exactly; return the restored one."""
    snapshot = session.snapshot()
    text = json.dumps(snapshot, allow_nan=False)
    loaded: SessionSnapshot = json.loads(text)
    assert loaded == snapshot
    restored = Session.restore(loaded, library, clock=clock)
    assert restored.snapshot() == snapshot
    assert restored.step() == session.step()
    if session.phase != "stages":
        assert restored.score_items() == session.score_items()
        assert restored.summary() == session.summary()
    return restored


def drive(
    session: Session,
    library: Library,
    clock: FakeClock,
    *,
    seconds: float = 30.0,
    text: str = "At my last job I led a project and as a result we cut costs by 20%.",
    score: int = 3,
) -> Session:
    """Run a whole session, answering everything, round-tripping after every step.

    Returns the (restored) session in the done phase.
    """
    guard = 0
    while session.phase == "stages":
        guard += 1
        assert guard < 1000, "the session does not end"
        step = session.step()
        if step.question is not None:
            session.begin_answer()
            session = round_trip(session, library, clock)
            clock.advance(seconds)
            session.set_answer_text(text)
            session = round_trip(session, library, clock)
            session.submit()
        elif step.stage_kind == "your-questions":
            session.add_candidate_question("What does success look like in this role?")
            session = round_trip(session, library, clock)
            session.advance()
        else:
            clock.advance(1)
            session.advance()
        session = round_trip(session, library, clock)
    assert session.phase == "self-score"
    for item in session.score_items():
        for criterion in item.rubric.criteria:
            session.score(criterion.id, score, answer_id=item.answer["id"])
        session.move_score(1)
        session = round_trip(session, library, clock)
    session.advance()
    assert session.phase == "reflection"
    session.set_reflection(went_well="Stayed calm.", topics=["caching", "caching", " "])
    session = round_trip(session, library, clock)
    session.advance()
    assert session.phase == "follow-up"
    for name in session.thank_you_recipients():
        session.set_thank_you_draft(name, f"Dear {name}, thank you.")
    session = round_trip(session, library, clock)
    session.advance()
    assert session.phase == "summary"
    session = round_trip(session, library, clock)
    session.advance()
    assert session.phase == "done"
    return round_trip(session, library, clock)
