"""Loading valid packs: text-first scalars, extension keys, the built-in packs."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from simulator.common import locations
from simulator.packs import load_pack
from simulator.packs.discovery import find_pack_files
from simulator.packs.records import parse_due

VALID = Path(__file__).parent / "fixtures" / "valid"


def test_scalars_stay_text_and_extensions_are_ignored() -> None:
    pack = load_pack(VALID / "text-first.yaml")
    assert pack.title == "NO"
    assert pack.description == "2020-02-30"
    question = pack.questions[0]
    assert question.prompt == "on"
    assert question.keywords == ["NO", "on", "1.10", "2020-02-30", "yes", "~"]
    assert question.difficulty == 3
    assert question.hints == ["null"]
    dumped = json.dumps(asdict(pack))
    assert "my-tool" not in dumped and "Ada" not in dumped


def test_every_builtin_pack_loads() -> None:
    files, problems = find_pack_files(locations.builtin_packs_dir(), "built-in")
    assert not problems
    assert files
    for pack_file in files:
        load_pack(pack_file.path)


def test_crlf_line_endings_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbfformat: 1\r\nid: windows\r\ntitle: Written on Windows\r\n")
    assert load_pack(path).title == "Written on Windows"


def test_emoji_and_joiners_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "emoji.yaml"
    text = "Family 👨\u200d👩\u200d👧 and café with e\u0301"
    path.write_text(f"format: 1\nid: emoji\ntitle: {text}\n", encoding="utf-8")
    assert load_pack(path).title == text


def test_markup_looking_text_is_kept_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(
        'format: 1\nid: markup\ntitle: "[b]x[/b] [@click=app.quit]"\n', encoding="utf-8"
    )
    assert load_pack(path).title == "[b]x[/b] [@click=app.quit]"


def test_parse_due() -> None:
    assert parse_due("24h") == 24 * 3600
    assert parse_due("7d") == 7 * 86400
