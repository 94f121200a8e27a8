"""The journal across processes: a killed writer, two writers at once, no Textual."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.journal import Journal

WRITER = Path(__file__).with_name("journal_writer.py")


def start_writer(path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(path), prefix, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_mid_write_loses_no_committed_session(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    writer = start_writer(path, "crash", 0)
    assert writer.stdout is not None
    committed: list[str] = []
    deadline = time.monotonic() + 30
    while len(committed) < 25 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    os.kill(writer.pid, signal.SIGKILL)  # while it is busy writing the next ones
    rest, errors = writer.communicate(timeout=30)
    committed.extend(line.strip() for line in rest.splitlines() if line.strip())
    assert writer.returncode == -signal.SIGKILL, errors
    assert len(committed) >= 25, errors

    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    with Journal.open(path) as journal:
        stored = {summary.id for summary in journal.list_sessions()}
        assert set(committed) <= stored
        for session_id in committed:
            assert journal.drafts(session_id)  # its draft was committed before the print
        last = journal.load_session(committed[-1])
        assert last is not None
        assert len(last["answers"]) == 7


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "journal.sqlite3"  # both create and migrate it
    writers = [start_writer(path, prefix, 40) for prefix in ("left", "right")]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, errors) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, errors
    reported = {line for output, _ in outputs for line in output.split()}
    assert len(reported) == 80
    with Journal.open(path) as journal:
        assert {summary.id for summary in journal.list_sessions()} == reported
        assert all(journal.drafts(session_id) for session_id in reported)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM answers").fetchone()[0] == 80 * 7


def test_importing_the_journal_loads_no_textual() -> None:
    code = (
        "import sys, simulator.journal, simulator.journal.export, simulator.journal.markdown\n"
        "loaded = [name for name in sys.modules if name.split('.')[0] == 'textual']\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
