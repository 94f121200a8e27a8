"""One table of names (simulator/common/names.py): stages, kinds of answer and counts are called
the same on every screen and in every export, and no screen keeps a table of its own; a
number is put before its noun one way."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.common import names
from simulator.packs.records import STAGES as STAGE_KINDS

SOURCE = Path(__file__).resolve().parents[1] / "simulator"

# A dict entry mapping a stage, phase or answer source to words, e.g. `"intro": "Greeting"`.
OWN_TABLE = re.compile(
    r'^\s*"(intro|prep|pitch|your-questions|wrap-up|follow-up|probe|question|stages|'
    r'self-score|reflection|summary)":\s*"[A-Za-z]',
    re.M,
)


def test_every_stage_and_phase_has_one_name() -> None:
    assert set(STAGE_KINDS) <= set(names.STAGE_NAMES)
    assert {"self-score", "reflection", "follow-up", "summary", "done"} <= set(names.STAGE_NAMES)
    assert names.STAGE_NAMES["intro"] == "Introduction"


def test_follow_up_questions_and_follow_ups_are_never_the_same_words() -> None:
    assert names.SOURCE_NAMES["follow-up"] == names.SOURCE_NAMES["probe"]
    assert names.SOURCE_NAMES["follow-up"] != names.FOLLOW_UPS
    assert names.COUNT_NAMES["follow_ups"] == names.FOLLOW_UP_QUESTIONS != names.FOLLOW_UPS


def test_no_module_keeps_a_table_of_its_own() -> None:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "names.py" or "packs" in path.parts:
            continue  # the pack layer maps kinds to rubric ids, not to words
        for match in OWN_TABLE.finditer(path.read_text("utf-8")):
            line = path.read_text("utf-8").count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(SOURCE)}:{line}: {match.group(0).strip()}")
    assert not found, "use simulator/common/names.py instead:\n" + "\n".join(found)


def test_a_count_names_its_noun_in_the_plural_unless_it_is_one() -> None:
    assert names.counted(1, "topic") == "1 topic"
    assert names.counted(2, "real interview") == "2 real interviews"
    assert names.counted(0, "follow-up") == "0 follow-ups"
