"""The README's key table is the app's key table, row for row."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.tui.keys import KEYS

REPO = Path(__file__).resolve().parent.parent


def readme_key_rows() -> list[tuple[str, str, str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        match = re.fullmatch(r"\| `([^`]+)` \| ([^|]+) \| ([^|]+) \|", line.strip())
        if match:
            rows.append((match.group(1), match.group(2).strip(), match.group(3).strip()))
    return rows


def test_readme_key_table_matches_the_app() -> None:
    assert readme_key_rows() == [(entry.key, entry.where, entry.what) for entry in KEYS]
