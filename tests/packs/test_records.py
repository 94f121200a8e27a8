"""The run-time records mirror the pydantic models field for field, and survive the cache."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticUndefined

from simulator.packs import models, records
from simulator.packs.cache import decode_pack, encode_pack

NAMES = [
    "Criterion",
    "Rubric",
    "Question",
    "PanelMember",
    "PersonaVoice",
    "Reply",
    "Closing",
    "Stage",
    "Persona",
    "Pack",
]
PAIRS = [(getattr(models, name), getattr(records, name)) for name in NAMES]
RECORD_OF = dict(PAIRS)


def as_record_hint(hint: Any) -> Any:
    """A model's field type as the record's should read: models replaced by records."""
    if hint in RECORD_OF:
        return RECORD_OF[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is None or origin is typing.Literal:
        return hint
    rewritten = tuple(as_record_hint(arg) for arg in args)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[rewritten]  # noqa: UP007
    return origin[rewritten]


@pytest.mark.parametrize(("model", "record"), PAIRS, ids=NAMES)
def test_records_have_the_models_fields(model: Any, record: Any) -> None:
    fields = dataclasses.fields(record)
    assert [field.name for field in fields] == list(model.model_fields)
    model_hints = typing.get_type_hints(model)  # Annotated constraints left out
    record_hints = typing.get_type_hints(record)
    for field in fields:
        info = model.model_fields[field.name]
        assert record_hints[field.name] == as_record_hint(model_hints[field.name]), field.name
        if info.default_factory is not None:
            assert field.default_factory is not dataclasses.MISSING, field.name
            assert field.default_factory() == info.default_factory(), field.name  # type: ignore[call-arg]
        elif info.default is PydanticUndefined:
            assert field.default is dataclasses.MISSING, f"{field.name} is required"
            assert field.default_factory is dataclasses.MISSING, f"{field.name} is required"
        else:
            assert field.default == info.default, field.name


@pytest.mark.parametrize(("model", "record"), PAIRS, ids=NAMES)
def test_records_have_the_models_methods(model: Any, record: Any) -> None:
    # The reference checks call these on the models; the rest of the program on records.
    public = {name for name in vars(model) if not name.startswith("_")} - {"to_record"}
    public -= set(model.model_fields) | {"model_config"}
    assert public <= set(vars(record)), public - set(vars(record))
    assert dataclasses.is_dataclass(record)
    assert record.__dataclass_params__.frozen
    assert hasattr(record, "__slots__")


TEXT = st.text(st.characters(codec=None), max_size=12)  # lone surrogates too


def strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    """Any value a record field of this type may hold (the format's limits aside)."""
    if dataclasses.is_dataclass(hint):
        return records_of(hint)  # type: ignore[arg-type]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([strategy_for(arg) for arg in args])
    if origin is list:
        return st.lists(strategy_for(args[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(st.integers(1, 5), TEXT, max_size=5)
    if hint is str:
        return TEXT
    if hint is float:
        return st.floats(allow_nan=False)
    if hint is type(None):
        return st.none()
    return st.from_type(hint)


def records_of(kind: type[Any]) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(kind)
    return st.builds(
        kind, **{field.name: strategy_for(hints[field.name]) for field in dataclasses.fields(kind)}
    )


@settings(max_examples=150, deadline=None)
@given(records_of(records.Pack))
def test_any_pack_survives_the_cache(pack: records.Pack) -> None:
    again = decode_pack(encode_pack(pack))
    assert again == pack
    assert [type(question) for question in again.questions] == [records.Question] * len(
        pack.questions
    )


def test_fields_left_at_their_defaults_are_not_stored() -> None:
    stage = records.Stage(stage="questions", count=2)
    pack = records.Pack(
        format=1,
        id="small",
        title="Small",
        questions=[records.Question(id="q", prompt="Why?", difficulty=3, tags=[])],
        personas=[records.Persona(id="p", name="P", plan=[stage])],
    )
    assert encode_pack(pack) == (
        b'{"format":1,"id":"small","title":"Small","questions":[{"id":"q","prompt":"Why?"}],'
        b'"personas":[{"id":"p","name":"P","plan":[{"stage":"questions","count":2}]}]}'
    )
