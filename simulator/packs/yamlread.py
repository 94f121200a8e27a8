"""A hardened reader for pack files: YAML in, plain dicts, lists and strings out.

The file is decoded strictly, scanned for characters that could hijack a terminal, then
read as libyaml's event stream. Building the tree from events (rather than letting PyYAML
construct objects) means anchors, aliases, tags, duplicate keys and deep nesting are refused
before anything is built, nothing recurses, and every scalar stays text: only the schema turns
``difficulty: 3`` into a number. On request the reader also records where each value and key
starts, so validation errors can point at the right line.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.common.safetext import FORMAT_CHARACTERS
from simulator.packs.errors import PackError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32

PathKey = tuple[str | int | None, ...]
Mark = tuple[int, int]

# Control characters except tab and newline (a carriage return is fine only before a
# newline), and Unicode format characters (category Cf) except the zero-width joiner and
# non-joiner, which emoji sequences and several scripts need.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + FORMAT_CHARACTERS + "]|\r(?!\n)")


@dataclass
class Tree:
    """A parsed file: its root mapping and, when recorded, where each part starts."""

    root: dict[str, Any]
    """The top-level mapping, with ``x-`` extension keys left out."""
    values: dict[PathKey, Mark] = field(default_factory=dict)
    """Where each value starts, as 1-based (line, column), by path from the root."""
    keys: dict[PathKey, Mark] = field(default_factory=dict)
    """Where each mapping key starts, by the path of its value."""

    def mark(self, path: PathKey, *, key: bool = False) -> Mark:
        """The position of the longest known prefix of ``path``."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if key and end == len(path) and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)


def field_name(path: PathKey) -> str:
    """A path written the way a user reads it: ``questions[2].prompt``."""
    text = ""
    for part in path:
        if part is None:
            continue
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    if len(text) > 80:
        text = text[:38] + "..." + text[-38:]
    return text or "the file"


def read_text(path: Path) -> str:
    """The file's text, refusing files that are too big, not UTF-8 or hold unsafe characters."""
    try:
        data = _read_regular_file(path, MAX_BYTES + 1)
    except OSError as error:
        raise PackError.at(path, 1, 1, f"cannot read the file: {error.strerror}") from None
    if data is None:
        raise PackError.at(
            path, 1, 1, "not a regular file (a folder, pipe or device); a pack is a plain file"
        )
    if len(data) > MAX_BYTES:
        raise PackError.at(path, 1, 1, "the file is larger than 1 MiB, the most a pack may be")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        where = _field_at(path, data.decode("utf-8", "replace"), line, column)
        raise PackError.at(
            path,
            line,
            column,
            f"{where}the file is not UTF-8 text (byte 0x{data[error.start]:02x})",
        ) from None
    found = _FORBIDDEN.search(text) if _may_hold_forbidden(data) else None
    if found is not None:
        offset = found.start()
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        code = ord(found.group()[0])
        kind = "a control character" if code < 0xA0 else "an invisible formatting character"
        where = _field_at(path, _FORBIDDEN.sub(" ", text), line, column)
        raise PackError.at(
            path,
            line,
            column,
            f"{where}the file holds {kind} (U+{code:04X}), which packs may not use",
        )
    return text


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a named pipe must not wait for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def _read_regular_file(path: Path, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of a regular file; None when ``path`` is something else.

    A pipe, socket or device named ``*.yaml`` could block the reader forever or never end,
    so the file is opened without waiting and checked before a byte is read.
    """
    handle = os.open(path, _OPEN_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            chunk = os.read(handle, limit - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


_ASCII = bytes(range(0x80))
_SAFE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r" + bytes(range(0x80, 0x100))


def _may_hold_forbidden(data: bytes) -> bool:
    """Whether UTF-8 ``data`` may hold a character :data:`_FORBIDDEN` matches.

    A quick screen done with byte translations (the regular expression alone takes tens of
    milliseconds per pack): False means certainly none; True means look with the expression.
    """
    if data.translate(None, _SAFE_ASCII):
        return True  # an ASCII control character
    if data.count(b"\r") != data.count(b"\r\n"):
        return True  # a carriage return not followed by a newline
    # Removing every ASCII byte from valid UTF-8 leaves exactly its non-ASCII characters.
    rest = data.translate(None, _ASCII)
    return bool(rest) and _FORBIDDEN.search(rest.decode("utf-8")) is not None


def _field_at(path: Path, text: str, line: int, column: int) -> str:
    """``"name: "`` for the field whose value holds a position, or "" when none is found."""
    try:
        tree = parse(path, text, record=True)
    except PackError:
        return ""
    best: PathKey | None = None
    for candidate, mark in tree.values.items():
        if mark <= (line, column) and (best is None or mark >= tree.values[best]):
            best = candidate
    return f"{field_name(best)}: " if best else ""


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "e": "\x1b"}
_SIMPLE_ESCAPES |= {"r": "\r", "N": "\x85"}


def _escape_position(text: str, start: Any, end: Any) -> Mark:
    """Where, in a double-quoted scalar, the first escape of a forbidden character is.

    The scalar's own start when it cannot be found (it always can in real files).
    """
    source = text[start.index : end.index]
    for match in _ESCAPE.finditer(source):
        hex_code = match.group(1) or match.group(2) or match.group(3)
        if hex_code:
            char = chr(int(hex_code, 16)) if int(hex_code, 16) <= 0x10FFFF else ""
        else:
            char = _SIMPLE_ESCAPES.get(match.group(4), "")
        if not char or not _FORBIDDEN.match(char):
            continue
        if char == "\r" and source.startswith("\\n", match.end()):
            continue  # \r\n is a line ending, allowed as in the file's own bytes
        offset = start.index + match.start()
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
    return start.line + 1, start.column + 1


class _Builder:
    """Turns libyaml events into plain values, refusing what packs may not use."""

    def __init__(self, path: Path, record: bool, text: str = "") -> None:
        self.path = path
        self.record = record
        self.text = text
        self.tree_values: dict[PathKey, Mark] = {}
        self.tree_keys: dict[PathKey, Mark] = {}
        # Each frame: [container, path, pending key or None, keys seen {key: line}, skip]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.documents = 0

    def fail(self, mark: Any, message: str) -> PackError:
        return PackError.at(self.path, mark.line + 1, mark.column + 1, message)

    def child_path(self) -> tuple[PathKey, bool]:
        """The path of the next value, and whether it belongs under an ``x-`` key."""
        if not self.stack:
            return (), False
        container, path, pending, _seen, skip = self.stack[-1]
        if isinstance(container, list):
            return (*path, len(container)), skip
        return (*path, pending), skip or str(pending).startswith("x-")

    def attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
            return
        key = frame[2]
        if not str(key).startswith("x-"):
            container[key] = value
        frame[2] = None

    def refuse_decorations(self, event: Any, where: str) -> None:
        if getattr(event, "anchor", None) is not None:
            raise self.fail(
                event.start_mark,
                f"{where}: anchors such as &{event.anchor} are not allowed in packs",
            )
        if getattr(event, "tag", None) is not None:
            raise self.fail(
                event.start_mark,
                f"{where}: YAML tags such as {_short_tag(event.tag)} are not allowed in packs",
            )

    def refuse_escaped(self, event: Any, where: str, what: str = "value") -> None:
        """Refuse a double-quoted scalar whose escapes decode to a forbidden character.

        Only double quotes have escapes (``"\\e[2J"``, ``"\\u202E"``); every other scalar
        holds just characters of the file, which :func:`read_text` has checked already.
        """
        if event.style != '"':
            return
        found = _FORBIDDEN.search(event.value)
        if found is None:
            return
        code = ord(found.group()[0])
        kind = "a control character" if code < 0xA0 else "an invisible formatting character"
        line, column = _escape_position(self.text, event.start_mark, event.end_mark)
        raise PackError.at(
            self.path,
            line,
            column,
            f"{where}: the {what} holds {kind} (U+{code:04X}) written as an escape, which "
            "packs may not use",
        )

    def expecting_key(self) -> bool:
        return (
            bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None
        )

    def scalar(self, event: Any) -> None:
        path, _skip = self.child_path()
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if self.expecting_key():
            frame = self.stack[-1]
            where = field_name(frame[1]) if frame[1] else "the file"
            self.refuse_decorations(event, f"a key in {where}")
            self.refuse_escaped(event, f"a key in {where}", "key")
            key = event.value
            seen: dict[str, int] = frame[3]
            if key in seen:
                raise self.fail(
                    event.start_mark,
                    f"{field_name((*frame[1], key))}: duplicate key (first given on line "
                    f"{seen[key]})",
                )
            seen[key] = mark[0]
            frame[2] = key
            if self.record:
                self.tree_keys[(*frame[1], key)] = mark
            return
        self.refuse_decorations(event, field_name(path))
        self.refuse_escaped(event, field_name(path))
        value = None if event.style is None and event.value == "" else event.value
        if self.record:
            self.tree_values[path] = mark
        self.attach(value)

    def start(self, event: Any, container: Any) -> None:
        path, skip = self.child_path()
        if self.expecting_key():
            where = field_name(self.stack[-1][1]) if self.stack[-1][1] else "the file"
            raise self.fail(event.start_mark, f"a key in {where} must be plain text")
        self.refuse_decorations(event, field_name(path))
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(
                event.start_mark,
                f"nesting is deeper than {MAX_DEPTH} levels at {field_name(path)}",
            )
        if self.record:
            self.tree_values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        self.stack.append([container, path, None, {}, skip])

    def end(self) -> None:
        frame = self.stack.pop()
        self.attach(frame[0])

    def feed(self, event: Any) -> None:
        import yaml  # see parse

        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            self.start(event, {})
        elif isinstance(event, yaml.SequenceStartEvent):
            self.start(event, [])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.end()
        elif isinstance(event, yaml.AliasEvent):
            where = field_name(self.child_path()[0])
            raise self.fail(
                event.start_mark,
                f"{where}: aliases such as *{event.anchor} are not allowed in packs",
            )
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    event.start_mark, "the file holds several YAML documents; a pack is one"
                )


class _Unusual(Exception):
    """Raised by :func:`_fast_root` for anything but a plain, valid pack."""


def _fast_root(text: str) -> dict[str, Any]:
    """The root mapping of ordinary pack text, as :class:`_Builder` would build it.

    The same libyaml event stream, read in one tight loop with no positions recorded and no
    messages prepared. Anything :class:`_Builder` would refuse (or anything unusual at all)
    raises :class:`_Unusual`, and the careful builder then reads the text again to say what
    is wrong, so both always agree.
    """
    from yaml._yaml import CParser

    try:
        get_event = CParser(text).get_event
        root = _fast_tree(get_event)
        _fast_tail(get_event)
    except Exception:  # a YAML error, _Unusual itself, or anything else: read carefully
        raise _Unusual from None
    if not isinstance(root, dict):
        raise _Unusual
    return root


def _fast_tree(get_event: Callable[[], Any]) -> Any:
    """The root container, read to its end. A frame: [container, is mapping, key, x- keys]."""
    import yaml  # see parse

    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    mapping_end = yaml.MappingEndEvent
    sequence_end = yaml.SequenceEndEvent
    quiet = (yaml.StreamStartEvent, yaml.DocumentStartEvent)
    stack: list[list[Any]] = []
    frame: list[Any] | None = None
    while True:
        event: Any = get_event()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None or event.tag is not None or frame is None:
                raise _Unusual
            container = frame[0]
            value = event.value
            if event.style == '"' and _FORBIDDEN.search(value) is not None:
                raise _Unusual  # an escape of a forbidden character: see refuse_escaped
            if not frame[1]:
                container.append(None if event.style is None and value == "" else value)
                continue
            key = frame[2]
            if key is None:
                if value in container or (value.startswith("x-") and _repeated(frame, value)):
                    raise _Unusual
                frame[2] = value
                continue
            if not key.startswith("x-"):
                container[key] = None if event.style is None and value == "" else value
            frame[2] = None
        elif kind is mapping_start or kind is sequence_start:
            if (
                event.anchor is not None
                or event.tag is not None
                or len(stack) >= MAX_DEPTH
                or (frame is not None and frame[1] and frame[2] is None)
            ):
                raise _Unusual
            mapping = kind is mapping_start
            frame = [{} if mapping else [], mapping, None, None]
            stack.append(frame)
        elif kind is mapping_end or kind is sequence_end:
            done = stack.pop()[0]
            if not stack:
                return done
            frame = stack[-1]
            if not frame[1]:
                frame[0].append(done)
                continue
            key = frame[2]
            if not key.startswith("x-"):
                frame[0][key] = done
            frame[2] = None
        elif kind not in quiet:
            raise _Unusual  # a scalar or empty root, an alias, or something new


def _repeated(frame: list[Any], key: str) -> bool:
    """Whether an ``x-`` key came before in its mapping (which keeps no ``x-`` values)."""
    seen = frame[3]
    if seen is None:
        seen = frame[3] = set()
    elif key in seen:
        return True
    seen.add(key)
    return False


def _fast_tail(get_event: Callable[[], Any]) -> None:
    """Read what follows the root: only its document's end, then the stream's."""
    import yaml  # see parse

    if (type(get_event()), type(get_event())) != (yaml.DocumentEndEvent, yaml.StreamEndEvent):
        raise _Unusual  # a second document


def parse(path: Path, text: str, *, record: bool = False) -> Tree:
    """Read pack text into a :class:`Tree`, or raise :class:`PackError`."""
    # PyYAML is imported when a pack is first parsed: a start with every pack in the
    # cache never needs it (it is several megabytes of memory).
    import yaml

    if not record:
        try:
            return Tree(_fast_root(text))
        except _Unusual:
            pass  # the careful reading below finds and reports the problem
    builder = _Builder(path, record, text)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = error.problem or error.context or "cannot be read"
        raise PackError.at(path, line, column, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise PackError.at(path, 1, 1, f"not valid YAML: {error}") from None
    if builder.root is None:
        raise PackError.at(
            path, 1, 1, "the file is empty; a pack needs at least format, id and title"
        )
    if not isinstance(builder.root, dict):
        raise PackError.at(
            path, 1, 1, "the file must be a mapping of fields (format, id, title, ...)"
        )
    return Tree(builder.root, builder.tree_values, builder.tree_keys)
