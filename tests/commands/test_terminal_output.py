"""Nothing a command prints can put a raw control byte on the terminal, whatever the text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import journal_samples as samples

from simulator.journal import Journal

SESSION_ID = "feedface" * 4
ANSWER = (
    "<script>alert(1)</script> List<T> __init__ [x](javascript:alert(1))\n"
    "Clear \x1b[2J, title \x1b]0;pwned\x07, clipboard \x1b]52;c;ZXZpbA==\x07,\tCSI \x9b31m, "
    "DEL \x7f, bell \x07, back\rspace, Invoice \u202efdp.exe"
)


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        env={**os.environ, "MOCK_INTERVIEW_HOME": str(home)},
        timeout=120,
        check=False,
    )


def assert_inert(data: bytes) -> str:
    """The bytes hold no control byte but newline, and no C1 or format character."""
    assert [byte for byte in data if byte < 0x20 and byte != 0x0A] == []
    assert 0x7F not in data
    text = data.decode("utf-8")
    assert not [char for char in text if 0x80 <= ord(char) <= 0x9F or char == "\u202e"]
    return text


def save_hostile_session(home: Path) -> None:
    session: dict[str, Any] = dict(samples.finished_session(SESSION_ID))
    session["persona_name"] = "Priya\x1b[31m\nRaman"
    answer = dict(session["answers"][1])
    answer["text"] = ANSWER
    session["answers"] = [answer]
    session["reflection"] = {**session["reflection"], "interviewer_notes": ANSWER}
    now = time.time()
    session["reminders"] = [
        samples.reminder("due", "thank-you", "Send \x1b[2Ja note\u202e", now - 3600, "Ana\x9b")
    ]
    with Journal.open() as journal:
        journal.save_session(session)


def test_log_show_writes_no_control_byte(home: Path) -> None:
    save_hostile_session(home)
    result = run_cli(home, "log", "show", SESSION_ID)
    assert result.returncode == 0, result.stderr
    text = assert_inert(result.stdout)
    assert "Clear \\\\u001b\\[2J, title \\\\u001b\\]0;pwned\\\\u0007" in text
    assert "Invoice \\\\u202efdp.exe" in text
    assert "\\<script\\>alert(1)\\</script\\> List\\<T\\> \\_\\_init\\_\\_" in text


def test_log_list_and_reminders_write_no_control_byte(home: Path) -> None:
    save_hostile_session(home)
    listed = run_cli(home, "log", "list")
    assert listed.returncode == 0, listed.stderr
    (line,) = assert_inert(listed.stdout).splitlines()
    assert "Priya\\u001b[31m Raman" in line
    reminders = run_cli(home, "log", "reminders", "--practice")
    assert reminders.returncode == 0, reminders.stderr
    (line,) = assert_inert(reminders.stdout).splitlines()
    assert "Send \\u001b[2Ja note\\u202e" in line


def test_json_stays_valid_and_exact(home: Path) -> None:
    save_hostile_session(home)
    result = run_cli(home, "log", "export", SESSION_ID, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(assert_inert(result.stdout))
    assert document["sessions"][0]["answers"][0]["text"] == ANSWER


def test_error_messages_write_no_control_byte(tmp_path: Path, home: Path) -> None:
    missing = tmp_path / "evil\x1b]0;title\x07\u202e.yaml"
    result = run_cli(home, "packs", "validate", str(missing))
    assert result.returncode == 1
    assert "evil\\u001b]0;title\\u0007\\u202e.yaml" in assert_inert(result.stdout)
    assert_inert(result.stderr)
    unknown = run_cli(home, "log", "show", "\x1b[2J")
    assert unknown.returncode == 1
    assert "no session or real interview with id \\u001b[2J" in assert_inert(unknown.stderr)
    wrong = run_cli(home, "log", "list", "\x1b[2Jextra")  # argparse repeats it as typed
    assert wrong.returncode == 2
    assert "unrecognized arguments: \\u001b[2Jextra" in assert_inert(wrong.stderr)


def test_packs_list_of_a_hostile_folder_writes_no_control_byte(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "packs\x1b[2J"
    folder.mkdir()
    (folder / "bad.yaml").write_text("format: 1\nid: bad\ntitle: Bad\nkind: quiz\n")
    (folder / "good.yaml").write_text(
        'format: 1\nid: good\ntitle: "Good [b]pack[/b]"\nkind: technical\n'
        "questions:\n  - id: q1\n    prompt: Hi\n"
    )
    for args in (["packs", "list"], ["packs", "list", "--json"]):
        result = run_cli(home, "--packs", str(folder), *args)
        assert result.returncode == 0, result.stderr
        text = assert_inert(result.stdout)
        assert "packs\\u001b[2J" in text
    data = json.loads(text)
    assert any(error["path"].endswith("packs\x1b[2J/bad.yaml") for error in data["errors"])


def test_packs_list_keeps_each_persona_on_one_line(tmp_path: Path, home: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        'format: 1\nid: p\ntitle: P\npersonas:\n  - id: sam\n    name: "Sam\\nSmith"\n'
        '    role: "Lead\\n  engineer"\n    plan:\n      - stage: intro\n'
    )
    result = run_cli(home, "--packs", str(tmp_path), "packs", "list")
    assert result.returncode == 0, result.stderr
    assert "  sam: Sam Smith, Lead engineer (ready)\n" in assert_inert(result.stdout)
