"""The interviewer's answers to the candidate's own questions, matched offline by words.

A persona's ``replies`` each list words or phrases (``about``). A candidate's question
matches a phrase when it holds the phrase's words in order, as whole words, with case,
punctuation and spacing ignored ("What's a TYPICAL day like?" holds "typical day"; "teams"
holds "team", since an ``s`` or ``es`` at the end of the phrase's last word also matches;
"steam" does not hold "team"). Of the replies with a matching phrase, the one whose
matching phrase is longest is given (the most specific), the first listed on a tie. No
match: the persona's ``unmatched_reply``, or else an honest line that it cannot answer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from simulator.packs.records import Persona

UNMATCHED_LINE: Final = (
    "I'm afraid I can't give you a good answer to that one right now, and I'd rather not "
    "guess. It's worth asking the recruiter, who can find out for you."
)
"""Said to a question no reply matches, by a persona with no ``unmatched_reply``."""

UNMATCHED_PANEL_LINE: Final = (
    "None of us can give you a good answer to that one right now, and we'd rather not "
    "guess. It's worth asking the recruiter, who can find out for you."
)
"""The same, said by a panel."""

_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower-cased words separated by single spaces: case, punctuation and spacing gone."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


@lru_cache(maxsize=512)
def _pattern(phrase: str) -> re.Pattern[str] | None:
    words = normalise(phrase)
    if not words:
        return None
    return re.compile(rf"(?<!\w){re.escape(words)}(?:e?s)?(?!\w)")


def matches(question: str, phrase: str) -> bool:
    """Whether the candidate's question holds the phrase (see the module's description)."""
    pattern = _pattern(phrase)
    return pattern is not None and pattern.search(normalise(question)) is not None


def matched_reply(persona: Persona, question: str) -> str | None:
    """The persona's reply whose longest matching phrase is longest, or None."""
    text = normalise(question)
    best: tuple[int, str] | None = None
    for reply in persona.replies:
        longest = max(
            (
                len(normalise(phrase))
                for phrase in reply.about
                if (pattern := _pattern(phrase)) is not None and pattern.search(text)
            ),
            default=0,
        )
        if longest and (best is None or longest > best[0]):
            best = (longest, reply.reply)
    return best[1] if best is not None else None


def reply_to(persona: Persona | None, question: str) -> str:
    """What the interviewer answers to one of the candidate's questions."""
    if persona is None:
        return UNMATCHED_LINE
    found = matched_reply(persona, question)
    if found is not None:
        return found
    if persona.unmatched_reply.strip():
        return persona.unmatched_reply
    return UNMATCHED_PANEL_LINE if persona.panel else UNMATCHED_LINE
