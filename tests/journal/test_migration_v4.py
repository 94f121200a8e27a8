"""Schema 4: answer tags, real-interview logs and study topics from real interviews, added
to a journal written at schema 3 that already holds sessions."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from journal_samples import DAY, T0, finished_session

from simulator.journal import SCHEMA_VERSION, Journal
from simulator.journal.database import backup_path
from simulator.journal.interviews import new_interview
from simulator.journal.migrations import migrate
from simulator.journal.models import InterviewQuestion

FIXTURES = Path(__file__).parent / "fixtures"
NEW_TABLES = {
    "answer_tags",
    "real_interviews",
    "real_interview_questions",
    "real_interview_reminders",
}


def schema3_journal(path: Path, tags: dict[str, object] | None = None) -> Path:
    """The frozen schema-3 journal, its finished session's answers given ``tags`` (answer id
    to the value stored as that answer's tags in the snapshot)."""
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / "journal_v3.sql").read_text("utf-8"))
    if tags:
        row = connection.execute("SELECT snapshot FROM sessions WHERE id = ?", ("f" * 32,))
        snapshot = json.loads(row.fetchone()[0])
        for answer in snapshot["answers"]:
            if answer["id"] in tags:
                answer["tags"] = tags[answer["id"]]
        connection.execute(
            "UPDATE sessions SET snapshot = ? WHERE id = ?", (json.dumps(snapshot), "f" * 32)
        )
        connection.commit()
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 3
    connection.close()
    return path


def tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}


def test_upgrading_from_schema_3_finds_every_session(tmp_path: Path) -> None:
    path = schema3_journal(
        tmp_path / "journal.sqlite3",
        {"a2": ["conflict", "teamwork", "conflict"], "a5": ["failure"]},
    )
    with Journal.open(path) as journal:
        connection = journal._connection
        assert connection is not None
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert tables(connection) >= NEW_TABLES
        # Every session is still there, whole.
        assert [summary.id for summary in journal.list_sessions()] == ["e" * 32, "f" * 32]
        stored = journal.load_session("f" * 32)
        assert stored is not None
        expected = finished_session("f" * 32)
        assert [a["id"] for a in stored["answers"]] == [a["id"] for a in expected["answers"]]
        assert stored["reflection"] == expected["reflection"]
        # The answers' tags were copied out of the stored snapshots, once each.
        rows = connection.execute(
            "SELECT answer_id, tag FROM answer_tags ORDER BY answer_id, tag"
        ).fetchall()
        assert rows == [("a2", "conflict"), ("a2", "teamwork"), ("a5", "failure")]
        # Progress can read them; spaced review sees the same answers as before.
        tagged = [answer for answer in journal.scored_answers() if answer.tags]
        assert [answer.tags for answer in tagged] == [("conflict", "teamwork")]
        assert tagged[0].scores == {"structure": 4, "impact": 3}
        events = journal.review_events()
        assert {event.key for event in events} >= {("core-behavioral", "conflict")}
        skipped = [event for event in events if event.key[1] == "failure"]
        assert skipped and skipped[0].skipped
        # The study list kept its marks and says where each topic came from.
        study = {item.topic: item for item in journal.study_list()}
        assert {topic: item.done for topic, item in study.items()} == {
            "Schema migrations": False,
            "Dashboards": True,
        }
        assert all(item.interview_id is None for item in study.values())
        assert study["Dashboards"].source_name == "Priya Raman"
        # Reminders: the same three due, now with their source.
        due = journal.due_reminders(T0 + 30 * DAY)
        assert [reminder.title for reminder in due] == [
            "Send a thank-you note",
            "Ask about the decision",
            "Check in",
        ]
        assert {reminder.source for reminder in due} == {"practice"}
        # The new tables work.
        interview = new_interview(
            company="Acme",
            role="Data engineer",
            held_at=T0 + 40 * DAY,
            format="technical",
            interviewers=["Sam"],
            questions=[InterviewQuestion("Design a queue.")],
            reflection={
                "went_well": "",
                "say_differently": "",
                "topics": ["Queues"],
                "interviewer_notes": "",
            },
            now=T0 + 40 * DAY,
        )
        journal.save_real_interview(interview)
        assert journal.real_interview(interview.id) == interview
        assert "Queues" in {item.topic for item in journal.study_list()}
        journal.save_session(finished_session("n" * 32, created_at=T0 + 9 * DAY))
        assert len(journal.list_sessions()) == 3
    backup = backup_path(path, 3)
    assert backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 3
    assert old.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2
    assert not NEW_TABLES & tables(old)
    old.close()


def test_the_migration_alone_on_a_connection(tmp_path: Path) -> None:
    path = schema3_journal(tmp_path / "journal.sqlite3", {"a2": ["conflict"]})
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    assert migrate(connection, target=4) == 3
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 4
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    columns = [row[1] for row in connection.execute("PRAGMA table_info(study_items)")]
    assert columns[-1] == "interview_id"
    assert connection.execute("SELECT count(*) FROM answer_tags").fetchone()[0] == 1
    assert connection.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2
    connection.close()


@pytest.mark.parametrize(
    "tags",
    [
        {"a2": "conflict"},  # a string, not a list
        {"a2": [1, None, "", {"x": 1}]},  # nothing usable
        {"zz": ["orphan"]},  # no such answer
    ],
)
def test_odd_tags_in_old_snapshots_are_left_out(tmp_path: Path, tags: dict[str, object]) -> None:
    path = schema3_journal(tmp_path / "journal.sqlite3", tags)
    with Journal.open(path) as journal:
        connection = journal._connection
        assert connection is not None
        assert connection.execute("SELECT count(*) FROM answer_tags").fetchone()[0] == 0
        assert len(journal.list_sessions()) == 2


def test_saving_a_session_stores_its_tags(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        snapshot = finished_session("t" * 32)
        snapshot["answers"][1]["tags"] = ["conflict", "teamwork"]
        journal.save_session(snapshot)
        journal.save_session(snapshot)  # saved again: replaced, not doubled
        connection = journal._connection
        assert connection is not None
        rows = connection.execute("SELECT tag FROM answer_tags ORDER BY tag").fetchall()
        assert rows == [("conflict",), ("teamwork",)]
        assert journal.delete_session("t" * 32)
        assert connection.execute("SELECT count(*) FROM answer_tags").fetchone()[0] == 0
