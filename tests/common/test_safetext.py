"""The text sinks: what reaches a terminal or a Markdown document is inert."""

from __future__ import annotations

import io
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.common.safetext import (
    TerminalStream,
    for_markdown_code,
    for_markdown_inline,
    for_markdown_lines,
    for_terminal,
    one_line,
)


def is_inert(text: str) -> bool:
    """No control character but newline, no format character but ZWJ/ZWNJ, no separator."""
    for char in text:
        category = unicodedata.category(char)
        if char == "\n" or char in "\u200c\u200d":
            continue
        if category in {"Cc", "Cf", "Cs", "Zl", "Zp"}:
            return False
    return True


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_terminal_text_is_always_inert(text: str) -> None:
    assert is_inert(for_terminal(text))


def test_every_format_character_is_escaped_for_the_terminal() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in {"Cc", "Cf"} and char not in "\n\u200c\u200d":
            assert for_terminal(char) != char, f"U+{code:04X}"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain é 😀 \u200d", "plain é 😀 \u200d"),
        ("a\nb\r\nc", "a\nb\r\nc"),
        ("\x1b[2J", "\\u001b[2J"),
        ("\x9b31m", "\\u009b31m"),
        ("tab\there", "tab    here"),
        ("over\rwrite", "over\\u000dwrite"),
        ("\u202efdp.exe", "\\u202efdp.exe"),
        ("\U000e0041", "\\udb40\\udc41"),
    ],
)
def test_terminal_escapes(text: str, shown: str) -> None:
    assert for_terminal(text) == shown


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))))
def test_json_through_the_terminal_stays_equal(text: str) -> None:
    written = json.dumps({"text": text}, ensure_ascii=False)
    assert json.loads(for_terminal(written)) == {"text": text}


def test_terminal_stream_filters_every_write() -> None:
    target = io.StringIO()
    stream = TerminalStream(target)
    assert stream.write("a\x1b") == 2
    stream.writelines(["\x07", "b\n"])
    stream.flush()
    assert target.getvalue() == "a\\u001b\\u0007b\n"
    assert stream.getvalue() == target.getvalue()  # the rest is the real stream's


def test_one_line() -> None:
    assert one_line("  a\n b\t\tc \u2028d ") == "a b c d"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("<script>", "\\<script\\>"),
        ("__init__", "\\_\\_init\\_\\_"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("a | b", "a \\| b"),
        ("R&D &amp; &#60;", "R&D \\&amp; \\&\\#60;"),
        ("- item", "\\- item"),
        ("  + item", "\\+ item"),
        ("12. item", "12\\. item"),
        ("3) item", "3\\) item"),
        ("===", "\\==="),
        ("C# and ~~x~~ and `y`", "C\\# and \\~\\~x\\~\\~ and \\`y\\`"),
        ("a \\ b", "a \\\\ b"),
        ("on-call, 2.5 days", "on-call, 2.5 days"),
        ("two\nlines", "two lines"),
        ("\x1b[2J", "\\\\u001b\\[2J"),
    ],
)
def test_markdown_inline(text: str, markdown: str) -> None:
    assert for_markdown_inline(text) == markdown


def test_markdown_lines_keep_breaks_and_paragraphs() -> None:
    assert for_markdown_lines("one\ntwo \\\n\nthree\r\nfour\n  - five") == [
        "one\\",
        "two \\\\",
        "",
        "three\\",
        "four\\",
        "  \\- five",
    ]
    assert for_markdown_lines("") == [""]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("core-behavioral", "`core-behavioral`"),
        ("a`b", "``a`b``"),
        ("`start", "`` `start ``"),
        ("x\n\x1b", "`x \\u001b`"),
    ],
)
def test_markdown_code(text: str, code: str) -> None:
    assert for_markdown_code(text) == code
