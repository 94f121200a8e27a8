"""The JSON Schema accepts every valid pack and rejects typed faults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from simulator.common import locations
from simulator.packs.models import KINDS
from simulator.packs.schema import pack_schema
from simulator.packs.template import starter_pack


def as_json(text: str) -> Any:
    # What an editor or a CI step does: standard YAML, then JSON types (keys become text).
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = pack_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def builtin_packs() -> list[Path]:
    return sorted(locations.builtin_packs_dir().rglob("*.yaml"))


@pytest.mark.parametrize("path", builtin_packs(), ids=lambda path: path.name)
def test_builtin_packs_pass(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = list(validator.iter_errors(as_json(path.read_text(encoding="utf-8"))))
    assert not errors, [error.message for error in errors]


@pytest.mark.parametrize("kind", KINDS)
def test_starter_pack_passes(validator: jsonschema.Draft202012Validator, kind: str) -> None:
    assert not list(validator.iter_errors(as_json(starter_pack("my-pack", kind))))  # type: ignore[arg-type]


def test_extension_keys_pass(validator: jsonschema.Draft202012Validator) -> None:
    pack = as_json(starter_pack("my-pack", "technical"))
    pack["x-tool"] = {"anything": [1, 2]}
    pack["questions"][0]["x-reviewed"] = True
    assert not list(validator.iter_errors(pack))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda pack: pack["questions"][0].update(promt="typo"), "promt"),
        (lambda pack: pack["questions"][0].update(difficulty=9), "difficulty"),
        (lambda pack: pack["questions"][0].update(difficulty="hard"), "difficulty"),
        (lambda pack: pack["questions"][0].update(id="Bad Id"), "id"),
        (lambda pack: pack.update(format=2), "format"),
        (lambda pack: pack.update(kind="quiz"), "kind"),
        (lambda pack: pack.update(title="x" * 81), "title"),
        (lambda pack: pack.update(tags="general"), "tags"),
        (lambda pack: pack["personas"][0]["plan"].append({"stage": "lunch"}), "stage"),
        (lambda pack: pack.pop("id"), "id"),
    ],
)
def test_typed_faults_are_rejected(
    validator: jsonschema.Draft202012Validator, change: Any, where: str
) -> None:
    pack = as_json(starter_pack("my-pack", "technical"))
    change(pack)
    errors = list(validator.iter_errors(pack))
    assert errors
    assert any(where in (str(error.path) + error.message) for error in errors)
