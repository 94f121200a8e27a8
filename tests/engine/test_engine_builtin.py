"""Whole sessions with every built-in persona, on the real installed packs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engine_helpers import (
    START,
    builtin_library,
    drive,
    make_pack,
    persona,
    round_trip,
    with_packs,
)

from simulator.engine import FakeClock, Session, probing
from simulator.engine.followup import DAY, HOUR
from simulator.packs.library import Library, PersonaEntry

BUILTIN_IDS = [
    "friendly-recruiter",
    "hiring-manager",
    "rigorous-tech-lead",
    "panel-of-three",
    "bar-raiser",
    "startup-cto",
    "industry-professional",
    "career-coach",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOCK_INTERVIEW_HOME", str(tmp_path_factory.mktemp("builtin-home")))
        yield builtin_library()


def entry_or_skip(library: Library, persona_id: str) -> PersonaEntry:
    entry = library.persona(persona_id)
    assert entry is not None, f"built-in persona {persona_id} is missing"
    assert entry.usable, f"persona {persona_id} cannot be started: {entry.reason}"
    return entry


def test_builtin_packs_load(library: Library) -> None:
    assert library.errors == []
    assert any(entry.usable for entry in library.personas)


def check_whole_session(library: Library, entry: PersonaEntry, seed: int) -> Session:
    clock = FakeClock(START)
    session = Session.start(library, entry, seed=seed, clock=clock)
    plan = entry.persona.plan
    # Drawing: each questions stage draws its count, or all it can.
    drawn_total = 0
    for index, stage in enumerate(plan):
        if stage.stage == "questions":
            drawn = session.drawn(index)
            available = len(library.matching(stage))
            assert 1 <= len(drawn) <= stage.count
            assert len(drawn) == stage.count or available < stage.count + drawn_total
            drawn_total += len(drawn)
    keys = [ref.key for index in range(len(plan)) for ref in session.drawn(index)]
    assert len(keys) == len(set(keys))
    # Stages are visited in plan order.
    visited: list[str] = []
    seen_index = -1

    def record(s: Session) -> None:
        nonlocal seen_index
        if s.phase == "stages" and s.stage_index != seen_index:
            seen_index = s.stage_index
            visited.append(s.step().stage_kind)

    record(session)
    guard = 0
    while session.phase == "stages":
        guard += 1
        assert guard < 500
        step = session.step()
        if step.question is not None:
            assert step.question.prompt
            assert step.line is not None
            session.begin_answer()
            clock.advance(step.question.time_limit + 5)  # every answer runs 5 s over
            assert session.time_state() == "red"
            session.set_answer_text(
                "When I was at Acme I decided to measure it; we cut it by 20%."
            )
            session.submit()
        else:
            if step.stage_kind == "your-questions":
                session.add_candidate_question("How will you measure success in this role?")
            clock.advance(10)
            session.advance()
        session = round_trip(session, library, clock)
        record(session)
    assert visited == [stage.stage for stage in plan]
    end = session.snapshot()["finished_at"]
    assert end == clock.now()
    # Timing: every answer ran 5 s over and was kept whole.
    answers = session.answers
    assert answers and all(a["time_used"] == a["time_limit"] + 5 for a in answers)
    # Follow-ups: each follows the answer just before it, in a chain from a question no
    # longer than the persona's max_follow_ups, scored with the question's rubric.
    parents = [a["parent_id"] for a in answers if a["source"] in ("follow-up", "probe")]
    assert len(parents) == len(set(parents))
    for position, a in enumerate(answers):
        if a["parent_id"] is not None:
            assert answers[position - 1]["id"] == a["parent_id"]
            chain = probing.chain_of(answers, a)
            assert chain[0]["source"] == "question"
            assert 2 <= len(chain) <= entry.persona.max_follow_ups + 1
            assert a["rubric_id"] == chain[0]["rubric_id"]
    # Scoring: every answer gets a rubric; score everything 4.
    items = session.score_items()
    assert len(items) == len(answers)
    for item in items:
        assert 1 <= len(item.rubric.criteria) <= 8
        for criterion in item.rubric.criteria:
            session.score(criterion.id, 4, answer_id=item.answer["id"])
    session = round_trip(session, library, clock)
    summary = session.summary()
    assert summary.scores.overall == 4
    assert summary.overtime_answers == len(answers)
    # The follow-up plan.
    reminders = session.reminders
    recipients = session.thank_you_recipients()
    thank_yous = [r for r in reminders if r["kind"] == "thank-you"]
    assert [r["recipient"] for r in thank_yous] == recipients
    assert all(r["due_at"] == end + 24 * HOUR for r in thank_yous)
    rest = [r["due_at"] - end for r in reminders if r["kind"] != "thank-you"]
    assert rest == [7 * DAY, 21 * DAY, 35 * DAY, 49 * DAY, 63 * DAY]
    return drive_rest(session, library, clock)


def drive_rest(session: Session, library: Library, clock: FakeClock) -> Session:
    session.advance()
    session.set_reflection(went_well="Clear stories.", topics=["metrics"])
    session.advance()
    for name in session.thank_you_recipients():
        session.set_thank_you_draft(name, f"Dear {name},\n\nThank you for your time.")
    session.advance()
    session.advance()
    assert session.phase == "done"
    return round_trip(session, library, clock)


@pytest.mark.parametrize("persona_id", BUILTIN_IDS)
def test_whole_session_with_builtin_persona(library: Library, persona_id: str) -> None:
    entry = entry_or_skip(library, persona_id)
    check_whole_session(library, entry, seed=11)


def test_every_usable_installed_persona_runs(library: Library) -> None:
    usable = [entry for entry in library.personas if entry.usable]
    assert usable
    for entry in usable:
        check_whole_session(library, entry, seed=3)


def test_same_seed_same_questions_with_builtins(library: Library) -> None:
    entry = entry_or_skip(library, "friendly-recruiter")

    def drawn(seed: int) -> list[tuple[str, str]]:
        session = Session.start(library, entry, seed=seed, clock=FakeClock(START))
        return [
            ref.key for index in range(len(entry.persona.plan)) for ref in session.drawn(index)
        ]

    assert drawn(5) == drawn(5)
    assert len({tuple(drawn(seed)) for seed in range(10)}) > 1


def test_informational_persona_with_a_pitch(library: Library) -> None:
    entry = entry_or_skip(library, "industry-professional")
    plan = [stage.stage for stage in entry.persona.plan]
    assert "pitch" in plan
    clock = FakeClock(START)
    session = Session.start(library, entry, seed=2, clock=clock)
    while session.step().stage_kind != "pitch":
        session.advance()
    step = session.step()
    assert step.question is not None and step.question.source == "pitch"
    pitch_stage = entry.persona.plan[plan.index("pitch")]
    assert step.question.time_limit == (pitch_stage.time_limit or 60)
    session.begin_answer()
    clock.advance(45)
    session.set_answer_text("I'm a nurse moving into health-tech product work.")
    assert session.submit() is None
    session = round_trip(session, library, clock)
    session.end_interview()
    (item,) = session.score_items()
    assert item.answer["source"] == "pitch"
    assert item.rubric.criteria


def test_follow_up_drill_persona(library: Library) -> None:
    entry = entry_or_skip(library, "career-coach")
    clock = FakeClock(START)
    session = Session.start(library, entry, seed=4, clock=clock)
    kinds = {ref.kind for index in range(len(entry.persona.plan)) for ref in session.drawn(index)}
    assert "follow-up" in kinds
    while session.phase == "stages":
        view = session.current_question()
        if view is None:
            session.advance()
            continue
        if view.checklist:
            session.tick(next(iter(view.checklist)))
        session.set_answer_text("Subject: Thank you\n\nDear Sam, thank you for the chat.")
        session.submit()
    drills = [item for item in session.score_items() if item.answer["checklist"]]
    assert drills, "the drills have checklists"
    assert any(any(item.answer["checklist"].values()) for item in drills)
    round_trip(session, library, clock)


def test_panel_persona_thanks_each_member(library: Library) -> None:
    entry = entry_or_skip(library, "panel-of-three")
    assert entry.persona.panel is not None
    names = [member.name for member in entry.persona.panel]
    session = Session.start(library, entry, seed=1, clock=FakeClock(START))
    assert session.persona is not None
    while session.phase == "stages":
        step = session.step()
        if step.question is None:
            session.advance()
            continue
        stage = entry.persona.plan[step.stage_index]
        assert step.speaker in names
        if stage.title and any(name.split()[0] in stage.title for name in names):
            assert step.speaker.split()[0] in stage.title
        session.submit()
    assert session.thank_you_recipients() == names
    assert list(session.thank_you_drafts) == names


@pytest.mark.parametrize("rate", [0.0, 1.0])
def test_builtin_questions_with_fixed_follow_up_rate(library: Library, rate: float) -> None:
    """A test persona drawing from the built-in packs, asking follow-ups always or never."""
    extra = make_pack(
        "test-personas",
        personas=[
            persona(
                "always-or-never",
                follow_up_rate=rate,
                probes=["Can you be more specific?"],
                plan=[
                    {"stage": "questions", "count": 4, "kinds": ["behavioral"]},
                    {"stage": "questions", "count": 3, "kinds": ["technical"]},
                ],
            )
        ],
    )
    combined = with_packs(library, extra)
    clock = FakeClock(START)
    session = Session.start(combined, "always-or-never", seed=9, clock=clock)
    session = drive(session, combined, clock)
    questions = [a for a in session.answers if a["source"] == "question"]
    follow_ups = [a for a in session.answers if a["source"] in ("follow-up", "probe")]
    assert len(questions) == 7
    assert len(follow_ups) == (7 if rate == 1.0 else 0)
    for a in follow_ups:
        parent = next(q for q in questions if q["id"] == a["parent_id"])
        ref = combined.question(parent["pack_id"], parent["question_id"])
        assert ref is not None
        if ref.question.follow_ups and a["source"] == "probe":
            assert a["prompt"] == "Can you be more specific?"
            continue
        if ref.question.follow_ups:
            assert a["source"] == "follow-up" and a["prompt"] in ref.question.follow_ups
        else:
            assert a["source"] == "probe" and a["prompt"] == "Can you be more specific?"


def test_a_question_on_a_topic_the_interviewer_lacks_gets_the_honest_fallback(
    library: Library,
) -> None:
    # The recruiter's team reply lists "manager"; other interviewers list "like as a
    # manager" for their management style, which she has no reply for, so the session
    # must not answer with the team reply.
    entry = entry_or_skip(library, "friendly-recruiter")
    session = Session.start(library, entry, seed=1, clock=FakeClock(START))
    session.add_candidate_question("what are you like as a manager")
    session.add_candidate_question("how big is the team")
    fallback, team = session.candidate_replies
    assert fallback == entry.persona.unmatched_reply
    assert team != fallback
