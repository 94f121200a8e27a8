"""The commented starter pack written by ``mock-interview packs new``."""

from __future__ import annotations

from simulator.packs.records import Kind
from simulator.packs.rubrics import DEFAULT_RUBRIC_BY_KIND

_EXAMPLES: dict[Kind, dict[str, str]] = {
    "behavioral": {
        "prompt": "Tell me about a time you had to learn something new quickly.",
        "tag": "learning",
        "point": "What you had to learn and why it was urgent",
        "keywords": "[learned, deadline, practice]",
        "follow_up": "What would you do differently if it happened again?",
    },
    "technical": {
        "prompt": "How would you explain what an index does in a database?",
        "tag": "databases",
        "point": "What an index speeds up and what it costs",
        "keywords": "[index, lookup, write, trade-off]",
        "follow_up": "When would you decide not to add an index?",
    },
    "informational": {
        "prompt": "What made you interested in talking to someone in this field?",
        "tag": "motivation",
        "point": "Why this field, and why now",
        "keywords": "[curious, field, goal]",
        "follow_up": "What have you already tried to learn about it?",
    },
    "follow-up": {
        "prompt": "Write the thank-you email you would send after yesterday's interview.",
        "tag": "thank-you",
        "point": "Something specific you talked about",
        "keywords": "[thank, enjoyed, role]",
        "follow_up": "Who else should get a note?",
    },
}


_TEMPLATE = """\
# yaml-language-server: $schema=./pack.schema.json
# A mock-interview question pack. Check it with:  mock-interview packs validate {pack_id}.yaml
# Write the schema for editor completion with:   mock-interview packs schema > pack.schema.json
# All text is plain text: nothing here is ever read as markup or as a link.
format: 1                     # the pack format version
id: {pack_id}
title: {title}
version: 0.1.0                # raise it when you change the content
kind: {kind}
description: >-
  Describe what this pack is for and who it helps.
authors: [Your Name]
license: CC-BY-4.0
language: en
tags: [{tag}]
rubric: {rubric}   # built in; a pack can define its own under rubrics

questions:
  - id: first-question        # lowercase letters, digits and hyphens
    prompt: >-
      {prompt}
    difficulty: 2             # 1 (easy) to 5 (hard)
    time_limit: 120           # seconds to answer
    clarification: Answer with an example from your own experience.
    hints:
      - Start with the situation, then say what you did.
    talking_points:           # what a strong answer covers
      - {point}
    keywords: {keywords}
    follow_ups:
      - {follow_up}{checklist}{due}

personas:
  - id: {pack_id}-interviewer
    name: Sam
    role: Interviewer
    description: Friendly and curious.
    greeting: Hi, thanks for making the time. Shall we start?
    closing: That is all from me. Thank you.
    instructions: Think of two or three stories you could tell.
    next_steps: You will hear back within a week.
    transitions:
      - Thanks. Next question.
      - Let's move on.
    probes:
      - Can you give me an example?
    plan:
      - stage: prep
      - stage: intro
      - stage: questions
        count: 1
        packs: [{pack_id}]
      - stage: your-questions
      - stage: wrap-up
"""
"""The starter pack's text, with a field for each part that depends on the id and kind."""

_FOLLOW_UP_EXTRAS = {
    "checklist": (
        "\n    checklist:                # ticked by the user after answering"
        "\n      - A clear subject line"
        "\n      - Thanks for their time"
    ),
    "due": "\n    due: 24h                  # follow-up drills: when it is due",
}
"""What only a follow-up drill's question holds."""


def starter_pack(pack_id: str, kind: Kind) -> str:
    """A valid, commented pack with one question and one persona, ready to edit."""
    extras = _FOLLOW_UP_EXTRAS if kind == "follow-up" else dict.fromkeys(_FOLLOW_UP_EXTRAS, "")
    return _TEMPLATE.format(
        pack_id=pack_id,
        title=pack_id.replace("-", " ").capitalize(),
        kind=kind,
        rubric=DEFAULT_RUBRIC_BY_KIND[kind],
        **_EXAMPLES[kind],
        **extras,
    )
