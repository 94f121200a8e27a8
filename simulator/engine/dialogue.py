"""What the interviewer says, and who says it: pure functions of the persona.

Each random choice here is made by its own ``random.Random`` seeded with the session's seed
and a stable name for the choice (never a shared generator), so a restored session says and
decides exactly what the original would have.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Final

from simulator.engine.outcome import pick_closing
from simulator.engine.snapshot import AnswerSource
from simulator.packs.records import ClosingCase, Persona, Stage

PREP_CHECKLIST: Final[tuple[str, ...]] = (
    "Research the company",
    "Research the interviewer",
    "Review your resume",
    "Prepare questions to ask",
    "Prepare your elevator pitch",
)
"""The preparation checklist every session starts with."""

PITCH_PROMPT: Final = (
    "Tell me about yourself: your elevator pitch. Who you are, what you do, "
    "and what you are looking for."
)
"""What the interviewer asks at a pitch stage."""

PITCH_LINE: Final = "Before we begin, I'd like to hear your elevator pitch."
"""What the interviewer says as the pitch stage starts."""

CLARIFICATION_FALLBACK: Final = (
    "Take it the way you understand it: say what you are assuming, then answer."
)
"""Said when the candidate asks for clarification and the pack gives none."""

YOUR_QUESTIONS_LINE: Final = "Do you have any questions for me?"
"""What the interviewer says at the your-questions stage."""

YOUR_QUESTIONS_PANEL_LINE: Final = "Do you have any questions for us?"
"""What a panel says at the your-questions stage."""

STAGE_DONE_LINE: Final = "That's everything I wanted to ask in this part."
"""Said when a questions stage has nothing more to ask."""

NEXT_QUESTION_LINE: Final = "Thank you. Next question."
"""The transition used when the persona has none of its own."""

AFTER_SKIP_LINE: Final = "That's fine, we can leave that one. Here's another."
"""Said before a question that comes after a skipped one, instead of a transition (a
persona's transitions may thank the candidate for an answer that was not given)."""

PLAIN_CLOSING: Final = "Thank you for your time today."
"""The closing of a persona that gives none."""


def _rng(seed: int, name: str) -> random.Random:
    return random.Random(f"{seed}:{name}")  # noqa: S311 (repeatable, not for security)


def greeting(persona: Persona) -> str:
    """The persona's greeting, or a plain one (naming the panel, for a panel)."""
    if persona.greeting:
        return persona.greeting
    if persona.panel:
        names = ", ".join(member.name for member in persona.panel)
        return f"Hello, and thank you for coming in. With me today: {names}."
    role = f", {persona.role}" if persona.role else ""
    return f"Hello, I'm {persona.name}{role}. Thank you for coming in."


def closing(persona: Persona, cases: Sequence[ClosingCase] = ()) -> str:
    """The persona's closing for how the session went, followed by its next steps.

    ``cases`` are the closing cases the session fits (see :mod:`simulator.engine.outcome`):
    the persona's closing for the first of them it has one for, else its plain closing.
    """
    says = {item.when: item.say for item in persona.closings}
    said = pick_closing(says, cases) or persona.closing or PLAIN_CLOSING
    return f"{said}\n\n{persona.next_steps}" if persona.next_steps else said


def stage_line(persona: Persona, stage: Stage, cases: Sequence[ClosingCase] = ()) -> str:
    """What the interviewer says in a stage other than questions ("" for questions).

    ``cases`` choose the closing said at wrap-up.
    """
    kind = stage.stage
    if kind == "prep":
        return persona.instructions or persona.description
    if kind == "intro":
        return greeting(persona)
    if kind == "pitch":
        return PITCH_LINE
    if kind == "your-questions":
        return YOUR_QUESTIONS_PANEL_LINE if persona.panel else YOUR_QUESTIONS_LINE
    if kind == "wrap-up":
        return closing(persona, cases)
    return ""


def question_line(
    persona: Persona,
    stage: Stage,
    *,
    seed: int,
    source: AnswerSource | None,
    number: int,
    answer_id: str,
    after_skip: bool = False,
) -> str:
    """What the interviewer says before a question of a questions stage.

    Nothing left (``source`` None): that the stage is done. A follow-up or probe: nothing
    (its prompt says it all). The first question: the stage's title. After a skipped
    question (``after_skip``): a neutral line. Later ones: one of the persona's transitions,
    chosen by the seed and the answer's id.
    """
    if source is None:
        return STAGE_DONE_LINE
    if source != "question":
        return ""
    if number <= 1:
        return f"Next part: {stage.title}." if stage.title else "Let's begin."
    if after_skip:
        return AFTER_SKIP_LINE
    if not persona.transitions:
        return NEXT_QUESTION_LINE
    return _rng(seed, f"transition:{answer_id}").choice(persona.transitions)


def stage_lead(persona: Persona, stage: Stage) -> tuple[str, str] | None:
    """(name, role) of the panel member a stage's title names, such as "Sofia: technical".

    The part of the title before a colon, or else any word of it, is compared with each
    member's full and first name (case-insensitively). None when no member is named.
    """
    if not persona.panel or not stage.title:
        return None
    title = stage.title.casefold()
    head = title.split(":", 1)[0].strip() if ":" in title else ""
    words = set(re.findall(r"\w+", title))
    for member in persona.panel:
        full = member.name.casefold()
        first = full.split()[0] if full.split() else full
        if head and head in (full, first):
            return member.name, member.role
    for member in persona.panel:
        full = member.name.casefold()
        first = full.split()[0] if full.split() else full
        if first in words:
            return member.name, member.role
    return None


def panel_speaker(persona: Persona, turn: int, stage: Stage | None = None) -> tuple[str, str]:
    """(name, role) of who asks the ``turn``-th question.

    A persona that is not a panel asks everything itself. In a panel, the member a stage's
    title names asks that stage's questions; otherwise the members take turns.
    """
    if not persona.panel:
        return persona.name, persona.role
    if stage is not None:
        lead = stage_lead(persona, stage)
        if lead is not None:
            return lead
    member = persona.panel[turn % len(persona.panel)]
    return member.name, member.role
