"""Load one pack file: a :class:`Pack`, or a :class:`PackError`, and nothing else.

The file is validated with the pydantic models of :mod:`simulator.packs.models`, then
turned into the plain records of :mod:`simulator.packs.records`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.packs.errors import PackError, Problem
from simulator.packs.records import FORMAT_VERSION, Pack
from simulator.packs.yamlread import PathKey, Tree, field_name, parse, read_text

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

MAX_PROBLEMS = 50

_ID_RULE = "lowercase letters, digits and single hyphens (like core-behavioral), at most 64"


def load_pack(path: Path) -> Pack:
    """Read and check one pack file. Raises :class:`PackError` for every kind of failure."""
    return _guarded(path, lambda: load_pack_text(path, read_text(path)))


def load_pack_text(path: Path, text: str) -> Pack:
    """Check pack text already in memory, reported as coming from ``path``.

    Raises :class:`PackError` for every kind of failure.
    """
    return _guarded(path, lambda: _check_text(path, text))


def _guarded(path: Path, load: Callable[[], Pack]) -> Pack:
    try:
        return load()
    except PackError:
        raise
    except RecursionError:
        raise PackError.at(path, 1, 1, "the file is nested too deeply to read") from None
    except MemoryError:
        raise PackError.at(path, 1, 1, "the file needs too much memory to read") from None
    except Exception as error:  # the loader's promise: a pack or a PackError, nothing else
        raise PackError.at(path, 1, 1, f"the file could not be read ({error})") from None


def _check_text(path: Path, text: str) -> Pack:
    tree = parse(path, text)
    _check_format(path, text, tree)
    # pydantic is imported when a pack is first parsed, like PyYAML: a start that finds
    # every pack in the cache needs neither (the models and their schema cost ~10 MB).
    from pydantic import ValidationError

    from simulator.packs.models import Pack as PackModel
    from simulator.packs.references import KEY, check_references

    try:
        pack = PackModel.model_validate(tree.root)
    except ValidationError as error:
        marked = parse(path, text, record=True)
        raise PackError(_validation_problems(path, marked, error.errors())) from None
    faults = check_references(pack)
    if faults:
        marked = parse(path, text, record=True)
        problems = []
        for fault_path, message in faults[:MAX_PROBLEMS]:
            at_key = fault_path[-1:] == (KEY,)
            where = fault_path[:-1] if at_key else fault_path
            line, column = marked.mark(where, key=at_key)
            problems.append(Problem(path, line, column, f"{field_name(where)}: {message}"))
        problems.sort(key=lambda problem: (problem.line, problem.column))
        raise PackError(problems)
    return pack.to_record()


def _check_format(path: Path, text: str, tree: Tree) -> None:
    """Refuse a newer format before anything else, since its fields may be unknown here."""
    value = tree.root.get("format")
    if isinstance(value, str) and value.strip().isdigit() and int(value) > FORMAT_VERSION:
        line, column = parse(path, text, record=True).mark(("format",))
        raise PackError.at(
            path,
            line,
            column,
            f"format: this pack is written for format {int(value)} and needs a newer version "
            f"of mock-interview (this one reads format {FORMAT_VERSION})",
        )


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    """The model whose fields a location's last key belongs to."""
    from simulator.packs import models

    children: dict[type[BaseModel], dict[str, type[BaseModel]]] = {
        models.Pack: {
            "rubrics": models.Rubric,
            "questions": models.Question,
            "personas": models.Persona,
        },
        models.Rubric: {"criteria": models.Criterion},
        models.Persona: {
            "plan": models.Stage,
            "panel": models.PanelMember,
            "closings": models.Closing,
            "replies": models.Reply,
            "voice": models.PersonaVoice,
        },
    }
    model: type[BaseModel] | None = models.Pack
    for part in loc[:-1]:
        if not isinstance(part, str) or model is None:
            continue
        model = children.get(model, {}).get(part)
    return model


class _Context(dict[str, Any]):
    """An error's context for a message template: what pydantic left out reads as None."""

    def __missing__(self, key: str) -> Any:
        return "" if key == "expected" else None


_MESSAGES = {
    "missing": "is required",
    "int_parsing": "must be a whole number, not {shown}",
    "int_type": "must be a whole number, not {shown}",
    "int_from_float": "must be a whole number, not {shown}",
    "float_parsing": "must be a number, not {shown}",
    "float_type": "must be a number, not {shown}",
    "string_type": "must be text, not {kind_of}",
    "list_type": "must be a list, not {kind_of}",
    "model_type": "must be a mapping of fields, not {kind_of}",
    "dict_type": "must be a mapping of fields, not {kind_of}",
    "model_attributes_type": "must be a mapping of fields, not {kind_of}",
    "literal_error": "must be one of {expected}, not {shown}",
    "string_too_long": "is too long: at most {max_length} characters",
    "string_too_short": "must not be empty",
    "too_short": "needs at least {min_length} item(s)",
    "too_long": "may have at most {max_length} items",
    "greater_than_equal": "must be at least {ge}, not {shown}",
    "less_than_equal": "must be at most {le}, not {shown}",
}
"""The message for each kind of pydantic error, filled from its context: ``shown`` is the
value given (:func:`_show`), ``kind_of`` what kind of value it is (:func:`_kind_of`)."""

_PATTERN_RULES = {
    "version": "must be a semantic version such as 1.2.0",
    "due": "must be a whole number of hours or days such as 24h or 7d",
    "tags": "a tag must be text on one line, not only spaces",
    "language": "must be a language tag such as en or pt-BR",
    "variant": "must be a voice variant such as f3 or m2 (letters, digits, - and _, at most "
    "40 characters)",
}
"""What a field with a pattern must be, by the field's name (an id's rule otherwise)."""


def _describe(error: ErrorDetails, loc: PathKey) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    given = error.get("input")
    if kind == "extra_forbidden":
        return _unknown_field(loc)
    if kind == "string_pattern_mismatch":
        name = next((part for part in reversed(loc) if isinstance(part, str)), "")
        rule = _PATTERN_RULES.get(name, f"must be {_ID_RULE} characters")
        return f"{rule}, not {_show(given)}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    template = _MESSAGES.get(kind)
    if template is None:
        return str(error["msg"]).lower()
    return template.format_map(_Context(ctx, shown=_show(given), kind_of=_kind_of(given)))


def _unknown_field(loc: PathKey) -> str:
    model = _model_at(loc)
    known = sorted(model.model_fields) if model else []
    close = difflib.get_close_matches(str(loc[-1]), known, n=1)
    hint = f"; did you mean {close[0]}?" if close else f"; known fields: {', '.join(known)}"
    return f"unknown field{hint} (extension fields must start with x-)"


def _show(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    return _kind_of(value)


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def _validation_problems(path: Path, tree: Tree, errors: list[ErrorDetails]) -> list[Problem]:
    problems = []
    for error in errors:
        raw = tuple(error["loc"])
        is_key = bool(raw) and raw[-1] == "[key]"
        loc: PathKey = tuple(part for part in raw if part != "[key]")
        kind = error["type"]
        line, column = tree.mark(loc, key=is_key or kind == "extra_forbidden")
        problems.append(Problem(path, line, column, f"{field_name(loc)}: {_describe(error, loc)}"))
    problems.sort(key=lambda problem: (problem.line, problem.column))
    return problems[:MAX_PROBLEMS]
