"""Real-interview logs, their follow-ups and study topics, the study list's edits, and the
Markdown export of the whole journal."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest
from journal_samples import DAY, T0, finished_session

from simulator.journal import Journal, JournalError
from simulator.journal.export import export_markdown
from simulator.journal.interviews import new_interview, plan_for
from simulator.journal.markdown import interview_markdown, study_list_markdown
from simulator.journal.models import InterviewQuestion, RealInterview


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    with Journal.open(tmp_path / "journal.sqlite3", clock=lambda: T0 + 50 * DAY) as opened:
        yield opened  # type: ignore[misc]


def logged(**changes: object) -> RealInterview:
    interview = new_interview(
        company="Acme",
        role="Data engineer",
        held_at=T0 + 40 * DAY,
        format="panel",
        interviewers=["Ana", "Ben", " ", "Ana"],
        questions=[
            InterviewQuestion("Design a queue.", kind="technical", notes="Went fine."),
            InterviewQuestion("Tell me about a | conflict."),
            InterviewQuestion("   "),
        ],
        how_it_went="Friendly.\nDeep on design.",
        reflection={
            "went_well": "The queue.",
            "say_differently": "",
            "topics": ["Queues", " Queues ", "Backpressure"],
            "interviewer_notes": "Ben likes tests.",
        },
        thank_you_drafts={"": "Dear Ana and Ben, thank you."},
        now=T0 + 40 * DAY,
        interview_id="i" * 32,
    )
    return replace(interview, **changes)  # type: ignore[arg-type]


def test_a_new_log_gets_the_practice_follow_up_plan() -> None:
    interview = logged()
    assert interview.interviewers == ("Ana", "Ben")
    assert [question.prompt for question in interview.questions] == [
        "Design a queue.",
        "Tell me about a | conflict.",
    ]
    assert interview.question_kind(interview.questions[0]) == "technical"
    assert interview.question_kind(interview.questions[1]) == "behavioral"  # a panel
    plan = [
        (item["kind"], item["recipient"], item["due_at"] - interview.held_at)
        for item in interview.reminders
    ]
    assert plan[:3] == [
        ("thank-you", "Ana", DAY),
        ("thank-you", "Ben", DAY),
        ("inquiry", "Ana", 7 * DAY),
    ]
    assert [item[0] for item in plan[3:]] == ["check-in"] * 4
    assert interview.title == "Data engineer at Acme"
    with pytest.raises(JournalError, match="company"):
        new_interview(company=" ", role="", held_at=T0, format="panel", now=T0)
    with pytest.raises(JournalError, match="format must be one of"):
        new_interview(company="Acme", role="", held_at=T0, format="coffee", now=T0)


def test_replanning_keeps_what_was_done() -> None:
    interview = logged()
    done = interview.reminders[0]
    marked = replace(
        interview,
        reminders=tuple(
            {**item, "done_at": T0} if item["id"] == done["id"] else item
            for item in interview.reminders
        ),
        interviewers=("Ana",),
        held_at=interview.held_at + 3600,
    )
    plan = plan_for(marked)
    assert plan[0]["id"] == done["id"] and plan[0]["done_at"] == T0
    assert plan[0]["due_at"] == marked.held_at + DAY
    assert [item["recipient"] for item in plan if item["kind"] == "thank-you"] == ["Ana"]


def test_save_load_list_and_delete(journal: Journal) -> None:
    interview = logged()
    journal.save_real_interview(interview)
    stored = journal.real_interview(interview.id)
    assert stored is not None
    assert stored.reflection["topics"] == ["Queues", "Backpressure"]
    assert stored == replace(interview, reflection=stored.reflection)
    assert stored.questions[0].notes == "Went fine."
    older = logged(
        id="o" * 32,
        held_at=T0 + DAY,
        company="Globex",
        reflection={"went_well": "", "say_differently": "", "topics": [], "interviewer_notes": ""},
    )
    journal.save_real_interview(older)
    assert [item.company for item in journal.real_interviews()] == ["Acme", "Globex"]
    assert journal.count_real_interviews() == 2
    # Changed: topics follow, marks stay.
    items = {item.topic: item for item in journal.study_list()}
    assert items["Queues"].interview_id == interview.id
    assert items["Queues"].source_name == "Acme"
    assert items["Queues"].source_at == interview.held_at
    journal.set_study_done(items["Queues"].id)
    changed = replace(
        stored,
        reflection={**stored.reflection, "topics": ["Queues", "Load shedding"]},
        questions=(InterviewQuestion("Only one now."),),
    )
    journal.save_real_interview(changed)
    again = journal.real_interview(interview.id)
    assert again is not None
    assert again.reflection["topics"] == ["Queues", "Load shedding"]
    assert [question.prompt for question in again.questions] == ["Only one now."]
    assert {item.topic: item.done for item in journal.study_list()} == {
        "Load shedding": False,
        "Queues": True,
    }
    # Deleted: its reminders go, its topics stay on the study list.
    assert journal.delete_real_interview(interview.id)
    assert not journal.delete_real_interview(interview.id)
    assert journal.real_interview(interview.id) is None
    assert journal.interview_reminders(interview.id) == []
    assert {item.topic for item in journal.study_list()} == {"Queues", "Load shedding"}
    assert all(item.interview_id is None for item in journal.study_list())


def test_reminders_of_sessions_and_interviews_together(journal: Journal) -> None:
    journal.save_session(finished_session("s" * 32, created_at=T0 + 39 * DAY))
    interview = logged()
    journal.save_real_interview(interview)
    now = interview.held_at + 2 * DAY
    due = journal.due_reminders(now)
    assert {reminder.source for reminder in due} == {"practice", "interview"}
    assert [reminder.due_at for reminder in due] == sorted(reminder.due_at for reminder in due)
    from_interview = [reminder for reminder in due if reminder.source == "interview"]
    assert [reminder.recipient for reminder in from_interview] == ["Ana", "Ben"]
    assert from_interview[0].persona_name == "Acme (Data engineer)"
    assert from_interview[0].session_id == interview.id
    ana, ben = from_interview
    assert journal.set_reminder_done(ana.id, now)
    assert journal.snooze_reminder(ben.id, now + DAY)
    assert {r.id for r in journal.due_reminders(now)}.isdisjoint({ana.id, ben.id})
    assert ben.id in {r.id for r in journal.due_reminders(now + DAY)}
    assert ben.id in {r.id for r in journal.open_reminders()}
    assert ana.id not in {r.id for r in journal.open_reminders()}
    # Saving the log again keeps the marks made through the journal.
    journal.save_real_interview(interview)
    kept = {r.id: r for r in journal.interview_reminders(interview.id)}
    assert kept[ana.id].done_at == now
    assert kept[ben.id].snoozed_until == now + DAY
    assert journal.close_follow_up(interview.id) == len(interview.reminders)
    assert all(r.source == "practice" for r in journal.open_reminders())


def test_practice_reminders_can_be_left_out(journal: Journal) -> None:
    # A practice session's plan is a drill; what a job seeker must act on is the real one.
    journal.save_session(finished_session("s" * 32, created_at=T0 + 39 * DAY))
    interview = logged()
    journal.save_real_interview(interview)
    now = interview.held_at + 2 * DAY
    everything = journal.due_reminders(now)
    real_only = journal.due_reminders(now, practice=False)
    assert real_only and all(r.source == "interview" for r in real_only)
    assert real_only == [r for r in everything if r.source == "interview"]
    practice_due = sum(1 for r in everything if r.source == "practice")
    assert practice_due > 0
    assert journal.practice_reminder_count(now) == practice_due
    opened = journal.open_reminders(practice=False)
    assert {r.source for r in opened} == {"interview"}
    assert len(opened) == len(interview.reminders)
    assert journal.practice_reminder_count(due=False) == sum(
        1 for r in journal.open_reminders() if r.source == "practice"
    )


def test_study_items_add_edit_delete(journal: Journal) -> None:
    journal.save_session(finished_session("s" * 32))
    before = {item.topic: item for item in journal.study_list()}
    assert set(before) == {"Schema migrations", "Dashboards"}
    own = journal.add_study_item("  Graphs ", now=T0 + DAY)
    assert own.topic == "Graphs" and own.session_id is None
    with pytest.raises(JournalError, match="empty"):
        journal.add_study_item("   ")
    # Editing a reflection's topic changes the stored reflection too.
    assert journal.edit_study_item(before["Dashboards"].id, "Dashboards in Grafana")
    stored = journal.load_session("s" * 32)
    assert stored is not None
    assert "Dashboards in Grafana" in stored["reflection"]["topics"]
    assert "Dashboards" not in stored["reflection"]["topics"]
    with pytest.raises(JournalError, match="already on the study list"):
        journal.edit_study_item(before["Dashboards"].id, "Schema migrations")
    assert not journal.edit_study_item(999, "x")
    # Saving the session again does not bring the old words back.
    journal.save_session(stored)
    topics = {item.topic for item in journal.study_list()}
    assert topics == {"Schema migrations", "Dashboards in Grafana", "Graphs"}
    assert journal.delete_study_item(before["Schema migrations"].id)
    assert not journal.delete_study_item(before["Schema migrations"].id)
    stored = journal.load_session("s" * 32)
    assert stored is not None
    assert stored["reflection"]["topics"] == ["Dashboards in Grafana"]
    assert journal.delete_study_item(own.id)
    assert [item.topic for item in journal.study_list()] == ["Dashboards in Grafana"]


def test_markdown_of_a_real_interview() -> None:
    text = interview_markdown(logged(), UTC)
    assert text.startswith("# Real interview: Data engineer at Acme, 2026-02-10\n")
    assert "- Format: Panel\n- Interviewers: Ana, Ben\n" in text
    assert "## How it went\n\n> Friendly.\\\n> Deep on design.\n" in text
    assert "1. Design a queue. *(technical)*\n   > Went fine.\n" in text
    assert "2. Tell me about a \\| conflict. *(behavioral)*\n" in text
    assert "### Topics to learn\n\n- Queues\n" in text
    assert "### Thank-you note to the interviewer\n\n> Dear Ana and Ben, thank you.\n" in text
    assert "- [ ] 2026-02-11T12:00+00:00: Send a thank-you note to Ana (Ana) [thank-you]" in text


def test_the_whole_journal_in_markdown(journal: Journal) -> None:
    journal.save_session(finished_session("a" * 32))
    journal.save_real_interview(logged())
    text = export_markdown(journal, tz=UTC)
    sessions, interview = text.split("\n---\n\n")
    assert sessions.startswith("# Mock interview with Priya Raman")
    assert interview.startswith("# Real interview: Data engineer at Acme")
    assert text.endswith(
        "# Study list\n\n"
        "- [ ] Schema migrations (from the mock interview with Priya Raman, 2026-01-01)\n"
        "- [ ] Dashboards (from the mock interview with Priya Raman, 2026-01-01)\n"
        "- [ ] Queues (from the real interview at Acme, 2026-02-10)\n"
        "- [ ] Backpressure (from the real interview at Acme, 2026-02-10)\n"
    )
    # One session alone stays as it was.
    assert "# Study list" not in export_markdown(journal, "a" * 32, tz=UTC)
    assert study_list_markdown([], UTC).endswith("*Nothing on the study list.*\n")
