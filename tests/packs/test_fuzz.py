"""Mutated packs give a pack or a PackError, never any other exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.packs import PackError, load_pack_text
from simulator.packs.yamlread import MAX_BYTES

SEED = (Path(__file__).parent / "fixtures" / "valid" / "text-first.yaml").read_text()
SAMPLE = Path("fuzz.yaml")


def check(text: str) -> None:
    try:
        load_pack_text(SAMPLE, text)
    except PackError as error:
        assert error.problems
        assert all(problem.line >= 1 and problem.column >= 1 for problem in error.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_byte_mutations(data: st.DataObject) -> None:
    raw = bytearray(SEED.encode())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = data.draw(st.integers(0, 255))
        if action == "insert":
            raw.insert(position, byte)
        elif position < len(raw):
            if action == "delete":
                del raw[position]
            else:
                raw[position] = byte
    text = raw.decode("utf-8", "surrogateescape")
    check(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


YAML_BITS = st.sampled_from(
    [
        ": ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!str ",
        "\n",
        "  ",
        "#",
        "'",
        '"',
        "---\n",
        "? ",
        "|",
        ">",
        "x-",
        "format: 1\n",
        "id: a\n",
        "title: t\n",
        "questions:\n",
        "prompt",
        "difficulty: 9",
        "kind: technical\n",
        "\t",
        "\u202e",
        "\x1b",
        "~",
        "null",
        "1e9999",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_BITS | st.text(max_size=5), max_size=60))
def test_structural_mutations(parts: list[str]) -> None:
    check("".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(SEED.splitlines())), st.lists(YAML_BITS, min_size=1, max_size=6))
def test_line_insertions(line: int, parts: list[str]) -> None:
    lines = SEED.splitlines(keepends=True)
    lines.insert(line, "".join(parts) + "\n")
    check("".join(lines))


def test_size_constant() -> None:
    assert MAX_BYTES == 1024 * 1024
