"""Schema 6: an answer owns its recording (file, transcript, delivery); deleting the
session deletes the files; exports hold no audio unless asked."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from journal_samples import finished_session

from simulator.journal import SCHEMA_VERSION, Journal, JournalError, copy_recordings
from simulator.journal.export import export_json, export_markdown

FIXTURES = Path(__file__).parent / "fixtures"
SESSION = "f" * 32
TRANSCRIPT = {"engine": "pocketsphinx", "text": "i led a team", "duration": 2.0, "words": []}
DELIVERY = {"speaking_time": 1.5, "pauses": [{"start": 0.5, "end": 2.6}], "fillers": {"um": 1}}


def wav(path: Path, size: int = 44 + 3200) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"RIFF" + bytes(size - 4))
    return path


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "data" / "journal.sqlite3", clock=lambda: 1000.0) as opened:
        opened.save_session(finished_session(SESSION))
        yield opened


def record(journal: Journal, answer_id: str = "a2") -> Path:
    path = wav(journal.recording_path(SESSION, answer_id))
    journal.save_recording(
        SESSION, answer_id, duration=2.0, transcript=TRANSCRIPT, delivery=DELIVERY
    )
    return path


def test_upgrading_from_schema_5_adds_recordings(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURES / "journal_v5.sql").read_text("utf-8"))
    connection.close()
    with Journal.open(path) as journal:
        assert journal._connection is not None
        assert journal._connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert journal.session_recordings(SESSION) == []
        wav(journal.recording_path(SESSION, "a2"))
        saved = journal.save_recording(
            SESSION, "a2", duration=2.0, transcript=TRANSCRIPT, delivery=DELIVERY
        )
        assert journal.recording(SESSION, "a2") == saved


def test_an_answer_owns_its_recording(journal: Journal, tmp_path: Path) -> None:
    path = record(journal)
    assert path == tmp_path / "data" / "recordings" / SESSION / "a2.wav"
    found = journal.recording(SESSION, "a2")
    assert found is not None
    assert (found.path, found.duration, found.recorded_at) == (path, 2.0, 1000.0)
    assert found.transcript == TRANSCRIPT and found.delivery == DELIVERY
    assert found.transcript_text == "i led a team"
    assert journal.recording(SESSION, "a5") is None
    # Saving the session again (as every step does) keeps the recording.
    journal.save_session(finished_session(SESSION))
    assert journal.recording(SESSION, "a2") == found


def test_recording_again_replaces_the_last(journal: Journal) -> None:
    record(journal)
    journal.save_recording(
        SESSION, "a2", duration=3.0, transcript={**TRANSCRIPT, "text": "again"}, delivery={}
    )
    (only,) = journal.session_recordings(SESSION)
    assert only.duration == 3.0 and only.transcript_text == "again"


def test_what_cannot_be_stored_is_refused(journal: Journal) -> None:
    with pytest.raises(JournalError, match="there is no recording"):
        journal.save_recording(SESSION, "a3", duration=1, transcript={}, delivery={})
    wav(journal.recording_path("n" * 32, "a1"))
    with pytest.raises(JournalError, match="no session with id"):
        journal.save_recording("n" * 32, "a1", duration=1, transcript={}, delivery={})
    for bad in ("../escape", "a/b", "", "a" * 65):
        with pytest.raises(JournalError, match="cannot name a recording"):
            journal.recording_path(SESSION, bad)
    wav(journal.recording_path(SESSION, "a3"))
    with pytest.raises(JournalError, match="cannot be saved"):
        journal.save_recording(
            SESSION, "a3", duration=1, transcript={"x": float("nan")}, delivery={}
        )


def test_deleting_the_session_deletes_its_recordings(journal: Journal) -> None:
    first, second = record(journal, "a2"), record(journal, "a5")
    other = "e" * 32
    journal.save_session(finished_session(other))
    kept = wav(journal.recording_path(other, "a2"))
    journal.save_recording(other, "a2", duration=1, transcript={}, delivery={})
    assert journal.delete_session(SESSION)
    assert not first.exists() and not second.exists()
    assert not first.parent.exists()
    assert journal.session_recordings(SESSION) == []
    assert kept.exists() and journal.recording(other, "a2") is not None


def test_deleting_one_recording(journal: Journal) -> None:
    path = record(journal)
    assert journal.delete_recording(SESSION, "a2")
    assert not path.exists() and journal.recording(SESSION, "a2") is None
    assert not journal.delete_recording(SESSION, "a2")


def test_recordings_no_answer_owns_yet_are_found(journal: Journal) -> None:
    record(journal, "a2")
    left = wav(journal.recording_path(SESSION, "a5"))
    wav(journal.recordings_dir / "not an id" / "x.wav")
    assert journal.unclaimed_recordings() == [(SESSION, "a5", left)]


def test_exports_hold_no_audio_unless_asked(journal: Journal, tmp_path: Path) -> None:
    path = record(journal)
    for text in (export_json(journal), export_markdown(journal), export_json(journal, SESSION)):
        assert "recordings" not in text and "a2.wav" not in text and "RIFF" not in text
    written = copy_recordings(journal, SESSION, tmp_path / "out")
    assert [file.name for file in written] == ["a2.wav", "transcripts.json"]
    assert written[0].read_bytes() == path.read_bytes()
    listing = json.loads(written[1].read_text("utf-8"))
    assert listing == [
        {
            "answer_id": "a2",
            "file": "a2.wav",
            "duration": 2.0,
            "transcript": TRANSCRIPT,
            "delivery": DELIVERY,
        }
    ]
