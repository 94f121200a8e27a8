"""The persona extensions as docs/pack-format.md shows them: its example loads, and it
behaves as the section says."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.engine.outcome import pick_closing
from simulator.engine.replies import matched_reply, reply_to
from simulator.packs import load_pack

DOC = Path(__file__).resolve().parents[2] / "docs" / "pack-format.md"
HEADING = "## How an interviewer digs, answers and closes (extensions)"


def example(tmp_path: Path) -> Path:
    """The section's YAML, made a whole pack with one question to draw."""
    text = DOC.read_text("utf-8")
    section = text[text.index(HEADING) :]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    path = tmp_path / "example.yaml"
    path.write_text(
        "format: 1\nid: example\ntitle: Example\nquestions:\n  - id: q1\n"
        "    kind: behavioral\n    prompt: Tell me about a hard shift.\n" + block.group(1),
        encoding="utf-8",
    )
    return path


def test_the_example_loads_with_every_key_it_shows(tmp_path: Path) -> None:
    (persona,) = load_pack(example(tmp_path)).personas
    assert persona.track == "Nursing"
    assert (persona.max_follow_ups, persona.probe_share, persona.follow_up_rate) == (2, 0.5, 0.4)
    assert [closing.when for closing in persona.closings] == ["brief", "strong"]
    assert len(persona.replies) == 2


def test_the_example_replies_as_the_section_says(tmp_path: Path) -> None:
    (persona,) = load_pack(example(tmp_path)).personas
    shift = matched_reply(persona, "whats a typical shift like")
    assert shift is not None and "seven patients" in shift
    mentoring = matched_reply(persona, "is there any mentoring")
    assert mentoring is not None and "preceptor" in mentoring
    assert reply_to(persona, "where do I park") == persona.unmatched_reply


def test_the_first_fitting_closing_is_said(tmp_path: Path) -> None:
    (persona,) = load_pack(example(tmp_path)).personas
    says = {closing.when: closing.say for closing in persona.closings}
    assert pick_closing(says, ("overtime", "brief")).startswith("Thank you. Next time")
    assert pick_closing(says, ("overtime",)) == ""  # no closing for it: the plain one
