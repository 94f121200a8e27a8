"""The pack format's JSON Schema, derived from the models."""

from __future__ import annotations

import json
from typing import Any

from simulator.packs.models import FORMAT_VERSION, Pack
from simulator.packs.records import TAG_PATTERN

SCHEMA_ID = "https://mock-interview.invalid/schema/pack-v1.json"


def pack_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) that accepts valid packs and rejects typed faults."""
    schema = Pack.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "mock-interview question pack"
    schema["description"] = (
        f"A question pack for mock-interview, format {FORMAT_VERSION}. Keys starting with x- "
        "are extensions and are ignored."
    )
    format_field = schema["properties"]["format"]
    format_field["maximum"] = FORMAT_VERSION
    _text_first(schema)
    return schema


def _text_first(node: Any) -> None:
    """Let free text be any scalar, the way the loader reads it.

    The loader reads every scalar as text, so ``title: NO`` or ``tags: [1.10]`` is text;
    an editor reads the same YAML as a boolean or a number. Text fields with a pattern
    (ids, versions, due times) keep to strings, where a number is nearly always a mistake,
    except tags, whose pattern every number and boolean written as text meets.
    """
    if isinstance(node, list):
        for item in node:
            _text_first(item)
        return
    if not isinstance(node, dict):
        return
    if (
        node.get("type") == "string"
        and "enum" not in node
        and "const" not in node
        and node.get("pattern", TAG_PATTERN) == TAG_PATTERN
    ):
        node["type"] = ["string", "number", "boolean"]
    for value in node.values():
        _text_first(value)


def pack_schema_text() -> str:
    """The schema as indented JSON text."""
    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"
