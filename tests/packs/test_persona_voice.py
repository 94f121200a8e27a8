"""The persona's optional ``voice`` (rate, pitch, variant): checked, kept, cached, in the
schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from simulator.packs import PackError, load_pack_text
from simulator.packs.cache import decode_pack, encode_pack
from simulator.packs.records import PersonaVoice
from simulator.packs.schema import pack_schema

PACK = """\
format: 1
id: voiced
title: Voiced
version: 1.0.0
questions:
  - id: q1
    kind: behavioral
    prompt: Tell me about a time you changed your mind.
personas:
  - id: voiced-lead
    name: Ana
{voice}    plan:
      - stage: questions
        packs: [voiced]
"""


def pack_with(voice: str) -> str:
    return PACK.format(voice=voice)


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack_text(Path("voiced.yaml"), text)
    return [f"{problem.line}: {problem.message}" for problem in caught.value.problems]


def test_a_voice_is_read_and_kept() -> None:
    text = pack_with("    voice:\n      rate: 160\n      pitch: 35\n      variant: f3\n")
    pack = load_pack_text(Path("voiced.yaml"), text)
    assert pack.personas[0].voice == PersonaVoice(rate=160, pitch=35, variant="f3")
    assert decode_pack(encode_pack(pack)) == pack


def test_every_part_of_a_voice_is_optional() -> None:
    pack = load_pack_text(Path("voiced.yaml"), pack_with("    voice:\n      pitch: 70\n"))
    assert pack.personas[0].voice == PersonaVoice(pitch=70)
    plain = load_pack_text(Path("voiced.yaml"), pack_with(""))
    assert plain.personas[0].voice is None
    assert decode_pack(encode_pack(plain)) == plain


@pytest.mark.parametrize(
    ("voice", "field"),
    [
        ("rate: 79", "personas[0].voice.rate"),
        ("rate: 451", "personas[0].voice.rate"),
        ("rate: fast", "personas[0].voice.rate"),
        ("pitch: -1", "personas[0].voice.pitch"),
        ("pitch: 100", "personas[0].voice.pitch"),
        ("variant: f3 --stdout", "personas[0].voice.variant: must be a voice variant"),
        ("variant: ''", "personas[0].voice.variant"),
        ("speed: 120", "personas[0].voice.speed: unknown field; known fields: pitch, rate"),
    ],
)
def test_a_bad_voice_is_refused_at_its_line(voice: str, field: str) -> None:
    found = problems(pack_with(f"    voice:\n      {voice}\n"))
    assert len(found) == 1, found
    assert found[0].startswith(f"13: {field}"), found


def test_the_schema_describes_a_voice() -> None:
    schema = pack_schema()
    validator = jsonschema.Draft202012Validator(schema)
    voice = {"rate": 160, "pitch": 35, "variant": "f3"}
    persona = {"id": "a", "name": "Ana", "voice": voice, "plan": [{"stage": "intro"}]}
    pack = {"format": 1, "id": "p", "title": "P", "version": "1.0.0", "personas": [persona]}
    assert not list(validator.iter_errors(pack))
    for bad in ({"rate": 10}, {"pitch": 100}, {"tone": "low"}, {"variant": "a b"}):
        persona["voice"] = bad
        assert list(validator.iter_errors(pack)), bad
