"""Offline answer insights: plain counts that say only what they saw, never a verdict on you.

Each insight is a small pure function with a small frozen dataclass as its result;
:func:`analyse` bundles them for one answer and :meth:`Insights.to_json` turns the bundle
into the JSON-compatible dict the snapshot stores. Everything is linear in the answer's
length, so a very long answer stays fast.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from simulator.packs.library import QuestionRef

WORDS_PER_MINUTE = 130
"""A comfortable speaking pace, used to turn a time limit into a word budget."""

TOO_SHORT_SHARE = 0.4
"""Below this share of the word budget an answer is "too short"."""

LONG_SHARE = 1.15
"""Above this share of the word budget an answer is "long for the time"."""

TOP_WORDS = 8
"""How many most-used words are reported."""

TALKING_POINT_SHARE = 0.5
"""The share of a talking point's content words that must appear for it to look covered."""

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*")

_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each else
    even ever every few for from further get got had has have having he her here hers herself
    him himself his how i i'd i'll i'm i've if in into is it it's its itself just let me more
    most much my myself no nor not now of off on once one only or other our ours ourselves out
    over own really same she should so some such than that that's the their theirs them
    themselves then there there's these they they're this those through to too under until up
    upon us very was we we'd we'll we're we've were what when where which while who whom why
    will with would you you'd you'll you're you've your yours yourself yourselves um uh erm
    like basically actually literally maybe probably guess think thing things lot lots way
    well yes yeah okay ok said say says going go went make made many still though through
    something anything everything someone anyone s t don't didn't doesn't isn't wasn't can't
    couldn't won't wouldn't shouldn't
"""

STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Common words left out of the most-used words and of talking-point matching."""


def _lower(text: str) -> str:
    return text.lower().replace("’", "'")


@functools.lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[str, ...]:
    """The words of ``text``, cached because :func:`analyse` asks for them several times."""
    return tuple(_WORD.findall(_lower(text)))


def words(text: str) -> list[str]:
    """The text's words, lower-cased, apostrophes kept inside words (``don't``)."""
    return list(_tokens(text))


def stem(word: str) -> str:
    """A very small stemmer, enough to match plurals and -ing/-ed forms of a keyword.

    ``stories`` and ``story`` give ``story``; ``caching``, ``caches`` and ``cache`` give
    ``cach``; ``planned`` and ``plan`` give ``plan``; ``processes`` gives ``process``.
    """
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and not w.endswith("ss") and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


# --- length ---------------------------------------------------------------------------

LengthVerdict = Literal["empty", "too short", "about right", "long for the time"]
"""How the answer's length compares with what fits in its time when spoken."""


@dataclass(frozen=True)
class Length:
    """The answer's length against its time limit, at about 130 spoken words a minute."""

    words: int
    """Words written."""
    budget: int
    """Words that fit in the time limit when spoken (0 when there is no limit)."""
    speaking_seconds: float
    """Seconds it would take to say the answer aloud."""
    verdict: LengthVerdict
    """Empty, too short (under 40% of the budget), about right, or long (over 115%)."""


def length(text: str, time_limit: float) -> Length:
    """How long the answer is, and whether that fits its time limit when spoken."""
    count = len(words(text))
    budget = round(max(0.0, time_limit) * WORDS_PER_MINUTE / 60)
    verdict: LengthVerdict
    if count == 0:
        verdict = "empty"
    elif budget == 0:
        verdict = "about right"
    elif count < TOO_SHORT_SHARE * budget:
        verdict = "too short"
    elif count > LONG_SHARE * budget:
        verdict = "long for the time"
    else:
        verdict = "about right"
    return Length(count, budget, round(count * 60 / WORDS_PER_MINUTE, 1), verdict)


# --- fillers and hedges ----------------------------------------------------------------

FILLERS: tuple[str, ...] = (
    "um",
    "umm",
    "uh",
    "uhm",
    "erm",
    "like",
    "you know",
    "i mean",
    "basically",
    "actually",
    "literally",
    "totally",
)
"""Filler words and phrases (``like`` only when used as a filler, see :func:`fillers`)."""

HEDGES: tuple[str, ...] = (
    "i think maybe",
    "sort of",
    "kind of",
    "i guess",
    "i suppose",
    "i feel like",
    "just",
    "probably",
    "maybe",
    "perhaps",
    "somewhat",
    "hopefully",
)
"""Hedge words and phrases that soften what you say."""

_DETERMINER_TEXT = (
    "a an the this that these those what which any every some same each one other another "
    "no all different new"
)
_DETERMINERS = frozenset(_DETERMINER_TEXT.split())
_QUOTATIVE_TEXT = "was were is are i'm he's she's they're"
_QUOTATIVE = frozenset(_QUOTATIVE_TEXT.split())


@dataclass(frozen=True)
class Fillers:
    """Filler and hedge words found in the answer, each counted."""

    fillers: dict[str, int]
    """Filler phrase to how many times it occurs (only those found)."""
    hedges: dict[str, int]
    """Hedge phrase to how many times it occurs (only those found)."""
    filler_total: int
    """All fillers."""
    hedge_total: int
    """All hedges."""
    per_100_words: float
    """Fillers and hedges together per 100 words."""


_Phrase = tuple[tuple[str, ...], str, bool]
"""(words, phrase, whether it is a filler rather than a hedge)."""


def _phrase_index() -> dict[str, tuple[_Phrase, ...]]:
    """Phrases by their first word, longest first, so the longest match wins."""
    index: dict[str, list[_Phrase]] = {}
    for phrases, is_filler in ((FILLERS, True), (HEDGES, False)):
        for phrase in phrases:
            parts = tuple(phrase.split())
            index.setdefault(parts[0], []).append((parts, phrase, is_filler))
    return {
        first: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
        for first, entries in index.items()
    }


_PHRASES = _phrase_index()
_WORD_AND_COMMA = re.compile(r"([a-z0-9]+(?:'[a-z]+)*)(\s*,)?")


def _like_is_filler(tokens: Sequence[str], index: int, commas: set[int]) -> bool:
    """``like`` set off by a comma, or after "was"/"I'm" and friends (quoting: "I was like")."""
    if index in commas or index - 1 in commas:
        return True
    return (
        index > 0
        and tokens[index - 1] in _QUOTATIVE
        and (index + 1 >= len(tokens) or tokens[index + 1] in ("i", "you", "we", "oh", "well"))
    )


def fillers(text: str) -> Fillers:
    """Count filler and hedge phrases, longest first, so "I think maybe" is not also "maybe".

    "Like" counts only as a filler (next to a comma, or quoting as in "I was like, ...");
    "kind of"/"sort of" do not count after a determiner ("what kind of database").
    """
    tokens: list[str] = []
    commas: set[int] = set()  # indexes of tokens followed by a comma
    for match in _WORD_AND_COMMA.finditer(_lower(text)):
        tokens.append(match.group(1))
        if match.group(2):
            commas.add(len(tokens) - 1)
    found_fillers: Counter[str] = Counter()
    found_hedges: Counter[str] = Counter()
    index = 0
    count = len(tokens)
    while index < count:
        step = 1
        for parts, phrase, is_filler in _PHRASES.get(tokens[index], ()):
            size = len(parts)
            if size > 1 and tuple(tokens[index : index + size]) != parts:
                continue
            if phrase == "like" and not _like_is_filler(tokens, index, commas):
                continue
            if phrase in ("kind of", "sort of") and index and tokens[index - 1] in _DETERMINERS:
                continue
            (found_fillers if is_filler else found_hedges)[phrase] += 1
            step = size
            break
        index += step
    filler_total = sum(found_fillers.values())
    hedge_total = sum(found_hedges.values())
    per_100 = round(100 * (filler_total + hedge_total) / count, 1) if count else 0.0
    return Fillers(
        dict(sorted(found_fillers.items())),
        dict(sorted(found_hedges.items())),
        filler_total,
        hedge_total,
        per_100,
    )


# --- I and we --------------------------------------------------------------------------

I_WORDS = frozenset(["i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"])
"""Words that speak of yourself."""

WE_WORDS = frozenset(["we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"])
"""Words that speak of a group you were part of."""


@dataclass(frozen=True)
class Pronouns:
    """How often the answer says "I" against "we"."""

    i_count: int
    """Uses of I, me, my and so on."""
    we_count: int
    """Uses of we, us, our and so on."""
    i_share: float | None
    """I-words as a share of both (0 to 1); None when there are neither."""


def pronouns(text: str) -> Pronouns:
    """Count I-words and we-words ("US" in capitals is a country, not "us")."""
    counts = Counter(_tokens(text))
    i_count = sum(counts[word] for word in I_WORDS)
    we_count = sum(counts[word] for word in WE_WORDS)
    if counts["us"]:
        we_count -= len(re.findall(r"\bUS\b", text))
    total = i_count + we_count
    share = round(i_count / total, 3) if total else None
    return Pronouns(i_count, we_count, share)


# --- numbers -----------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s*(?:k|m|bn|x|ms|s)\b)?")
_PERCENT = re.compile(r"\d\s*%|\bper\s?cent\b|\bpercentage points?\b")
_CURRENCY = re.compile(r"[$€£¥]\s*\d|\b\d[\d.,]*\s*(?:dollars|euros|pounds|usd|eur|gbp)\b")
_CHANGE = re.compile(
    r"\b(?:doubled|doubling|tripled|quadrupled|halved|halving|tenfold|twofold|threefold|"
    r"cut\s+(?:\w+\s+){0,3}in\s+half|\d+\s*x\s+(?:faster|slower|more|less|fewer|cheaper))\b"
)
_NUMBER_WORDS_TEXT = (
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion billions dozen dozens"
)
NUMBER_WORDS = frozenset(_NUMBER_WORDS_TEXT.split())
"""Numbers written as words that count as numbers ("one" does not: it is too common)."""


@dataclass(frozen=True)
class Numbers:
    """Numbers and measurable results in the answer."""

    digits: int
    """Numbers written with digits (12, 3.5, 40,000, 2x)."""
    number_words: int
    """Numbers written as words (three, thousand)."""
    percentages: int
    """Percentages (15%, 15 percent)."""
    currency: int
    """Amounts of money ($3k, 200 euros)."""
    changes: int
    """Words for a measured change (doubled, halved, cut in half, 3x faster)."""
    examples: tuple[str, ...]
    """Up to five of them (lower-cased)."""

    @property
    def total(self) -> int:
        """Every number and measured change found."""
        return self.digits + self.number_words + self.changes


def numbers(text: str) -> Numbers:
    """Find numbers, percentages, money and measured changes."""
    lowered = _lower(text)
    digit_matches = [match.group().strip() for match in _NUMBER.finditer(lowered)]
    word_matches = [word for word in _tokens(text) if word in NUMBER_WORDS]
    change_matches = [match.group() for match in _CHANGE.finditer(lowered)]
    percentages = len(_PERCENT.findall(lowered))
    currency = len(_CURRENCY.findall(lowered))
    examples = tuple(dict.fromkeys([*digit_matches, *change_matches, *word_matches]))[:5]
    return Numbers(
        len(digit_matches),
        len(word_matches),
        percentages,
        currency,
        len(change_matches),
        examples,
    )


# --- STAR ------------------------------------------------------------------------------

StarPart = Literal["situation", "task", "action", "result"]
"""The four parts of a STAR story."""

STAR_PARTS: tuple[StarPart, ...] = ("situation", "task", "action", "result")
"""The parts in story order."""

STAR_CUES: dict[StarPart, tuple[str, ...]] = {
    "situation": (
        "when i was",
        "when i worked",
        "at my last job",
        "at my previous",
        "in my last role",
        "in my previous role",
        "in my role as",
        "the situation",
        "background",
        "context",
        "at the time",
        "a few years ago",
        "last year",
        "last spring",
        "last summer",
        "last autumn",
        "last fall",
        "last winter",
        "back in",
        "while working",
        "i was working",
        "i worked at",
        "i was a",
        "our team was",
        "we were",
        "there was",
        "the company",
        "the project",
    ),
    "task": (
        "my task",
        "the task",
        "i was responsible",
        "my responsibility",
        "responsible for",
        "my job was",
        "my role was",
        "my part was",
        "i needed to",
        "i had to",
        "we needed to",
        "we had to",
        "the goal was",
        "our goal",
        "my goal",
        "the challenge was",
        "the problem was",
        "i was asked to",
        "i was given",
        "assigned",
        "the deadline",
        "deadline",
    ),
    "action": (
        "i decided",
        "i started",
        "i created",
        "i built",
        "i wrote",
        "i organised",
        "i organized",
        "i led",
        "i set up",
        "i proposed",
        "i suggested",
        "i spoke",
        "i talked",
        "i met",
        "i asked",
        "i reached out",
        "i worked with",
        "i analysed",
        "i analyzed",
        "i implemented",
        "i designed",
        "i changed",
        "i made",
        "i ran",
        "i scheduled",
        "i took",
        "so i",
        "then i",
        "next i",
        "first i",
        "firstly",
    ),
    "result": (
        "as a result",
        "the result",
        "the outcome",
        "in the end",
        "resulted in",
        "which led to",
        "this led to",
        "that led to",
        "ended up",
        "we reduced",
        "we increased",
        "reduced",
        "increased",
        "decreased",
        "improved",
        "saved",
        "grew",
        "cut",
        "finally",
        "ultimately",
        "i learned",
        "i learnt",
        "the lesson",
        "since then",
        "from then on",
        "afterwards",
        "on time",
        "%",
    ),
}
"""Cue phrases that suggest each part of a STAR story is there."""


@dataclass(frozen=True)
class Star:
    """Which parts of a STAR story the answer seems to have, from cue phrases."""

    found: dict[str, tuple[str, ...]]
    """Each part to the cue phrases seen for it (empty when none)."""

    @property
    def present(self) -> tuple[str, ...]:
        """The parts with at least one cue, in story order."""
        return tuple(part for part in STAR_PARTS if self.found.get(part))

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts with no cue, in story order."""
        return tuple(part for part in STAR_PARTS if not self.found.get(part))


_Cue = tuple[tuple[str, ...], str, str]
"""(words, part, cue)."""


def _cue_index() -> tuple[dict[str, tuple[_Cue, ...]], dict[tuple[str, str], tuple[_Cue, ...]]]:
    """Word cues of one word by that word, and longer ones by their first two words."""
    singles: dict[str, list[_Cue]] = {}
    pairs: dict[tuple[str, str], list[_Cue]] = {}
    for part, cues in STAR_CUES.items():
        for cue in cues:
            parts = tuple(_WORD.findall(cue))
            if len(parts) == 1:
                singles.setdefault(parts[0], []).append((parts, part, cue))
            elif parts:
                pairs.setdefault((parts[0], parts[1]), []).append((parts, part, cue))
    return (
        {key: tuple(entries) for key, entries in singles.items()},
        {key: tuple(entries) for key, entries in pairs.items()},
    )


_SINGLE_CUES, _PAIR_CUES = _cue_index()
_SYMBOL_CUES = tuple(
    (part, cue) for part, cues in STAR_CUES.items() for cue in cues if not _WORD.findall(cue)
)


def star(text: str) -> Star:
    """Look for cue phrases of situation, task, action and result (one pass over the words)."""
    tokens = _tokens(text)
    seen: set[str] = set()
    for index, token in enumerate(tokens):
        for _, _, cue in _SINGLE_CUES.get(token, ()):
            seen.add(cue)
        if index + 1 < len(tokens):
            for parts, _, cue in _PAIR_CUES.get((token, tokens[index + 1]), ()):
                if len(parts) == 2 or tokens[index : index + len(parts)] == parts:
                    seen.add(cue)
    seen.update(cue for _, cue in _SYMBOL_CUES if cue in text)
    found: dict[str, tuple[str, ...]] = {
        part: tuple(cue for cue in STAR_CUES[part] if cue in seen) for part in STAR_PARTS
    }
    return Star(found)


# --- keywords and talking points -------------------------------------------------------


@dataclass(frozen=True)
class Keywords:
    """The question's keywords that the answer uses (plural and -ing/-ed forms count)."""

    covered: tuple[str, ...]
    """Keywords found, as the question spells them."""
    missing: tuple[str, ...]
    """Keywords not found."""


def _stemmed(text: str) -> list[str]:
    tokens = _tokens(text)
    stems = {word: stem(word) for word in set(tokens)}
    return [stems[word] for word in tokens]


def keywords(text: str, wanted: Sequence[str]) -> Keywords:
    """Which of ``wanted`` the answer uses, case-insensitively, with simple stemming.

    A keyword of several words must appear as those words in a row ("load balancers"
    covers "load balancer").
    """
    stems = _stemmed(text)
    single = set(stems)
    joined = " " + " ".join(stems) + " "
    covered: list[str] = []
    missing: list[str] = []
    for keyword in dict.fromkeys(wanted):
        parts = _stemmed(keyword)
        if not parts:
            missing.append(keyword)
            continue
        hit = parts[0] in single if len(parts) == 1 else f" {' '.join(parts)} " in joined
        (covered if hit else missing).append(keyword)
    return Keywords(tuple(covered), tuple(missing))


@dataclass(frozen=True)
class TalkingPoint:
    """One talking point and how much of it the answer seems to cover."""

    point: str
    """The talking point, as the pack writes it."""
    share: float
    """The share of its content words that the answer uses (0 to 1)."""
    covered: bool
    """Whether at least half of its content words are there."""


def content_words(text: str) -> list[str]:
    """The text's words without stop words, numbers or one-letter words."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1 and not w.isdigit()]


def talking_points(text: str, points: Sequence[str]) -> tuple[TalkingPoint, ...]:
    """For each talking point, the share of its content words present in the answer."""
    present = {stem(word) for word in set(_tokens(text))}
    results: list[TalkingPoint] = []
    for point in points:
        wanted = {stem(word) for word in content_words(point)}
        if not wanted:
            results.append(TalkingPoint(point, 0.0, False))
            continue
        share = len(wanted & present) / len(wanted)
        results.append(TalkingPoint(point, round(share, 3), share >= TALKING_POINT_SHARE))
    return tuple(results)


def top_words(text: str, limit: int = TOP_WORDS) -> tuple[tuple[str, int], ...]:
    """The most-used content words with their counts, most first, then alphabetical.

    Only words used at least twice are listed: a word used once is not a habit.
    """
    counts = Counter(content_words(text))
    ranked = sorted(
        ((word, count) for word, count in counts.items() if count > 1),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return tuple(ranked[:limit])


# --- the bundle --------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeUse:
    """The time taken against the limit."""

    limit: int
    """Seconds allowed."""
    used: float
    """Seconds taken."""
    overtime: float
    """Seconds over the limit (0 when within)."""


@dataclass(frozen=True)
class Insights:
    """Everything the engine noticed about one answer."""

    time: TimeUse
    """Time used against the limit."""
    length: Length
    """Word count against the time limit."""
    fillers: Fillers
    """Filler and hedge words."""
    numbers: Numbers
    """Numbers and measured results."""
    top_words: tuple[tuple[str, int], ...]
    """The most-used content words."""
    pronouns: Pronouns | None
    """I against we (behavioral answers only)."""
    star: Star | None
    """STAR parts (behavioral answers only)."""
    keywords: Keywords | None
    """The question's keywords used (None when the question has none or is not known)."""
    talking_points: tuple[TalkingPoint, ...]
    """The question's talking points and how covered they look."""

    def to_json(self) -> dict[str, object]:
        """A JSON-compatible dict (only str, int, float, bool, None, lists and dicts)."""
        return {
            "time": {
                "limit": self.time.limit,
                "used": self.time.used,
                "overtime": self.time.overtime,
            },
            "length": {
                "words": self.length.words,
                "budget": self.length.budget,
                "speaking_seconds": self.length.speaking_seconds,
                "verdict": self.length.verdict,
            },
            "fillers": {
                "fillers": dict(self.fillers.fillers),
                "hedges": dict(self.fillers.hedges),
                "filler_total": self.fillers.filler_total,
                "hedge_total": self.fillers.hedge_total,
                "per_100_words": self.fillers.per_100_words,
            },
            "numbers": {
                "digits": self.numbers.digits,
                "number_words": self.numbers.number_words,
                "percentages": self.numbers.percentages,
                "currency": self.numbers.currency,
                "changes": self.numbers.changes,
                "total": self.numbers.total,
                "examples": list(self.numbers.examples),
            },
            "top_words": [[word, count] for word, count in self.top_words],
            "pronouns": None
            if self.pronouns is None
            else {
                "i": self.pronouns.i_count,
                "we": self.pronouns.we_count,
                "i_share": self.pronouns.i_share,
            },
            "star": None
            if self.star is None
            else {
                "present": list(self.star.present),
                "missing": list(self.star.missing),
                "cues": {part: list(cues) for part, cues in self.star.found.items()},
            },
            "keywords": None
            if self.keywords is None
            else {"covered": list(self.keywords.covered), "missing": list(self.keywords.missing)},
            "talking_points": [
                {"point": point.point, "share": point.share, "covered": point.covered}
                for point in self.talking_points
            ],
        }


def analyse(
    answer_text: str,
    question: QuestionRef | None,
    kind: str,
    time_limit: int,
    time_used: float,
) -> Insights:
    """All insights for one answer.

    ``question`` supplies keywords and talking points (None for probes, pitches and questions
    that are no longer installed). ``kind`` decides whether the behavioral insights (I/we,
    STAR) apply.
    """
    behavioral = kind == "behavioral"
    wanted_keywords = list(question.question.keywords) if question is not None else []
    points = list(question.question.talking_points) if question is not None else []
    return Insights(
        time=TimeUse(time_limit, round(time_used, 3), round(max(0.0, time_used - time_limit), 3)),
        length=length(answer_text, time_limit),
        fillers=fillers(answer_text),
        numbers=numbers(answer_text),
        top_words=top_words(answer_text),
        pronouns=pronouns(answer_text) if behavioral else None,
        star=star(answer_text) if behavioral else None,
        keywords=keywords(answer_text, wanted_keywords) if wanted_keywords else None,
        talking_points=talking_points(answer_text, points),
    )
