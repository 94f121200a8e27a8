"""write_new_file: the one rule for export file names (issue 14, item 1)."""

from __future__ import annotations

from pathlib import Path

from simulator.journal.export import export_stem, write_new_file


def test_a_taken_name_gets_the_next_number_and_is_never_replaced(tmp_path: Path) -> None:
    first = write_new_file(tmp_path, "mock-interview-2027-01-15-priya", "one")
    second = write_new_file(tmp_path, "mock-interview-2027-01-15-priya", "two")
    (tmp_path / "mock-interview-2027-01-15-priya-3.md").write_text("mine", encoding="utf-8")
    fourth = write_new_file(tmp_path, "mock-interview-2027-01-15-priya", "four")
    assert [first.name, second.name, fourth.name] == [
        "mock-interview-2027-01-15-priya.md",
        "mock-interview-2027-01-15-priya-2.md",
        "mock-interview-2027-01-15-priya-4.md",
    ]
    assert [path.read_text(encoding="utf-8") for path in (first, second, fourth)] == [
        "one",
        "two",
        "four",
    ]
    assert (tmp_path / "mock-interview-2027-01-15-priya-3.md").read_text() == "mine"
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_the_stem_is_a_safe_file_name() -> None:
    stem = export_stem("../../etc/passwd", 1_800_000_000.0)
    assert stem.startswith("mock-interview-")
    assert "/" not in stem and ".." not in stem
    assert export_stem("", 1_800_000_000.0).endswith("-session")
