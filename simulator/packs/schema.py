"""The pack format's JSON Schema, derived from the models."""

from __future__ import annotations

import json
from typing import Any

from simulator.packs.models import FORMAT_VERSION, Pack

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
    return schema


def pack_schema_text() -> str:
    """The schema as indented JSON text."""
    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"
