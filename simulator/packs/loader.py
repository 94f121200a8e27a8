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
        },
    }
    model: type[BaseModel] | None = models.Pack
    for part in loc[:-1]:
        if not isinstance(part, str) or model is None:
            continue
        model = children.get(model, {}).get(part)
    return model


def _describe(error: ErrorDetails, loc: PathKey) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    given = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        model = _model_at(loc)
        known = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean {close[0]}?" if close else f"; known fields: {', '.join(known)}"
        return f"unknown field{hint} (extension fields must start with x-)"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"must be a whole number, not {_show(given)}"
    if kind in {"float_parsing", "float_type"}:
        return f"must be a number, not {_show(given)}"
    if kind == "string_type":
        return f"must be text, not {_kind_of(given)}"
    if kind == "list_type":
        return f"must be a list, not {_kind_of(given)}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"must be a mapping of fields, not {_kind_of(given)}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '')}, not {_show(given)}"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"may have at most {ctx.get('max_length')} items"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}, not {_show(given)}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}, not {_show(given)}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc, given)
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"]).lower()


def _pattern_message(loc: PathKey, given: Any) -> str:
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if name == "version":
        return f"must be a semantic version such as 1.2.0, not {_show(given)}"
    if name == "due":
        return f"must be a whole number of hours or days such as 24h or 7d, not {_show(given)}"
    if name == "tags":
        return f"a tag must be text on one line, not only spaces, not {_show(given)}"
    if name == "language":
        return f"must be a language tag such as en or pt-BR, not {_show(given)}"
    return f"must be {_ID_RULE} characters, not {_show(given)}"


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
