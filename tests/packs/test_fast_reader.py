"""The quick paths of the reader agree with the careful ones, on every input.

``parse`` reads ordinary packs with a tight event loop and only falls back to the careful
builder (which records positions and words messages) when something is unusual; the
forbidden-character check screens bytes before running its regular expression. Both must
give exactly what the careful code gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.packs.errors import PackError
from simulator.packs.yamlread import (
    _FORBIDDEN,
    _Builder,
    _fast_root,
    _may_hold_forbidden,
    _Unusual,
    parse,
)

FIXTURES = Path(__file__).parent / "fixtures"
BUILT_IN = Path(__file__).resolve().parents[2] / "question_packs"
SAMPLE = Path("sample.yaml")


def careful(text: str) -> dict[str, object] | str:
    """What the careful reader gives: the root, or the error's text."""
    builder = _Builder(SAMPLE, record=False)
    try:
        tree = parse_carefully(builder, text)
    except PackError as error:
        return str(error)
    return tree


def parse_carefully(builder: _Builder, text: str) -> dict[str, object]:
    import yaml

    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            builder.feed(event)
    except yaml.YAMLError as error:
        raise PackError.at(SAMPLE, 1, 1, f"yaml: {error}") from None
    if not isinstance(builder.root, dict):
        raise PackError.at(SAMPLE, 1, 1, "not a mapping")
    return builder.root


def quick(text: str) -> dict[str, object] | None:
    try:
        return _fast_root(text)
    except _Unusual:
        return None


def agree(text: str) -> None:
    expected = careful(text)
    got = quick(text)
    if got is not None:
        assert isinstance(expected, dict)
        assert repr(got) == repr(expected)  # the same values, keys in the same order
    # Whatever the quick path did, parse() gives what the careful builder gives.
    try:
        tree = parse(SAMPLE, text)
    except PackError:
        assert not isinstance(expected, dict)
    else:
        assert tree.root == expected


def pack_files() -> list[Path]:
    return sorted([*FIXTURES.rglob("*.yaml"), *BUILT_IN.glob("*.yaml")])


@pytest.mark.parametrize("path", pack_files(), ids=lambda path: path.name)
def test_fixtures_and_built_in_packs(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    agree(text)


def test_built_in_packs_take_the_quick_path() -> None:
    for path in BUILT_IN.glob("*.yaml"):
        assert quick(path.read_text("utf-8")) is not None


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nx-a: 2\nx-a: 3\n",
        "a: 1\nx-b: {c: 1}\nb: 2\n",
        "a:\n  x-c: [1, 2]\n  d: ''\n  e:\n",
        "a: [1, '', , ]\n",
        "? [a]\n: 1\n",
        "a: &x 1\n",
        "a: !!str 1\n",
        "a: *x\n",
        "a: 1\n---\nb: 2\n",
        "- a\n",
        "",
        "a: {b: {c: {d: 1}}}\n",
        "a: 1\na: 2\n",
        ": empty key\n",
        "a: [" * 40 + "]" * 40 + "\n",
    ],
)
def test_unusual_shapes(text: str) -> None:
    agree(text)


YAML_BITS = st.sampled_from(
    [
        *(": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "\n", "  ", "#", "'", '"'),
        *("---\n", "x-", "a", "b", "key", ",", "? ", "|\n", ">-\n", "1", "~", " "),
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_BITS, max_size=40))
def test_random_yaml_agrees(bits: list[str]) -> None:
    agree("".join(bits))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_forbidden_screen_never_misses(text: str) -> None:
    data = text.encode("utf-8")
    if _FORBIDDEN.search(text) is not None:
        assert _may_hold_forbidden(data)


@pytest.mark.parametrize(
    "text",
    ["plain", "a\r\nb", "a\rb", "tab\there", "\x00", "\x7f", "\x85", "é\u200b", "emoji 👍🏽"],
)
def test_forbidden_screen_examples(text: str) -> None:
    found = _FORBIDDEN.search(text) is not None
    assert _may_hold_forbidden(text.encode("utf-8")) == found


@pytest.mark.parametrize(
    "text",
    [
        'a: "\\e[2J"\n',
        'a: ["ok", "\\x9b31m"]\n',
        '"\\u202Ekey": 1\n',
        'x-a: "\\a"\n',
        'a: "\\r"\n',
    ],
)
def test_escaped_forbidden_characters_leave_the_quick_path(text: str) -> None:
    assert quick(text) is None
    with pytest.raises(PackError, match="written as an escape"):
        parse(SAMPLE, text)


@pytest.mark.parametrize(
    "text", ['a: "tab\\there"\n', 'a: "two\\nlines\\r\\n"\n', 'a: "caf\\u00e9 \\u200D \\\\e"\n']
)
def test_allowed_escapes_stay_on_the_quick_path(text: str) -> None:
    assert quick(text) is not None
    agree(text)
