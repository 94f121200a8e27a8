"""Text made safe for where it goes: the terminal, Markdown documents.

Text from packs, the journal and imported files is untrusted: a control character can
clear or retitle a terminal or write its clipboard, a right-to-left override can disguise
what a line says, and Markdown punctuation can turn an answer into HTML or a link. Every
place text leaves the program goes through one function here for its kind of sink, never
through escaping written at the call site. This module imports nothing from the project,
so any layer may use it.
"""

from __future__ import annotations

import re
from typing import IO, Any

FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
"""Unicode format characters (category Cf) as a regular-expression class body, except the
zero-width joiner and non-joiner, which emoji sequences and several scripts need. A test
checks this list against unicodedata."""

# What a terminal must never receive raw: C0 controls but newline and tab, a carriage
# return not ending a line, DEL, C1 controls (U+009B is a CSI on many terminals), format
# characters, the Unicode line and paragraph separators, and lone surrogates.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
    + FORMAT_CHARACTERS
    + "]|\r(?!\n)"
)
_TAB = "    "


def _escape(match: re.Match[str]) -> str:
    """A character as JSON writes an escape (\\u001b; astral ones as a surrogate pair).

    The JSON form means JSON text passed through :func:`for_terminal` stays valid and
    decodes to the same values, since these characters can only occur inside its strings.
    """
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def for_terminal(text: str) -> str:
    """``text`` safe to write to a terminal: newlines kept, tabs as four spaces, and every
    other control or invisible formatting character shown as an escape such as \\u001b."""
    if "\t" in text:
        text = text.replace("\t", _TAB)
    if _TERMINAL_UNSAFE.search(text) is None:
        return text
    return _TERMINAL_UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` on one line, runs of whitespace (line breaks too) as single spaces."""
    return " ".join(text.split())


class TerminalStream:
    """A text stream that passes everything written through :func:`for_terminal`.

    The command line writes through these instead of the real standard output and error,
    so no message, listing or error of any command can put a raw control byte on the
    user's terminal, whatever text it holds.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text``, made safe; returns the length given, as streams do."""
        self._stream.write(for_terminal(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        """Write each of ``lines``."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        # flush, isatty, fileno, encoding and the rest are the real stream's.
        return getattr(self._stream, name)


# Markdown: every character that can start markup anywhere in a line gets a backslash
# (CommonMark lets any ASCII punctuation be escaped, and the escape renders as the
# character itself). "&" only when it would start an entity such as &lt; or &#60;.
_MARKDOWN_ANYWHERE = re.compile(r"[\\`*_\[\]<>|~#]|&(?=#?[0-9A-Za-z]+;)")
# At the start of a line (after any indentation): list markers, headings' setext
# underlines, and numbered list items such as "1." and "1)".
_MARKDOWN_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d{1,9})([.)]))")


def _markdown_line(line: str) -> str:
    line = _TERMINAL_UNSAFE.sub(_escape, line)
    line = _MARKDOWN_ANYWHERE.sub(lambda match: "\\" + match.group(), line)

    def mark(match: re.Match[str]) -> str:
        indent, marker, digits, dot = match.groups()
        return f"{indent}\\{marker}" if marker else f"{indent}{digits}\\{dot}"

    return _MARKDOWN_LINE_START.sub(mark, line, count=1)


def for_markdown_inline(text: str) -> str:
    """``text`` as Markdown inline content on one line (a heading, list item, table cell)
    that renders as exactly the same characters: no emphasis, link, HTML or list."""
    return _markdown_line(one_line(text.replace("\t", " ")))


def for_markdown_lines(text: str) -> list[str]:
    """``text`` as Markdown lines that render as the same text, line breaks kept.

    Each line ends in a hard line break (a backslash) when another line follows it; a
    blank line stays a paragraph break. Control and formatting characters are shown as
    escapes such as \\u001b, since a document is read in terminals too.
    """
    lines = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", _TAB).strip("\n").split("\n")
    )
    shown = [_markdown_line(line.rstrip()) for line in lines]
    for index in range(len(shown) - 1):
        if shown[index] and shown[index + 1]:
            shown[index] += "\\"
    return shown


def for_markdown_code(text: str) -> str:
    """``text`` as a Markdown code span (for ids and other literal words), on one line."""
    shown = _TERMINAL_UNSAFE.sub(_escape, one_line(text))
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    if shown.startswith("`") or shown.endswith("`"):
        shown = f" {shown} "
    return f"{fence}{shown}{fence}"
