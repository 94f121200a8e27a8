"""The session state machine, on small packs built in the tests."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from typing import Any

import pytest
from engine_helpers import (
    START,
    drive,
    make_library,
    make_pack,
    persona,
    question,
    round_trip,
)

from simulator.engine import PREP_CHECKLIST, FakeClock, Session, SessionError, prompt_hash
from simulator.engine.dialogue import CLARIFICATION_FALLBACK, PITCH_PROMPT
from simulator.engine.followup import DAY, HOUR
from simulator.packs.library import Library

DRIVE_TEXT = "At my last job I led a project and as a result we cut costs by 20%."
"""The answer drive() gives to everything."""

BEHAVIORAL = [
    question(
        f"b{n}",
        tags=["teamwork" if n % 2 else "conflict"],
        time_limit=120,
        clarification=f"Clarified {n}.",
        hints=[f"Hint {n}a", f"Hint {n}b"],
        follow_ups=[f"Follow-up {n}?"],
        talking_points=["The outcome, with a number"],
        keywords=["outcome"],
        sample_answer=f"Sample {n}.",
    )
    for n in range(1, 6)
]


def library_with(**persona_fields: Any) -> Library:
    """Behavioral questions, a technical one without follow-ups, drills, and one persona."""
    questions = [
        *BEHAVIORAL,
        question("t1", kind="technical", tags=["caching"]),
        question(
            "d1",
            kind="follow-up",
            tags=["thank-you"],
            checklist=["Subject line", "Thanked them"],
            due="24h",
        ),
    ]
    content = make_pack(
        "content",
        kind="behavioral",
        rubric="mine",
        rubrics=[
            {
                "id": "mine",
                "title": "Mine",
                "criteria": [
                    {"id": "clear", "label": "Clear"},
                    {"id": "true", "label": "True"},
                ],
            }
        ],
        questions=questions,
        candidate_questions=["What is the team like?"],
    )
    people = make_pack("people", personas=[persona(**persona_fields)])
    return make_library(content, people)


def start(library: Library, clock: FakeClock, **kwargs: Any) -> Session:
    return Session.start(library, "tester", seed=kwargs.pop("seed", 7), clock=clock, **kwargs)


def test_stages_in_order_with_lines_and_progress() -> None:
    clock = FakeClock(START)
    library = library_with(
        greeting="Hello there.",
        closing="Bye now.",
        next_steps="We'll call.",
        instructions="Bring a story.",
        follow_up_rate=0.0,
        transitions=["Next one."],
    )
    session = start(library, clock)
    step = session.step()
    assert (step.phase, step.stage_kind, step.line) == ("stages", "prep", "Bring a story.")
    assert session.prep_checklist == dict.fromkeys(PREP_CHECKLIST, False)
    session.tick_prep("Review your resume")
    session.set_prep_notes("Remember the migration story.")
    session.advance()
    assert (session.step().stage_kind, session.step().line) == ("intro", "Hello there.")
    session.advance()
    step = session.step()
    assert step.stage_kind == "questions"
    assert step.stage_title == "Behavioral"
    assert (step.number, step.total, step.progress) == (1, 2, "Question 1 of 2")
    assert step.line == "Next part: Behavioral."
    assert step.question is not None and not step.question.started
    session.begin_answer()
    session.submit()
    step = session.step()
    assert (step.number, step.progress, step.line) == (2, "Question 2 of 2", "Next one.")
    session.skip()
    step = session.step()
    assert step.complete and step.question is None
    assert step.progress == "All 2 question(s) asked"
    session.advance()
    assert session.step().line == "Do you have any questions for me?"
    session.advance()
    step = session.step()
    assert step.stage_kind == "wrap-up" and step.last_stage
    assert step.line == "Bye now.\n\nWe'll call."
    session.advance()
    assert session.phase == "self-score"
    snap = session.snapshot()
    assert snap["prep_notes"] == "Remember the migration story."
    assert snap["prep_checklist"]["Review your resume"] is True
    assert [a["skipped"] for a in snap["answers"]] == [False, True]


def test_drawing_count_and_question_count_override() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock)
    assert len(session.drawn(2)) == 2
    assert all(ref.kind == "behavioral" for ref in session.drawn(2))
    session = start(library, clock, question_count=4)
    assert len(session.drawn(2)) == 4
    session.advance()
    session.advance()
    assert session.step().total == 4
    # More than there are: use what there is, and say so.
    session = start(library, clock, question_count=50)
    assert len(session.drawn(2)) == 5
    assert session.notes == ("stage 3 (Behavioral) asks 5 question(s) instead of 50",)


def test_stage_filters_and_pack_restriction() -> None:
    clock = FakeClock(START)
    plan = [{"stage": "questions", "kinds": ["technical"], "count": 3}, {"stage": "wrap-up"}]
    library = library_with(plan=plan, follow_up_rate=0.0)
    session = start(library, clock)
    assert [ref.question.id for ref in session.drawn(0)] == ["t1"]
    assert session.notes == ("stage 1 (questions) asks 1 question(s) instead of 3",)
    session = start(library, clock, pack_ids=["content"])
    assert session.snapshot()["pack_ids"] == ["content"]
    with pytest.raises(SessionError, match="not installed"):
        start(library, clock, pack_ids=["nope"])
    with pytest.raises(SessionError, match="fits the plan"):
        start(library, clock, pack_ids=["people"])
    with pytest.raises(SessionError, match="no installed persona"):
        Session.start(library, "ghost", seed=1, clock=clock)
    with pytest.raises(SessionError, match="at least 1"):
        start(library, clock, question_count=0)


def test_unusable_persona_cannot_start() -> None:
    plan = [{"stage": "questions", "tags": ["no-such-tag"]}]
    library = library_with(plan=plan)
    with pytest.raises(SessionError, match="cannot be started"):
        start(library, FakeClock(START))


def test_no_repeats_across_stages() -> None:
    plan = [{"stage": "questions", "count": 4}, {"stage": "questions", "count": 4}]
    library = library_with(plan=plan, follow_up_rate=0.0)
    for seed in range(20):
        session = start(library, FakeClock(START), seed=seed)
        keys = [ref.key for index in (0, 1) for ref in session.drawn(index)]
        assert len(keys) == len(set(keys)) == 7


def test_empty_stage_after_restriction_is_passed_over() -> None:
    plan = [
        {"stage": "questions", "kinds": ["technical"]},
        {"stage": "questions", "kinds": ["behavioral"]},
        {"stage": "wrap-up"},
    ]
    other = make_pack("other", kind="behavioral", questions=[question("x1")])
    base = library_with(plan=plan, follow_up_rate=0.0)
    library = make_library(*(loaded.pack for loaded in base.packs), other)
    session = Session.start(library, "tester", seed=1, clock=FakeClock(START), pack_ids=["other"])
    assert session.stage_index == 1
    assert any("has no question to ask" in note for note in session.notes)


def test_same_seed_same_questions_and_follow_ups() -> None:
    library = library_with(follow_up_rate=0.5, probes=["Why?"])

    def run(seed: int) -> list[tuple[str, str, str]]:
        clock = FakeClock(START)
        session = start(library, clock, seed=seed, question_count=5)
        session = drive(session, library, clock)
        return [(a["source"], a["question_id"], a["prompt"]) for a in session.answers]

    assert run(3) == run(3)
    assert len({tuple(run(seed)) for seed in range(8)}) > 1


def test_follow_up_always_and_never() -> None:
    clock = FakeClock(START)
    library = library_with(
        follow_up_rate=1.0, probe_share=0.0, probes=["Can you be more specific?"]
    )
    session = start(library, clock, question_count=2)
    session.advance()
    session.advance()
    parent = session.current_answer()
    assert parent is not None
    follow_up = session.submit()
    assert follow_up is not None
    assert follow_up["source"] == "follow-up"
    assert follow_up["parent_id"] == parent["id"]
    assert follow_up["prompt"] == f"Follow-up {parent['question_id'][1:]}?"
    assert follow_up["rubric_id"] == parent["rubric_id"] == "mine"
    assert (follow_up["pack_id"], follow_up["question_id"]) == (
        parent["pack_id"],
        parent["question_id"],
    )
    step = session.step()
    assert step.progress == "Follow-up to question 1 of 2"
    assert step.question is not None and step.question.parent_prompt == parent["prompt"]
    assert step.question.hints_total == 0  # follow-ups have no hints of their own
    session = round_trip(session, library, clock)
    # At most one follow-up per question: the follow-up's submit moves on.
    assert session.submit() is None
    current = session.current_answer()
    assert current is not None and current["source"] == "question"

    never = library_with(follow_up_rate=0.0, probes=["Why?"])
    session = start(never, clock, question_count=5)
    session = drive(session, never, clock)
    assert {a["source"] for a in session.answers} == {"question"}


def test_probe_when_the_question_has_no_follow_ups() -> None:
    clock = FakeClock(START)
    plan = [{"stage": "questions", "kinds": ["technical"]}, {"stage": "wrap-up"}]
    library = library_with(plan=plan, follow_up_rate=1.0, probes=["What was your part?"])
    session = start(library, clock)
    parent = session.current_answer()
    assert parent is not None
    probe = session.submit()
    assert probe is not None
    assert probe["source"] == "probe"
    assert probe["prompt"] == "What was your part?"
    assert (probe["pack_id"], probe["question_id"]) == ("", "")
    assert probe["parent_id"] == parent["id"]
    assert probe["rubric_id"] == parent["rubric_id"] == "mine"
    session = round_trip(session, library, clock)
    session.submit()
    session.advance()
    assert session.step().stage_kind == "wrap-up"
    session.advance()
    assert session.phase == "self-score"
    rubrics = {item.answer["source"]: item.rubric.id for item in session.score_items()}
    assert rubrics == {"question": "mine", "probe": "mine"}


def test_skipped_answers_get_no_follow_up_and_no_score() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=1.0)
    session = start(library, clock, question_count=2)
    session.advance()
    session.advance()
    session.skip()
    current = session.current_answer()
    assert current is not None and current["source"] == "question"
    session.end_interview()
    assert session.phase == "self-score"
    assert session.score_items() == []
    assert session.score_item() is None
    with pytest.raises(SessionError, match="no answer to score"):
        session.score("clear", 3)


def test_timing_limits_overtime_and_colours() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0, answer_time=90)
    session = start(library, clock, question_count=2)
    session.advance()
    session.advance()
    view = session.current_question()
    assert view is not None and view.time_limit == 120  # the question's own limit
    assert session.remaining() == 120 and session.time_state() == "ok"
    session.begin_answer()
    clock.advance(89)
    assert session.remaining() == 31 and session.time_state() == "ok"
    clock.advance(1)
    assert session.time_state() == "amber"  # the last 30 s (25% of 120 is also 30)
    clock.advance(30)
    assert session.remaining() == 0 and session.time_state() == "amber"
    clock.advance(15)
    assert session.time_state() == "red"
    assert session.overtime() == 15
    session.set_answer_text("Long answer.")
    clock.advance(5)  # overtime keeps counting: never cut off
    answer_id = session.current_answer()["id"]  # type: ignore[index]
    session.submit()
    answer = session.answer(answer_id)
    assert answer["started_at"] == START
    assert answer["submitted_at"] == START + 140
    assert answer["time_used"] == 140
    assert answer["insights"]["time"] == {"limit": 120, "used": 140, "overtime": 20}
    # Once submitted the clock no longer moves it.
    clock.advance(100)
    assert session.elapsed(answer_id) == 140
    assert session.overtime(answer_id) == 20
    assert session.time_state(answer_id) == "red"


def test_time_limit_falls_back_to_stage_then_persona() -> None:
    clock = FakeClock(START)
    plan = [
        {"stage": "questions", "kinds": ["technical"], "time_limit": 45},
        {"stage": "questions", "kinds": ["follow-up"]},
    ]
    library = library_with(plan=plan, follow_up_rate=0.0, answer_time=200)
    session = start(library, clock)
    assert session.current_question().time_limit == 45  # type: ignore[union-attr]
    session.submit()
    session.advance()
    view = session.current_question()
    assert view is not None and view.time_limit == 200
    assert view.checklist == {"Subject line": False, "Thanked them": False}
    session.tick("Subject line")
    assert session.current_question().checklist["Subject line"] is True  # type: ignore[union-attr]
    with pytest.raises(SessionError, match="no item"):
        session.tick("Nope")


def test_default_answer_time_is_120() -> None:
    plan = [{"stage": "questions", "kinds": ["technical"]}]
    library = library_with(plan=plan, follow_up_rate=0.0)
    session = start(library, FakeClock(START))
    assert session.current_question().time_limit == 120  # type: ignore[union-attr]


def test_clarification_and_hints_are_recorded() -> None:
    clock = FakeClock(START)
    plan = [
        {"stage": "questions", "tags": ["teamwork"]},
        {"stage": "questions", "kinds": ["technical"]},
    ]
    library = library_with(plan=plan, follow_up_rate=0.0)
    session = start(library, clock)
    ref = session.drawn(0)[0]
    assert session.ask_clarification() == ref.question.clarification
    assert session.current_answer()["started_at"] == START  # type: ignore[index]
    assert session.show_next_hint() == ref.question.hints[0]
    assert session.show_next_hint() == ref.question.hints[1]
    assert session.show_next_hint() is None
    view = session.current_question()
    assert view is not None
    assert view.hints_shown == tuple(ref.question.hints)
    answer = session.current_answer()
    assert answer is not None
    assert (answer["clarifications"], answer["hints_shown"]) == (1, 2)
    session = round_trip(session, library, clock)
    session.submit()
    session.advance()
    # No clarification in the pack: a polite fallback.
    assert session.ask_clarification() == CLARIFICATION_FALLBACK
    assert session.show_next_hint() is None


def test_your_questions_and_suggestions() -> None:
    clock = FakeClock(START)
    plan = [{"stage": "questions", "kinds": ["technical"]}, {"stage": "your-questions"}]
    library = library_with(plan=plan, follow_up_rate=0.0)
    session = start(library, clock)
    session.submit()
    session.advance()
    assert session.add_candidate_question("  How big is the team?  ") == 0
    session.add_candidate_question("What would I work on first?")
    assert session.remove_candidate_question(0) == "How big is the team?"
    with pytest.raises(SessionError):
        session.add_candidate_question("   ")
    with pytest.raises(SessionError):
        session.remove_candidate_question(5)
    assert session.candidate_questions == ["What would I work on first?"]
    assert session.suggested_candidate_questions() == ["What is the team like?"]
    session = round_trip(session, library, clock)
    session.advance()
    assert session.phase == "self-score"
    # The candidate's questions are not scored.
    assert [item.answer["source"] for item in session.score_items()] == ["question"]


def test_pitch_stage() -> None:
    clock = FakeClock(START)
    plan = [
        {"stage": "intro"},
        {"stage": "pitch", "time_limit": 90},
        {"stage": "pitch"},
        {"stage": "questions", "kinds": ["technical"]},
    ]
    library = library_with(plan=plan, follow_up_rate=1.0, probes=["Why?"])
    session = start(library, clock)
    session.advance()
    step = session.step()
    assert step.stage_kind == "pitch" and step.stage_title == "Elevator pitch"
    assert step.question is not None
    assert (step.question.source, step.question.prompt) == ("pitch", PITCH_PROMPT)
    assert step.question.time_limit == 90
    session.begin_answer()
    clock.advance(100)
    session.set_answer_text("I'm a data analyst moving into product.")
    assert session.submit() is None  # no follow-up after a pitch
    assert session.step().complete
    session.advance()
    pitch = session.current_answer()
    assert pitch is not None and pitch["time_limit"] == 60
    session.skip()
    session.advance()
    session = round_trip(session, library, clock)
    session.skip()
    session.advance()
    items = session.score_items()
    assert [item.answer["source"] for item in items] == ["pitch"]
    assert items[0].rubric.id == "informational-conversation"
    assert items[0].answer["kind"] == "informational"
    assert items[0].answer["time_used"] == 100


def test_advance_mid_stage_drops_untouched_and_keeps_started() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock, question_count=3)
    session.advance()
    session.advance()
    session.advance()  # the first question was never started: dropped
    assert session.answers == []
    assert session.step().stage_kind == "your-questions"

    session = start(library, clock, question_count=3)
    session.advance()
    session.advance()
    session.set_answer_text("Half an answer")
    clock.advance(10)
    session.end_interview()
    (answer,) = session.answers
    assert answer["skipped"] and answer["text"] == "Half an answer"
    assert answer["time_used"] == 10


def test_scoring_validation_and_summary() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock, question_count=3)
    session = drive(session, library, clock, seconds=150, score=4)
    summary = session.summary()
    assert summary.questions == 3 and summary.answered == 3 and summary.skipped == 0
    assert summary.overtime_answers == 3  # 150 s against 120 s each
    assert summary.time_used == 450
    assert summary.scores.overall == 4
    assert {(c.criterion_id, c.label, c.mean, c.count) for c in summary.scores.by_criterion} == {
        ("clear", "Clear", 4, 3),
        ("true", "True", 4, 3),
    }
    assert summary.reflection["topics"] == ["caching"]
    assert summary.candidate_questions == ("What does success look like in this role?",)

    session = start(library, clock, question_count=1)
    session.advance()
    session.advance()
    with pytest.raises(SessionError, match="still running"):
        session.score("clear", 3)
    session.submit()
    session.end_interview()
    for bad in (0, 6, 2.5, True, "3"):
        with pytest.raises(SessionError, match="whole number"):
            session.score("clear", bad)  # type: ignore[arg-type]
    with pytest.raises(SessionError, match="no criterion"):
        session.score("structure", 3)
    session.score("clear", 5)
    session.score("clear", 2)
    session.clear_score("true")
    item = session.score_item()
    assert item is not None and item.answer["scores"] == {"clear": 2} and not item.complete
    session.score("true", 1)
    assert session.score_item().complete  # type: ignore[union-attr]
    assert session.score_item().talking_points == ("The outcome, with a number",)  # type: ignore[union-attr]
    assert session.score_item().sample_answer.startswith("Sample")  # type: ignore[union-attr]
    assert session.move_score(5) == 0
    assert session.move_score(-5) == 0


def test_drill_checklist_ticked_while_scoring() -> None:
    clock = FakeClock(START)
    plan = [{"stage": "questions", "kinds": ["follow-up"]}]
    library = library_with(plan=plan, follow_up_rate=0.0)
    session = start(library, clock)
    session.set_answer_text("Subject: Thank you\n\nDear Tess, thank you for your time.")
    session.submit()
    session.advance()
    assert session.phase == "self-score"
    session.tick("Thanked them")
    item = session.score_item()
    assert item is not None
    assert item.answer["checklist"] == {"Subject line": False, "Thanked them": True}
    assert item.rubric.id == "mine"  # the pack's default rubric
    round_trip(session, library, clock)


def test_follow_up_plan_due_times_and_operations() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock, question_count=1)
    session.advance()
    session.advance()
    session.submit()
    clock.advance(60)
    session.end_interview()
    end = START + 60
    assert session.snapshot()["finished_at"] == end
    reminders = session.reminders
    assert [(r["kind"], r["recipient"], r["due_at"] - end) for r in reminders] == [
        ("thank-you", "Tess", 24 * HOUR),
        ("inquiry", "Tess", 7 * DAY),
        ("check-in", "Tess", 21 * DAY),
        ("check-in", "Tess", 35 * DAY),
        ("check-in", "Tess", 49 * DAY),
        ("check-in", "Tess", 63 * DAY),
    ]
    assert session.thank_you_drafts == {"Tess": ""}
    session.advance()
    session.advance()
    assert session.phase == "follow-up"
    session.extend_check_ins(2)
    assert [r["due_at"] - end for r in session.reminders][-2:] == [77 * DAY, 91 * DAY]
    clock.advance(HOUR)
    session.mark_reminder_done(reminders[0]["id"])
    assert session.reminders[0]["done_at"] == end + HOUR
    with pytest.raises(SessionError):
        session.mark_reminder_done("nope")
    session.close_process()
    assert [r["closed"] for r in session.reminders] == [False] + [True] * 7
    session = round_trip(session, library, clock)
    session.go_back()
    assert session.step().phase == "reflection"
    session.advance()
    session.advance()
    session.finish()
    assert session.step().phase == "done"
    with pytest.raises(SessionError):
        session.advance()
    with pytest.raises(SessionError):
        session.set_reflection(went_well="late")


def test_panel_persona_speakers_and_thank_yous() -> None:
    clock = FakeClock(START)
    panel = [
        {"name": "Ana", "role": "Engineering manager"},
        {"name": "Ben", "role": "Designer"},
        {"name": "Cy", "role": "Engineer"},
    ]
    library = library_with(name="The panel", panel=panel, follow_up_rate=0.0)
    session = start(library, clock, question_count=4)
    session.advance()
    assert session.step().line.startswith("Hello")  # no greeting: a fallback naming the panel
    assert "Ana, Ben, Cy" in session.step().line
    session.advance()
    speakers = []
    while session.current_answer() is not None:
        step = session.step()
        speakers.append((step.speaker, step.speaker_role))
        session.submit()
    assert [name for name, _ in speakers] == ["Ana", "Ben", "Cy", "Ana"]
    assert speakers[1] == ("Ben", "Designer")
    session.end_interview()
    assert session.thank_you_recipients() == ["Ana", "Ben", "Cy"]
    thank_yous = [r for r in session.reminders if r["kind"] == "thank-you"]
    assert [(r["recipient"], r["due_at"]) for r in thank_yous] == [
        (name, START + 24 * HOUR) for name in ("Ana", "Ben", "Cy")
    ]
    assert session.thank_you_drafts == {"Ana": "", "Ben": "", "Cy": ""}


def test_reflection_topics() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock, question_count=1)
    with pytest.raises(SessionError, match="still running"):
        session.set_reflection(went_well="x")
    session.end_interview()
    session.advance()
    session.set_reflection(
        went_well="Calm", say_differently="Numbers", topics=["SQL", "sql", "SQL"]
    )
    session.add_topic("  indexes ")
    session.add_topic("indexes")
    session.remove_topic("sql")
    session.set_reflection(interviewer_notes="Kind.")
    assert session.reflection == {
        "went_well": "Calm",
        "say_differently": "Numbers",
        "topics": ["SQL", "indexes"],
        "interviewer_notes": "Kind.",
    }


def test_snapshot_shape_and_updated_at() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock, question_count=1)
    snap = session.snapshot()
    assert snap["version"] == 1 and snap["seed"] == 7
    assert snap["created_at"] == snap["updated_at"] == START
    assert snap["persona_name"] == "Tess"
    assert snap["drawn"] == {"2": [[ref.pack.id, ref.question.id] for ref in session.drawn(2)]}
    clock.advance(5)
    session.advance()
    assert session.snapshot()["updated_at"] == START + 5
    session.advance()
    answer = session.current_answer()
    assert answer is not None
    assert answer["prompt_hash"] == prompt_hash(answer["prompt"])
    assert answer["tags"] and answer["kind"] == "behavioral"
    # The snapshot is a copy: changing it changes nothing.
    snap = session.snapshot()
    snap["answers"][0]["text"] = "changed"
    assert session.current_answer()["text"] == ""  # type: ignore[index]


def test_restore_tolerates_questions_that_are_gone() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock, question_count=3)
    session.advance()
    session.advance()
    session.set_answer_text("My answer")
    first = session.current_answer()
    assert first is not None
    snapshot = session.snapshot()
    # The content pack is uninstalled; the persona's pack stays.
    people = next(loaded.pack for loaded in library.packs if loaded.pack.id == "people")
    content = next(loaded.pack for loaded in library.packs if loaded.pack.id == "content")
    smaller = make_library(people)
    restored = Session.restore(copy.deepcopy(snapshot), smaller, clock=clock)
    assert restored.snapshot() == snapshot
    view = restored.current_question()
    assert view is not None
    assert view.prompt == first["prompt"] and not view.installed and view.text == "My answer"
    assert restored.ask_clarification() == CLARIFICATION_FALLBACK
    restored.submit()
    # Nothing else of that stage is installed: the stage is complete.
    assert restored.step().complete
    restored.advance()
    restored.advance()
    restored.advance()
    assert restored.phase == "self-score"
    (item,) = restored.score_items()
    assert item.answer["prompt"] == first["prompt"]
    assert item.rubric.id == "star-story"  # the pack's rubric is gone: the kind's built-in one
    assert item.insights.keywords is None
    restored.score("structure", 4)

    # Only one of the remaining questions gone: the others are still asked.
    drawn = [ref.question.id for ref in session.drawn(2)]
    gone = drawn[1]
    pack = replace(content, questions=[q for q in content.questions if q.id != gone])
    partial = make_library(pack, people)
    restored = Session.restore(copy.deepcopy(snapshot), partial, clock=clock)
    assert restored.step().total == 2
    restored.submit()
    current = restored.current_answer()
    assert current is not None and current["question_id"] == drawn[2]
    assert restored.step().progress == "Question 2 of 2"


def test_restore_refuses_what_it_cannot_continue() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.0)
    session = start(library, clock, question_count=1)
    snapshot = session.snapshot()
    newer = {**snapshot, "version": 99}
    with pytest.raises(SessionError, match="newer version"):
        Session.restore(newer, library, clock=clock)  # type: ignore[arg-type]
    broken = {k: v for k, v in snapshot.items() if k != "answers"}
    with pytest.raises(SessionError, match="incomplete"):
        Session.restore(broken, library, clock=clock)  # type: ignore[arg-type]
    content = next(loaded.pack for loaded in library.packs if loaded.pack.id == "content")
    with pytest.raises(SessionError, match="no longer installed"):
        Session.restore(snapshot, make_library(content), clock=clock)
    # After the stages the persona is no longer needed.
    session.end_interview()
    done = session.snapshot()
    restored = Session.restore(done, make_library(content), clock=clock)
    assert restored.snapshot() == done
    assert restored.thank_you_recipients() == ["Tess"]


def test_follow_up_decision_survives_restore() -> None:
    library = library_with(follow_up_rate=0.5, probes=["Why?"])
    for seed in range(10):
        clock = FakeClock(START)
        straight = start(library, clock, seed=seed, question_count=5)
        straight = drive(straight, library, clock)
        clock = FakeClock(START)
        session = start(library, clock, seed=seed, question_count=5)
        session.advance()
        session.advance()
        sources = []
        while session.current_answer() is not None:
            snapshot = json.loads(json.dumps(session.snapshot()))
            session = Session.restore(snapshot, library, clock=clock)
            current = session.current_answer()
            assert current is not None
            sources.append((current["source"], current["prompt"]))
            # The decision depends on the answer, so give the one drive() gives.
            session.set_answer_text(DRIVE_TEXT)
            session.submit()
        expected = [
            (a["source"], a["prompt"]) for a in straight.answers if a["source"] != "your-question"
        ]
        assert sources == expected


def test_whole_session_round_trips_at_every_step() -> None:
    clock = FakeClock(START)
    library = library_with(follow_up_rate=0.5, probes=["Why?"], transitions=["Next.", "Okay."])
    session = start(library, clock, question_count=5)
    session = drive(session, library, clock)
    assert session.phase == "done"
    with pytest.raises(SessionError):
        session.go_back()
