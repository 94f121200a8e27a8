"""Follow-up chains: whether the interviewer digs into an answer, how deep, and with what.

After each submitted answer to a drawn question (and after each answer to a follow-up of
it) the interviewer may ask another follow-up, up to the persona's ``max_follow_ups`` in a
row. Each one follows the answer just before it:

- The chance of the ``n``-th follow-up in a row is
  ``follow_up_rate * (1 + 0.5 * signs) * 0.5 ** (n - 1)``, at most 1, where ``signs``
  counts the weak signs the offline insights see in the answer just before it (see
  :func:`weak_signs`). So ``follow_up_rate`` is the chance of a first follow-up on an answer
  with no weak sign, each weak sign adds half again, and each further follow-up in a row is
  half as likely as the one before on an answer that looks the same.
- What is asked: when the question has follow-ups of its own and the persona has probes,
  a probe with the chance ``probe_share``, else one of the question's follow-ups; when
  only one of the two exists, that one. A prompt already asked in the session is not asked
  again; when the chosen kind has nothing new left the other kind is used, and when
  neither has, the chain ends.

Every draw comes from its own ``random.Random`` seeded with the session's seed, the stage,
the question and the depth, so a seed gives the same follow-ups for the same answers, and a
restored session decides exactly as the original would have.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from typing import Final, Literal

from simulator.engine.insights import Insights
from simulator.engine.snapshot import AnswerSnapshot, AnswerSource
from simulator.packs.records import Persona

WeakSign = Literal["short", "no result", "no numbers"]
"""Something in an answer that makes an interviewer dig further."""

WEAK_SIGN_BOOST: Final = 0.5
"""Each weak sign raises the chance of a follow-up by half of ``follow_up_rate``."""

DEPTH_DECAY: Final = 0.5
"""Each further follow-up in a row is half as likely as the one before."""


def weak_signs(insights: Insights, kind: str = "") -> tuple[WeakSign, ...]:
    """The weak signs the insights see in an answer of ``kind``, in a fixed order.

    - ``short``: empty, or under 40% of what fits in its time when spoken (the length
      insight's "too short").
    - ``no result``: a behavioral answer with no cue of a STAR result.
    - ``no numbers``: no number, percentage, amount or measured change.

    Writing drills (kind ``follow-up``) are messages, not spoken answers, and a good one is
    short: they show no weak signs.
    """
    if kind == "follow-up":
        return ()
    signs: list[WeakSign] = []
    if insights.length.verdict in ("empty", "too short"):
        signs.append("short")
    if insights.star is not None and "result" in insights.star.missing:
        signs.append("no result")
    if insights.numbers.total == 0:
        signs.append("no numbers")
    return tuple(signs)


def follow_up_chance(rate: float, depth: int, signs: int) -> float:
    """The chance of the ``depth``-th follow-up in a row (from 1) after an answer with
    ``signs`` weak signs."""
    if depth < 1:
        raise ValueError("the depth of a follow-up starts at 1")
    chance = rate * (1 + WEAK_SIGN_BOOST * signs) * DEPTH_DECAY ** (depth - 1)
    return min(1.0, max(0.0, chance))


def _rng(seed: int, name: str) -> random.Random:
    return random.Random(f"{seed}:{name}")  # noqa: S311 (repeatable, not for security)


def choose_follow_up(
    persona: Persona,
    follow_ups: Sequence[str],
    *,
    seed: int,
    stage_index: int,
    pack_id: str,
    question_id: str,
    depth: int = 1,
    signs: int = 0,
    asked: Collection[str] = (),
) -> tuple[AnswerSource, str] | None:
    """Whether to ask the ``depth``-th follow-up in a row on a question, and what.

    ``follow_ups`` are the question's own; ``signs`` counts the weak signs of the answer just
    before; ``asked`` holds the prompts already asked in the session. Returns ("follow-up",
    prompt), ("probe", prompt) or None; see the module's description for the rule.
    """
    if depth > persona.max_follow_ups:
        return None
    name = f"follow-up:{stage_index}:{pack_id}:{question_id}"
    rng = _rng(seed, name if depth == 1 else f"{name}:{depth}")
    if rng.random() >= follow_up_chance(persona.follow_up_rate, depth, signs):
        return None
    own = [prompt for prompt in dict.fromkeys(follow_ups) if prompt not in asked]
    probes = [prompt for prompt in dict.fromkeys(persona.probes) if prompt not in asked]
    if own and probes:
        if rng.random() < persona.probe_share:
            return "probe", rng.choice(probes)
        return "follow-up", rng.choice(own)
    if own:
        return "follow-up", rng.choice(own)
    if probes:
        return "probe", rng.choice(probes)
    return None


def chain_of(answers: Sequence[AnswerSnapshot], answer: AnswerSnapshot) -> list[AnswerSnapshot]:
    """The answers from the question at the root of ``answer``'s follow-ups to ``answer``.

    Each follow-up's ``parent_id`` is the answer just before it, so this walks back to the
    answer that has no parent (a parent that is missing ends the walk).
    """
    by_id = {item["id"]: item for item in answers}
    chain = [answer]
    seen = {answer["id"]}
    while (parent_id := chain[-1]["parent_id"]) is not None and parent_id not in seen:
        parent = by_id.get(parent_id)
        if parent is None:
            break
        chain.append(parent)
        seen.add(parent_id)
    chain.reverse()
    return chain
