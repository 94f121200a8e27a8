"""Values pack-format.md allows load: every BCP 47 tag shape, every whole-number due time."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.packs import PackError, load_pack


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text("format: 1\nid: sample\ntitle: Sample\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "language",
    ["en", "pt-BR", "zh-Hant-TW", "de-CH-1901", "en-US-u-ca-gregory", "x-klingon", "i-navajo"],
)
def test_bcp47_language_tags_load(tmp_path: Path, language: str) -> None:
    assert load_pack(write(tmp_path, f"language: {language}\n")).language == language


@pytest.mark.parametrize("language", ["english language", "en_US", "-en", "en-", "toolonglang"])
def test_malformed_language_tags_are_refused(tmp_path: Path, language: str) -> None:
    with pytest.raises(PackError, match="language: must be a language tag"):
        load_pack(write(tmp_path, f"language: {language}\n"))


@pytest.mark.parametrize("due", ["0h", "24h", "07d", "14d", "9999d"])
def test_whole_number_due_times_load(tmp_path: Path, due: str) -> None:
    body = f"kind: follow-up\nquestions:\n  - id: q1\n    prompt: Write it.\n    due: {due}\n"
    assert load_pack(write(tmp_path, body)).questions[0].due == due


@pytest.mark.parametrize("due", ["1.5d", "24", "2w", "-1d", "10000d"])
def test_other_due_times_are_refused(tmp_path: Path, due: str) -> None:
    body = f"kind: follow-up\nquestions:\n  - id: q1\n    prompt: Write it.\n    due: {due}\n"
    with pytest.raises(PackError, match="due: must be a whole number"):
        load_pack(write(tmp_path, body))
