"""Saving and reading sessions, drafts, reminders, the study list and persona notes."""

from __future__ import annotations

import copy
import threading
from pathlib import Path

import pytest
from journal_samples import DAY, T0, answer, empty_session, finished_session, prompt_hash

from simulator.engine.history import QuestionHistory, QuestionStats
from simulator.journal import Journal, JournalError


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    opened = Journal.open(tmp_path / "journal.sqlite3", clock=lambda: T0 + 5 * DAY)
    yield opened  # type: ignore[misc]
    opened.close()


def count(journal: Journal, table: str) -> int:
    connection = journal._connection
    assert connection is not None
    return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_session_reads_back_exactly(journal: Journal) -> None:
    snapshot = finished_session()
    journal.save_session(snapshot)
    assert journal.load_session(snapshot["id"]) == snapshot
    assert journal.load_session("nope") is None
    assert count(journal, "answers") == 7
    assert count(journal, "scores") == 4
    assert count(journal, "insights") == 2
    assert count(journal, "reflections") == 1
    assert count(journal, "reminders") == 3
    assert count(journal, "study_items") == 2


def test_follow_ups_are_linked_to_their_parent(journal: Journal) -> None:
    journal.save_session(finished_session())
    connection = journal._connection
    assert connection is not None
    rows = dict(
        connection.execute("SELECT id, parent_id FROM answers WHERE parent_id IS NOT NULL")
    )
    assert rows == {"a3": "a2", "a4": "a2"}


def test_saving_again_rewrites_the_rows(journal: Journal) -> None:
    snapshot = finished_session()
    journal.save_session(snapshot)
    changed = copy.deepcopy(snapshot)
    changed["answers"] = changed["answers"][:2]
    changed["answers"][1]["scores"] = {"structure": 5}
    changed["reminders"] = changed["reminders"][:1]
    changed["reflection"]["topics"] = ["Dashboards", "SQL window functions"]
    changed["updated_at"] += 10
    journal.save_session(changed)
    assert journal.load_session(snapshot["id"]) == changed
    assert count(journal, "answers") == 2
    assert count(journal, "scores") == 1
    assert count(journal, "reminders") == 1
    assert [item.topic for item in journal.study_list()] == ["Dashboards", "SQL window functions"]
    assert len(journal.list_sessions()) == 1


def test_an_invalid_snapshot_is_refused_and_nothing_is_written(journal: Journal) -> None:
    broken = finished_session()
    del broken["answers"][1]["prompt_hash"]  # type: ignore[misc]
    with pytest.raises(JournalError, match="prompt_hash is missing"):
        journal.save_session(broken)
    twice = finished_session()
    twice["answers"][1]["id"] = "a1"
    with pytest.raises(JournalError, match="used twice"):
        journal.save_session(twice)
    nan = finished_session()
    nan["answers"][0]["time_used"] = float("nan")
    with pytest.raises(JournalError, match="not JSON"):
        journal.save_session(nan)
    assert journal.list_sessions() == []
    assert count(journal, "answers") == 0


def test_list_sessions_newest_first_with_counts(journal: Journal) -> None:
    journal.save_session(finished_session("a" * 32, created_at=T0))
    journal.save_session(empty_session("b" * 32, created_at=T0 + DAY))
    journal.save_session(empty_session("c" * 32, created_at=T0 + 2 * DAY, phase="reflection"))
    summaries = journal.list_sessions()
    assert [summary.id for summary in summaries] == ["c" * 32, "b" * 32, "a" * 32]
    assert summaries[2].answer_count == 7
    assert summaries[2].skipped_count == 1
    assert summaries[2].mean_score == pytest.approx(3.75)
    assert summaries[0].mean_score is None
    assert [summary.id for summary in journal.list_sessions(limit=1)] == ["c" * 32]
    assert [summary.id for summary in journal.unfinished_sessions()] == ["c" * 32, "b" * 32]
    data = summaries[2].to_json()
    assert data["created_at"] == "2026-01-01T12:00:00+00:00"
    assert data["persona_name"] == "Priya Raman"
    assert data["mean_score"] == 3.75


def test_find_session_ids_by_prefix(journal: Journal) -> None:
    journal.save_session(empty_session("abc1" + "0" * 28))
    journal.save_session(empty_session("abc2" + "0" * 28))
    assert journal.find_session_ids("abc1") == ["abc1" + "0" * 28]
    assert len(journal.find_session_ids("abc")) == 2
    assert journal.find_session_ids("zzz") == []


def test_delete_session(journal: Journal) -> None:
    snapshot = finished_session()
    journal.save_session(snapshot)
    journal.save_draft(snapshot["id"], "answer:a1", "text")
    assert journal.delete_session(snapshot["id"]) is True
    assert journal.delete_session(snapshot["id"]) is False
    assert journal.load_session(snapshot["id"]) is None
    for table in ("answers", "scores", "insights", "reflections", "reminders", "drafts"):
        assert count(journal, table) == 0, table
    # The study list keeps what the user meant to learn.
    assert [(item.topic, item.session_id) for item in journal.study_list()] == [
        ("Schema migrations", None),
        ("Dashboards", None),
    ]


def test_drafts_upsert_and_clear(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.save_draft("s1", "answer:a1", "first")
        journal.save_draft("s1", "answer:a1", "first, longer")
        journal.save_draft("s1", "reflection:went_well", "ok")
        journal.save_draft("s2", "answer:a1", "other session")
    with Journal.open(path) as journal:  # committed at once: there after reopening
        assert journal.drafts("s1") == {
            "answer:a1": "first, longer",
            "reflection:went_well": "ok",
        }
        assert count(journal, "drafts") == 3
        journal.clear_drafts("s1", ["answer:a1", "missing"])
        assert journal.drafts("s1") == {"reflection:went_well": "ok"}
        journal.clear_drafts("s1")
        assert journal.drafts("s1") == {}
        assert journal.drafts("s2") == {"answer:a1": "other session"}


def test_question_stats(journal: Journal) -> None:
    history: QuestionHistory = journal
    assert history.question_stats() == {}
    assert journal.question_stats() == {}
    journal.save_session(finished_session("a" * 32, created_at=T0))
    second = empty_session("b" * 32, created_at=T0 + DAY)
    second["answers"] = [
        answer(
            "x1",
            "Tell me about a time you disagreed with a teammate.",
            "Again.",
            question_id="conflict",
            started_at=T0 + DAY + 30,
            scores={"structure": 1},
        ),
        answer("x2", "Probe?", "p", source="probe", pack_id="", scores={"structure": 1}),
    ]
    journal.save_session(second)
    stats = journal.question_stats()
    assert stats[("core-behavioral", "conflict")] == QuestionStats(
        times_seen=2, mean_score=pytest.approx((4 + 3 + 1) / 3), last_seen=T0 + DAY + 30
    )
    assert stats[("core-behavioral", "failure")] == QuestionStats(
        times_seen=1, mean_score=None, last_seen=T0 + 520
    )
    assert stats[("follow-up-drills", "thank-you")].mean_score == 5
    # Follow-ups, probes, pitches and the candidate's questions are not drawn questions.
    assert set(stats) == {
        ("core-behavioral", "conflict"),
        ("core-behavioral", "failure"),
        ("follow-up-drills", "thank-you"),
    }


def test_changed_questions(journal: Journal) -> None:
    journal.save_session(finished_session())
    current = {
        ("core-behavioral", "conflict"): prompt_hash(
            "Tell me about a time you disagreed with a teammate."
        ),
        ("core-behavioral", "failure"): prompt_hash("Describe a failure, reworded."),
        ("core-behavioral", "unseen"): prompt_hash("New question"),
    }
    # "conflict" has a follow-up answer under another prompt: that is no change.
    assert journal.changed_questions(current) == {("core-behavioral", "failure")}
    assert journal.changed_questions({}) == set()


def test_reminders_due_done_snoozed_closed(journal: Journal) -> None:
    snapshot = finished_session()
    journal.save_session(snapshot)
    first, second, third = (reminder["id"] for reminder in snapshot["reminders"])
    assert journal.due_reminders(T0) == []
    due = journal.due_reminders(T0 + 8 * DAY)
    assert [reminder.id for reminder in due] == [first, second]
    assert due[0].persona_name == "Priya Raman"
    assert due[0].session_id == snapshot["id"]

    assert journal.set_reminder_done(first, T0 + 2 * DAY) is True
    assert journal.set_reminder_done("missing", T0) is False
    assert journal.snooze_reminder(second, T0 + 10 * DAY) is True
    assert journal.snooze_reminder("missing", T0) is False
    assert journal.due_reminders(T0 + 8 * DAY) == []
    assert [reminder.id for reminder in journal.due_reminders(T0 + 10 * DAY)] == [second]

    # The stored snapshot agrees, and saving the engine's older copy keeps the mark.
    stored = journal.load_session(snapshot["id"])
    assert stored is not None
    assert stored["reminders"][0]["done_at"] == T0 + 2 * DAY
    journal.save_session(snapshot)
    stored = journal.load_session(snapshot["id"])
    assert stored is not None
    assert stored["reminders"][0]["done_at"] == T0 + 2 * DAY
    assert snapshot["reminders"][0]["done_at"] is None  # the caller's copy is its own
    assert [reminder.id for reminder in journal.due_reminders(T0 + 10 * DAY)] == [second]

    assert journal.close_follow_up(snapshot["id"]) == 3
    assert journal.due_reminders(T0 + 100 * DAY) == []
    stored = journal.load_session(snapshot["id"])
    assert stored is not None
    assert all(reminder["closed"] for reminder in stored["reminders"])
    assert all(reminder.closed for reminder in journal.reminders(snapshot["id"]))
    assert third in {reminder.id for reminder in journal.reminders(snapshot["id"])}


def test_study_list(journal: Journal) -> None:
    snapshot = finished_session()
    journal.save_session(snapshot)
    items = journal.study_list()
    assert [(item.topic, item.done, item.session_id) for item in items] == [
        ("Schema migrations", False, snapshot["id"]),
        ("Dashboards", False, snapshot["id"]),
    ]
    assert items[0].created_at == T0 + 5 * DAY
    assert journal.set_study_done(items[0].id) is True
    assert journal.set_study_done(999) is False
    journal.save_session(snapshot)  # saving again keeps the tick
    assert [(item.topic, item.done) for item in journal.study_list()] == [
        ("Dashboards", False),
        ("Schema migrations", True),
    ]
    assert [item.topic for item in journal.study_list(include_done=False)] == ["Dashboards"]


def test_persona_notes(journal: Journal) -> None:
    assert journal.persona_notes("priya") == ""
    journal.save_persona_notes("priya", "Ask about on-call.")
    journal.save_persona_notes("priya", "Ask about on-call and the roadmap.")
    journal.save_persona_notes("sam", "Sam likes numbers.")
    assert journal.persona_notes("priya") == "Ask about on-call and the roadmap."
    assert journal.persona_notes("sam") == "Sam likes numbers."


def test_a_closed_journal_says_so(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.close()
    journal.close()
    with pytest.raises(JournalError, match="closed"):
        journal.list_sessions()


def test_many_threads_share_one_journal(journal: Journal) -> None:
    errors: list[BaseException] = []

    def work(number: int) -> None:
        try:
            for step in range(20):
                session_id = f"{number:02d}-{step:02d}".ljust(32, "0")
                journal.save_draft(session_id, "answer:a1", f"draft {step}")
                journal.save_session(empty_session(session_id, created_at=T0 + step))
                journal.list_sessions(limit=3)
                journal.drafts(session_id)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(journal.list_sessions()) == 160
    assert count(journal, "drafts") == 160
