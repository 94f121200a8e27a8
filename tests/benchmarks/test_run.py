"""The benchmark's own code, run on a tiny corpus. Numbers are never judged here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import corpus, editor  # noqa: E402
from benchmarks.run import table  # noqa: E402
from benchmarks.terminal import visible_text  # noqa: E402

ROWS = [
    "Interviewers listed: home, built-in packs",
    "Interviewers listed: home, 10 questions on --packs (cached)",
    "First paint: home, built-in packs",
    "First paint: home, 10 questions on --packs (cached)",
    "packs list --json, 10 questions, cold",
    "packs list --json, 10 questions, warm",
    "First paint: history",
    "Save one session (10 in the journal)",
    "Keystroke to frame, 50-word answer",
    "Keystroke to frame, typing steadily with autosave",
    "Peak memory: home, built-in packs",
    "Peak memory: home, 10 questions",
    "Word error rate, committed recordings",
    "Transcription real-time factor, 2 s answer",
    "Stop to transcript, 2 s answer",
    "Stop to transcript on screen, 2 s answer",
]


def test_generated_packs_are_valid_and_sized(tmp_path: Path) -> None:
    from simulator.packs import load_pack

    paths = corpus.write_packs(tmp_path, packs=4, questions=6)
    assert len(paths) == 4
    loaded = [load_pack(path) for path in paths]
    assert [len(pack.questions) for pack in loaded] == [6, 6, 6, 6]
    assert [len(pack.personas) for pack in loaded] == [0, 0, 0, 1]
    assert corpus.pack_text(3, 6) == paths[2].read_text("utf-8")  # deterministic


def test_generated_sessions_are_stored_as_given(tmp_path: Path) -> None:
    from simulator.journal import Journal

    path = tmp_path / "journal.sqlite3"
    corpus.write_journal(path, 30)
    with Journal.open(path) as journal:
        summaries = journal.list_sessions()
        assert len(summaries) == journal.count_sessions() == 30
        snapshot = corpus.session_snapshot(7)
        assert journal.load_session(snapshot["id"]) == snapshot
        unfinished = [summary for summary in summaries if summary.phase != "done"]
        assert len(unfinished) == journal.count_sessions(unfinished=True) == 1


def test_long_answer_has_the_words_asked_for() -> None:
    assert len(editor.long_answer(5000).split()) == 5000


def test_a_short_spoken_answer_is_near_the_length_asked_for() -> None:
    pytest.importorskip("numpy")
    from benchmarks import voice

    lengths = [len(voice.long_answer(seconds)[0]) / 16000 for seconds in (2, 3, 60)]
    # Whole recordings only: never shorter than asked, and over by less than the shortest.
    assert 2 <= lengths[0] < 2 + 2.4
    assert 3 <= lengths[1] < 3 + 2.4
    assert 60 <= lengths[2] < 60 + 2.4


def test_visible_text_drops_control_sequences() -> None:
    raw = b"\x1b[?1049h\x1b[1;1H\x1b[38;2;1;2;3mRe\x1b[0mady\x1b]0;title\x07!"
    assert visible_text(raw) == "Ready!"


def test_every_row_is_printed(tmp_path: Path) -> None:
    report = tmp_path / "rows.json"
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            "--quick",
            "--packs",
            "2",
            "--questions",
            "5",
            "--sessions",
            "10",
            "--words",
            "50",
            "--repeats",
            "1",
            "--heavy-repeats",
            "1",
            "--keys",
            "4",
            "--saves",
            "3",
            "--typed",
            "8",
            "--answer-seconds",
            "2",
            "--json",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    for row in ROWS:
        assert row in result.stdout, f"{row!r} missing from:\n{result.stdout}"
    rows = json.loads(report.read_text("utf-8"))["rows"]
    assert len(rows) == len(ROWS)
    for row in rows:
        assert row["target"]
        assert row["met"] in (True, False, None)
        # Every measurement produced a number (history may be skipped with a note).
        assert row["result"] != "n/a" or row["note"], row


@pytest.mark.parametrize("met", [True, False, None])
def test_table_shows_whether_each_target_is_met(met: bool | None) -> None:
    from benchmarks.run import Row

    text = table([Row("A row", "1 ms", "2 ms", "0.50x", "<= 1x", met, "a note")])
    assert {True: "yes", False: "NO", None: "n/a"}[met] in text.splitlines()[2]
    assert "A row: a note" in text
