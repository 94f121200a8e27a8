"""``mock-interview packs ...`` as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import main

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ},
        timeout=120,
    )


def test_list_json_shape(tmp_path: Path) -> None:
    result = run("packs", "list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"packs", "personas", "errors"}
    assert data["errors"] == []
    kinds: set[str] = set()
    for pack in data["packs"]:
        assert {"id", "title", "version", "path", "source", "questions"} <= set(pack)
        assert pack["source"] == "built-in"
        kinds |= set(pack["questions"])
    assert kinds == {"behavioral", "technical", "informational", "follow-up"}
    for persona in data["personas"]:
        assert {"id", "name", "pack", "usable", "reason"} <= set(persona)


def test_validate_builtin_packs_exits_0() -> None:
    result = run("packs", "validate", str(REPO / "question_packs"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_edit_after_cache_is_picked_up(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    pack = folder / "mine.yaml"
    pack.write_text("format: 1\nid: mine\ntitle: Before\nkind: technical\n")
    first = json.loads(run("--packs", str(folder), "packs", "list", "--json").stdout)
    assert any(item["title"] == "Before" for item in first["packs"])
    pack.write_text("format: 1\nid: mine\ntitle: Afters\nkind: technical\n")
    second = json.loads(run("packs", "list", "--json", "--packs", str(folder)).stdout)
    assert any(item["title"] == "Afters" for item in second["packs"])
    pack.unlink()
    third = json.loads(run("packs", "list", "--json", "--packs", str(folder)).stdout)
    assert not any(item["id"] == "mine" for item in third["packs"])


def test_new_writes_a_valid_pack_for_each_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for kind in ("behavioral", "technical", "informational", "follow-up"):
        assert main(["packs", "new", f"my-{kind}", "--kind", kind]) == 0
        assert main(["packs", "validate", f"my-{kind}.yaml"]) == 0
    assert main(["packs", "new", "my-technical", "--kind", "technical"]) == 1
    assert main(["packs", "new", "Not Valid"]) == 2


def test_install_validates_then_copies(tmp_path: Path, home: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\n")
    assert main(["packs", "install", str(bad)]) == 1
    assert not (home / "packs").exists()
    good = tmp_path / "good.yaml"
    good.write_text("format: 1\nid: good\ntitle: Good\nkind: technical\n")
    assert main(["packs", "install", str(good)]) == 0
    assert (home / "packs" / "good.yaml").is_file()
    folder = tmp_path / "repo" / "packs"
    folder.mkdir(parents=True)
    (folder / "one.yml").write_text("format: 1\nid: one\ntitle: One\nkind: technical\n")
    assert main(["packs", "install", str(folder.parent)]) == 0
    assert (home / "packs" / "one.yaml").is_file()
    listed = json.loads(run("packs", "list", "--json").stdout)
    assert any(item["id"] == "good" and item["source"] == "user" for item in listed["packs"])


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["packs", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["format"]["maximum"] == 1


def test_version_and_help_on_every_command() -> None:
    for args in (["--version"], ["packs", "--version"], ["packs", "list", "--version"]):
        result = run(*args)
        assert result.returncode == 0 and "mock-interview" in result.stdout
    for args in (["--help"], ["packs", "--help"], ["packs", "validate", "--help"]):
        assert run(*args).returncode == 0


def test_validate_missing_path_exits_1(tmp_path: Path) -> None:
    result = run("packs", "validate", str(tmp_path / "nope"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
