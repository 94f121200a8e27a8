"""The interviewer's answers to the candidate's own questions, matched offline by words.

A persona's ``replies`` each list words or phrases (``about``). A candidate's question
matches a phrase when it holds the phrase's words in order, as whole words, with case,
punctuation, spacing and contractions ignored ("what's a TYPICAL day like" holds "typical
day"; "doesnt" and "doesn't" are both "does not"). Each of the phrase's words also matches
its everyday endings: "teams" holds "team", "mentoring" and "mentored" hold "mentor",
"reporting to" holds "report to", "worries" holds "worry"; "steam" does not hold "team".

Of the replies with a matching phrase, the one whose matching phrase is longest is given
(the most specific; an inflected match counts as long as the words it matched), the first
listed on a tie. A wrong answer is worse than none: a question that also holds a longer
phrase which other interviewers list (the topics candidates commonly ask about, see
``shared_phrases``), in words the persona's matches do not cover, and which no reply lists
beside the matched phrases, is about something the persona has no reply for ("how does
the team handle disagreements" to a persona who can talk about the team but not about
disagreements). No match: the persona's ``unmatched_reply``, or else an honest line that
it cannot answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Final

from simulator.packs.records import Persona, Reply

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

SharedPhrases = Mapping[str, frozenset[str]]
"""Phrases many personas list, each with the phrases listed beside it (``shared_phrases``)."""

_NOT_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`\u00b4]")
# Contractions are spelled out so that "what's", "whats" and "what is" read the same; "'s"
# after other words is a possessive ("the developer's laptop") and is dropped.
_CONTRACTIONS: Final = (
    (re.compile(r"\b(can)'?t\b"), r"\1 not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (
        re.compile(r"\b(do|does|did|is|are|was|were|have|has|had|would|could|should|need)n'?t\b"),
        r"\1 not",
    ),
    (re.compile(r"\b(what|how|who|where|when|why|that|there|here|it)'?s\b"), r"\1 is"),
    (re.compile(r"\b(you|we|they|what)'?re\b"), r"\1 are"),
    (re.compile(r"\b(i|you|we|they|would|could|should)'?ve\b"), r"\1 have"),
    (re.compile(r"\bi'?m\b"), "i am"),
    (re.compile(r"\b(i|you|we|they|it)'ll\b"), r"\1 will"),
    (re.compile(r"\b(i|you|we|they)'d\b"), r"\1 would"),
    (re.compile(r"'s\b"), ""),
)


# Cached: the same few thousand phrases from the packs are read again for every question
# the candidate asks, and finding the phrases interviewers share took 47 ms a session.
@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-cased words separated by single spaces: case, punctuation, spacing and
    contractions gone ("What's" is "what is")."""
    text = _APOSTROPHES.sub("'", text.casefold())
    for pattern, spelled in _CONTRACTIONS:
        text = pattern.sub(spelled, text)
    return _NOT_WORD.sub(" ", text).strip()


def _inflected(word: str) -> str:
    """A pattern for the word and its everyday endings (plural, -ing, -ed)."""
    forms = [re.escape(word) + "(?:e?s)?"]
    if len(word) >= 3 and word.isalpha():
        forms.append(re.escape(word) + "(?:ing|ed)")
        if word.endswith("e"):
            forms.append(re.escape(word[:-1]) + "(?:ing|ed)|" + re.escape(word) + "d")
        elif word.endswith("y") and word[-2] not in "aeiou":
            forms.append(re.escape(word[:-1]) + "(?:ies|ied)")
        elif word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            forms.append(re.escape(word + word[-1]) + "(?:ing|ed)")
    return "(?:" + "|".join(forms) + ")"


@lru_cache(maxsize=2048)
def _pattern(phrase: str) -> re.Pattern[str] | None:
    words = normalise(phrase).split()
    if not words:
        return None
    return re.compile(r"(?<!\w)" + " ".join(_inflected(word) for word in words) + r"(?!\w)")


def matches(question: str, phrase: str) -> bool:
    """Whether the candidate's question holds the phrase (see the module's description)."""
    pattern = _pattern(phrase)
    return pattern is not None and pattern.search(normalise(question)) is not None


def shared_phrases(personas: Iterable[Persona], at_least: int = 2) -> SharedPhrases:
    """The phrases (normalised) that at least ``at_least`` of the personas list: the topics
    candidates commonly ask about, rather than one interviewer's own subjects. Each comes
    with the phrases listed beside it in some reply, which are on the same topic."""
    counts: Counter[str] = Counter()
    beside: dict[str, set[str]] = {}
    for persona in personas:
        listed: set[str] = set()
        for reply in persona.replies:
            about = {normalise(phrase) for phrase in reply.about} - {""}
            listed |= about
            for phrase in about:
                beside.setdefault(phrase, set()).update(about)
        counts.update(listed)
    return {
        phrase: frozenset(beside[phrase]) for phrase, count in counts.items() if count >= at_least
    }


_Match = tuple[int, int, str]
"""Where a phrase matched (start, end) and the phrase, normalised."""


def _matches(persona: Persona, text: str) -> tuple[int, Reply | None, list[_Match]]:
    """The longest match's length, its reply, and all the persona's matches."""
    best: tuple[int, Reply | None] = (0, None)
    found: list[_Match] = []
    for reply in persona.replies:
        longest = 0
        for phrase in reply.about:
            pattern = _pattern(phrase)
            for match in pattern.finditer(text) if pattern is not None else ():
                found.append((match.start(), match.end(), normalise(phrase)))
                longest = max(longest, match.end() - match.start())
        if longest > best[0]:
            best = (longest, reply)
    return best[0], best[1], found


def _asks_elsewhere(
    text: str, reply: Reply, found: tuple[int, list[_Match]], shared: SharedPhrases
) -> bool:
    """Whether the question holds a shared phrase longer than the reply's longest match
    that reaches past every match and is on another topic: never listed beside the
    reply's matching phrases, nor beside a phrase matched in the same words."""
    longest, spans = found
    own = {normalise(phrase) for phrase in reply.about if matches(text, phrase)}
    for phrase, beside in shared.items():
        pattern = _pattern(phrase) if len(phrase) + 4 > longest and not own & beside else None
        for other in pattern.finditer(text) if pattern is not None else ():
            start, end = other.span()
            if end - start <= longest or any(
                (low <= start and end <= high) or (start < high and low < end and said in beside)
                for low, high, said in spans
            ):
                continue
            return True
    return False


def matched_reply(
    persona: Persona, question: str, shared: SharedPhrases | None = None
) -> str | None:
    """The persona's reply whose matching phrase is longest, or None when no phrase matches
    or the question is about a ``shared`` phrase on another topic the persona leaves out."""
    text = normalise(question)
    longest, reply, spans = _matches(persona, text)
    if reply is None or (shared and _asks_elsewhere(text, reply, (longest, spans), shared)):
        return None
    return reply.reply


def reply_to(persona: Persona | None, question: str, shared: SharedPhrases | None = None) -> str:
    """What the interviewer answers to one of the candidate's questions (``shared``: see
    ``shared_phrases``)."""
    if persona is None:
        return UNMATCHED_LINE
    found = matched_reply(persona, question, shared)
    if found is not None:
        return found
    if persona.unmatched_reply.strip():
        return persona.unmatched_reply
    return UNMATCHED_PANEL_LINE if persona.panel else UNMATCHED_LINE
