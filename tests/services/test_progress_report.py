"""The progress report: read after the queued saves, trends named by the installed rubrics,
questions due for review (installed ones only, changed ones marked), who can review them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.engine.answers import prompt_hash
from simulator.engine.review import INTERVAL_DAYS
from simulator.engine.snapshot import SNAPSHOT_VERSION, AnswerSnapshot, SessionSnapshot
from simulator.journal import Journal
from simulator.journal.interviews import new_interview
from simulator.packs.library import Library
from simulator.packs.rubrics import BUILTIN_RUBRICS
from simulator.services.context import Context
from simulator.services.practice import JournalWriter
from simulator.services.progress_report import (
    REVIEW_LIMIT,
    installed_rubrics,
    read_report,
    review_keys,
    review_options,
    reviewers,
)

T0 = 1_800_000_000.0
DAY = 86_400.0


@pytest.fixture(scope="module")
def library() -> Library:
    return Context.create().load_library()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite3", clock=lambda: T0) as opened:
        yield opened


def answer(library: Library, key: tuple[str, str], score: int, prompt: str = "") -> AnswerSnapshot:
    ref = library.question(*key)
    assert ref is not None
    rubric = library.rubric_for(ref)
    prompt = prompt or ref.question.prompt
    return {
        "id": f"{key[1]}-answer",
        "stage_index": 2,
        "source": "question",
        "parent_id": None,
        "pack_id": key[0],
        "question_id": key[1],
        "prompt": prompt,
        "prompt_hash": prompt_hash(prompt),
        "kind": ref.kind,
        "tags": list(ref.tags),
        "text": "An answer.",
        "started_at": T0 + 300,
        "submitted_at": T0 + 450,
        "time_limit": 180,
        "time_used": 150.0,
        "skipped": False,
        "clarifications": 0,
        "hints_shown": 0,
        "rubric_id": rubric.id,
        "scores": {criterion.id: score for criterion in rubric.criteria},
        "checklist": {},
    }


def session(answers: list[AnswerSnapshot], session_id: str = "s" * 32) -> SessionSnapshot:
    return {
        "version": SNAPSHOT_VERSION,
        "id": session_id,
        "persona_id": "rigorous-tech-lead",
        "persona_name": "Priya",
        "pack_ids": [],
        "seed": 1,
        "created_at": T0,
        "updated_at": T0 + 1200,
        "finished_at": T0 + 1100,
        "phase": "done",
        "stage_index": 0,
        "drawn": {},
        "answers": answers,
        "current_answer_id": None,
        "prep_notes": "",
        "prep_checklist": {},
        "candidate_questions": [],
        "reflection": {
            "went_well": "",
            "say_differently": "",
            "topics": [],
            "interviewer_notes": "",
        },
        "thank_you_drafts": {},
        "reminders": [],
        "score_index": 0,
    }


def two_keys(library: Library) -> list[tuple[str, str]]:
    return sorted(ref.key for ref in library.questions())[:2]


def test_an_empty_journal_has_nothing_to_report(journal: Journal) -> None:
    report = read_report(journal, None, T0)
    assert report.progress.empty
    assert report.reviews == []
    assert report.prompts == {}


def test_scores_make_trends_and_low_ones_come_due(journal: Journal, library: Library) -> None:
    low, high = two_keys(library)
    journal.save_session(session([answer(library, low, 1), answer(library, high, 5)]))
    journal.save_real_interview(
        new_interview(company="Acme", role="", held_at=T0, format="technical", now=T0)
    )
    later = T0 + (max(INTERVAL_DAYS.values()) + 1) * DAY
    report = read_report(journal, library, later)
    assert report.progress.criteria
    assert report.progress.totals.real_interviews == 1
    assert [item.key for item in report.reviews][:1] == [low]  # the weakest first
    assert {low, high} <= set(report.prompts)
    assert not any(item.changed for item in report.reviews)


def test_only_installed_questions_come_due_and_changed_ones_say_so(
    journal: Journal, library: Library
) -> None:
    key, _ = two_keys(library)
    journal.save_session(session([answer(library, key, 1, prompt="An older wording.")]))
    gone = answer(library, key, 1)
    gone["pack_id"] = "uninstalled-pack"
    journal.save_session(session([gone], session_id="t" * 32))
    report = read_report(journal, library, T0 + 90 * DAY)
    assert [(item.key, item.changed) for item in report.reviews] == [(key, True)]


def test_the_queued_saves_are_read(tmp_path: Path, library: Library) -> None:
    with Journal.open(tmp_path / "journal.sqlite3", clock=lambda: T0) as journal:
        writer = JournalWriter(journal)
        try:
            snapshot = session([answer(library, two_keys(library)[0], 3)])
            writer.submit(lambda target: target.save_session(snapshot))
            report = read_report(journal, library, T0 + DAY, writer)
        finally:
            writer.stop()
    assert report.progress.totals.scored == 1


def test_rubrics_reviewers_and_review_sessions(library: Library) -> None:
    assert installed_rubrics(None) == list(BUILTIN_RUBRICS.values())
    assert len(installed_rubrics(library)) >= len(BUILTIN_RUBRICS)
    assert reviewers(None) == []
    found = reviewers(library)
    assert found and all(entry.usable for entry in found)
    options = review_options("rigorous-tech-lead", [("core-behavioral", "failed-project")])
    assert options.persona_id == "rigorous-tech-lead"
    assert options.question_keys == (("core-behavioral", "failed-project"),)


def test_a_review_asks_the_most_urgent_few(journal: Journal, library: Library) -> None:
    keys = sorted(ref.key for ref in library.questions())[: REVIEW_LIMIT + 2]
    journal.save_session(session([answer(library, key, 1) for key in keys]))
    report = read_report(journal, library, T0 + 90 * DAY)
    assert len(report.reviews) == len(keys)
    assert review_keys(report.reviews) == [item.key for item in report.reviews][:REVIEW_LIMIT]
