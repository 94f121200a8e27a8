"""The JSON export carries everything the journal holds, and importing it never duplicates:
sessions, real interviews, reminders' marks, the study list and its ticks, prep notes and
drafts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from journal_samples import DAY, T0, empty_session, finished_session

from simulator.journal import ImportCounts, Journal, JournalError
from simulator.journal.export import export_json, import_json, write_text_atomic
from simulator.journal.interviews import new_interview
from simulator.journal.models import InterviewQuestion, RealInterview

SESSION = "a" * 32
INTERVIEW = "i" * 32
NOW = T0 + 50 * DAY


def _interview() -> RealInterview:
    return new_interview(
        company="Acme",
        role="Data engineer",
        held_at=T0 + 40 * DAY,
        format="panel",
        interviewers=["Ana", "Ben"],
        questions=[
            InterviewQuestion("Design a queue.", kind="technical", notes="Went fine."),
            InterviewQuestion("Tell me about a conflict."),
        ],
        how_it_went="Friendly.\nDeep on design.",
        reflection={
            "went_well": "The queue.",
            "say_differently": "Slower.",
            "topics": ["Queues", "Backpressure"],
            "interviewer_notes": "Ben likes tests.",
        },
        thank_you_drafts={"Ana": "Dear Ana, thank you."},
        now=T0 + 40 * DAY + 3600,
        interview_id=INTERVIEW,
    )


def fill(journal: Journal) -> None:
    """A session and a real interview, with reminders done, closed and snoozed, study
    topics ticked and of one's own, prep notes and an unsaved draft."""
    journal.save_session(finished_session(SESSION))
    journal.save_session(empty_session("b" * 32, created_at=T0 + DAY))
    interview = _interview()
    journal.save_real_interview(interview)
    plan = journal.interview_reminders(INTERVIEW)
    journal.set_reminder_done(plan[0].id, T0 + 40.5 * DAY)  # a thank-you note sent
    journal.snooze_reminder(plan[1].id, T0 + 43 * DAY)  # the other, snoozed
    journal.snooze_reminder(f"{SESSION}-r2", T0 + 9 * DAY)  # a practice reminder snoozed
    journal.set_reminder_done(f"{SESSION}-r1", T0 + 2 * DAY)
    journal.close_follow_up(SESSION)  # the practice process closed
    items = {item.topic: item for item in journal.study_list()}
    journal.set_study_done(items["Dashboards"].id)
    journal.set_study_done(items["Backpressure"].id)
    journal.add_study_item("Graph algorithms", now=T0 + 45 * DAY)
    journal.save_persona_notes("priya", "Ask about on-call.")
    journal.save_draft("b" * 32, "a1", "Half an answer")


@pytest.fixture
def first(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "first.sqlite3", clock=lambda: NOW) as journal:
        fill(journal)
        yield journal


def _other(tmp_path: Path, name: str = "second.sqlite3") -> Journal:
    # Another home, whose clock is later: nothing of the export may take its time from it.
    return Journal.open(tmp_path / name, clock=lambda: NOW + 100 * DAY)


def _study(journal: Journal) -> list[tuple[Any, ...]]:
    return [
        (item.topic, item.done, item.created_at, item.session_id, item.interview_id)
        for item in journal.study_list()
    ]


def test_a_whole_journal_exports_again_byte_for_byte(first: Journal, tmp_path: Path) -> None:
    exported = export_json(first)
    path = tmp_path / "export.json"
    write_text_atomic(path, exported)
    with _other(tmp_path) as second:
        report = import_json(second, path)
        assert report.sessions == ImportCounts(imported=2, skipped=0)
        assert report.real_interviews == ImportCounts(imported=1, skipped=0)
        assert report.study_items == ImportCounts(imported=5, skipped=0)
        assert report.prep_notes == ImportCounts(imported=1, skipped=0)
        assert export_json(second) == exported
        # Everything the app shows is as it was, not only the export.
        assert second.real_interviews() == first.real_interviews()
        assert second.open_reminders() == first.open_reminders()
        assert second.due_reminders(NOW) == first.due_reminders(NOW)
        assert second.reminders(SESSION) == first.reminders(SESSION)
        assert second.interview_reminders(INTERVIEW) == first.interview_reminders(INTERVIEW)
        assert _study(second) == _study(first)
        assert second.persona_notes("priya") == "Ask about on-call."
        assert second.drafts("b" * 32) == {"a1": "Half an answer"}
        assert second.load_sessions() == first.load_sessions()


def test_importing_twice_changes_nothing(first: Journal, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    write_text_atomic(path, export_json(first))
    with _other(tmp_path) as second:
        import_json(second, path)
        once = export_json(second)
        report = import_json(second, path)
        assert report.sessions == ImportCounts(imported=0, skipped=2)
        assert report.real_interviews == ImportCounts(imported=0, skipped=1)
        assert report.study_items == ImportCounts(imported=0, skipped=5)
        assert report.prep_notes == ImportCounts(imported=0, skipped=1)
        assert export_json(second) == once
        assert len(second.study_list()) == 5


def test_the_marks_of_every_reminder_are_in_the_file(first: Journal) -> None:
    document = json.loads(export_json(first))
    assert document["version"] == 2
    marks = {state["id"]: state for state in document["reminders"]}
    plan = first.interview_reminders(INTERVIEW)
    assert marks[plan[0].id]["done_at"] == T0 + 40.5 * DAY
    assert marks[plan[1].id]["snoozed_until"] == T0 + 43 * DAY
    assert marks[f"{SESSION}-r2"] == {
        "source": "practice",
        "owner_id": SESSION,
        "id": f"{SESSION}-r2",
        "done_at": None,
        "closed": True,
        "snoozed_until": T0 + 9 * DAY,
    }
    (logged,) = document["real_interviews"]
    assert logged["questions"][0] == {
        "prompt": "Design a queue.",
        "kind": "technical",
        "notes": "Went fine.",
    }
    assert len(logged["reminders"]) == 7
    topics = {item["topic"]: item for item in document["study_list"]}
    assert topics["Graph algorithms"] == {
        "topic": "Graph algorithms",
        "done": False,
        "created_at": T0 + 45 * DAY,
        "session_id": None,
        "interview_id": None,
    }
    assert topics["Backpressure"]["done"] is True
    assert topics["Backpressure"]["interview_id"] == INTERVIEW
    assert document["prep_notes"] == [
        {"persona_id": "priya", "text": "Ask about on-call.", "updated_at": NOW}
    ]


def test_what_the_journal_has_already_is_left_as_it_is(first: Journal, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    write_text_atomic(path, export_json(first))
    with _other(tmp_path) as second:
        mine = new_interview(
            company="Mine",
            role="",
            held_at=T0,
            format="technical",
            reflection={
                "went_well": "",
                "say_differently": "",
                "topics": ["Queues"],
                "interviewer_notes": "",
            },
            now=T0,
            interview_id=INTERVIEW,
        )
        second.save_real_interview(mine)
        second.add_study_item("Graph algorithms", now=T0)
        second.save_persona_notes("priya", "My own notes.")
        second.save_draft("b" * 32, "a2", "My own draft")
        report = import_json(second, path)
        assert report.real_interviews == ImportCounts(imported=0, skipped=1)
        stored = second.real_interview(INTERVIEW)
        assert stored is not None and stored.company == "Mine"
        assert all(r.done_at is None for r in second.interview_reminders(INTERVIEW))
        assert all(r.snoozed_until is None for r in second.interview_reminders(INTERVIEW))
        assert second.persona_notes("priya") == "My own notes."
        assert second.drafts("b" * 32) == {"a2": "My own draft"}  # the file's is not mixed in
        topics = [item.topic for item in second.study_list()]
        assert topics.count("Graph algorithms") == 1
        assert topics.count("Queues") == 1  # mine; the file's Backpressure is not added
        assert "Backpressure" not in topics


def test_one_session_or_one_interview_exports_its_own_part(first: Journal) -> None:
    session = json.loads(export_json(first, SESSION))
    assert [item["id"] for item in session["sessions"]] == [SESSION]
    assert session["real_interviews"] == [] and session["prep_notes"] == []
    assert {state["owner_id"] for state in session["reminders"]} == {SESSION}
    assert {item["topic"] for item in session["study_list"]} == {"Schema migrations", "Dashboards"}
    logged = json.loads(export_json(first, interview_id=INTERVIEW))
    assert logged["sessions"] == []
    assert [item["id"] for item in logged["real_interviews"]] == [INTERVIEW]
    assert len(logged["reminders"]) == 7
    with pytest.raises(JournalError, match="no real interview"):
        export_json(first, interview_id="nope")


def test_an_old_export_of_sessions_only_still_imports(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    old = {"format": "mock-interview-journal", "version": 1, "sessions": [finished_session()]}
    path.write_text(json.dumps(old), encoding="utf-8")
    with _other(tmp_path) as journal:
        report = import_json(journal, path)
        assert report.sessions == ImportCounts(imported=1, skipped=0)
        assert report.real_interviews == ImportCounts(imported=0, skipped=0)
        assert [item.topic for item in journal.study_list()] == ["Schema migrations", "Dashboards"]
        assert import_json(journal, path).sessions == ImportCounts(imported=0, skipped=1)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["real_interviews"][0].update(format="chat"), "format must be one of"),
        (lambda d: d["real_interviews"][0].pop("questions"), "questions is missing"),
        (lambda d: d["real_interviews"][0]["questions"].append("x"), "question 3: must be a"),
        (lambda d: d["reminders"][0].update(source="other"), "source must be practice"),
        (lambda d: d["study_list"][0].update(done="yes"), "study list item 1: done has"),
        (lambda d: d["prep_notes"].append({"persona_id": "x"}), "prep note 2: text is"),
        (lambda d: d.update(drafts={}), "drafts must be a list"),
    ],
)
def test_a_bad_entry_names_the_file_and_imports_nothing(
    first: Journal, tmp_path: Path, change: Any, message: str
) -> None:
    document = json.loads(export_json(first))
    change(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with _other(tmp_path) as journal:
        with pytest.raises(JournalError, match=message) as raised:
            import_json(journal, path)
        assert str(raised.value).startswith(f"{path}: ")
        assert journal.list_sessions() == [] and journal.real_interviews() == []


def test_a_topic_whose_session_is_gone_stays_on_the_list(tmp_path: Path) -> None:
    document = {
        "format": "mock-interview-journal",
        "version": 2,
        "sessions": [],
        "study_list": [
            {
                "topic": "Heaps",
                "done": True,
                "created_at": T0,
                "session_id": "gone",
                "interview_id": None,
            }
        ],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with _other(tmp_path) as journal:
        assert import_json(journal, path).study_items == ImportCounts(imported=1, skipped=0)
        (item,) = journal.study_list()
        assert (item.topic, item.done, item.session_id) == ("Heaps", True, None)
        assert import_json(journal, path).study_items == ImportCounts(imported=0, skipped=1)
