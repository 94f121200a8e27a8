"""What kind of question a logged real-interview question is, from its wording.

A real interview mixes kinds: a technical round still asks "Why do you want to leave your
current job?", and a phone screen may ask for a design. So a logged question without a
kind of its own is read for the cues below before the interview's format decides; the
first family with a cue wins, in the order the table lists them (a story or a motivation
question is told as one whatever the round).
"""

from __future__ import annotations

import re

_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "behavioral",
        (
            r"\btell me about (a|an|the|one) (time|situation|moment|project|occasion)\b",
            r"\btell me about yourself\b",
            r"\bwalk me through your (background|cv|resume|résumé|career)\b",
            r"\bdescribe (a|an|the) (time|situation|moment|occasion)\b",
            r"\b(give|share) (me |us )?an example\b",
            r"\bhave you ever\b",
            r"\bwhy (do|did|would) you (want|wish|choose|apply|leave|decide)\b",
            r"\bwhy (are|were) you (leaving|looking|interested)\b",
            r"\bwhy (this|our) (company|role|team|job|position)\b",
            r"\bwhy (us|here)\b",
            r"\bwhat do you know about (us|our|the company)\b",
            r"\b(greatest |biggest )?(strengths?|weakness(es)?)\b",
            r"\bwhere do you see yourself\b",
            r"\b(salary|pay|compensation) expectations?\b",
            r"\bwhen (can|could) you start\b",
            r"\bnotice period\b",
            r"\b(conflict|disagree|disagreement|mistake|failure|failed|proud|motivates?)\b",
            r"\bhow do you (handle|deal with|cope with|prioriti[sz]e)\b",
        ),
    ),
    (
        "informational",
        (
            r"\b(a|your) typical (day|week)\b",
            r"\bhow did you (get|break) into\b",
            r"\bwhat advice\b",
            r"\bwhat do you wish you had known\b",
            r"\bcareer path\b",
        ),
    ),
    (
        "technical",
        (
            r"\b(design|implement|architect|optimi[sz]e|debug|troubleshoot|refactor)\b",
            r"\bwrite (a|an|the|some) \w*\s*(function|query|program|script|code|test)s?\b",
            r"\b(algorithm|complexity|big[- ]o|data structure|sql|api|database|schema)s?\b",
            r"\bwhat is the difference between\b",
            r"\bhow (does|do|would) .{1,40}\b(work|scale|fail)\b",
            r"\bwhat happens when\b",
            r"\bexplain how\b",
        ),
    ),
)

_PATTERNS = tuple((kind, re.compile("|".join(cues), re.IGNORECASE)) for kind, cues in _CUES)


def guess_kind(prompt: str) -> str | None:
    """The kind a question's wording points to ("behavioral", "informational" or
    "technical"), or None when nothing in it does."""
    for kind, pattern in _PATTERNS:
        if pattern.search(prompt):
            return kind
    return None
