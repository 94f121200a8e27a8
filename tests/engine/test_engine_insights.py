"""Offline answer insights, table-driven."""

from __future__ import annotations

import json

import pytest
from engine_helpers import make_library, make_pack, question

from simulator.engine import insights
from simulator.engine.insights import analyse
from simulator.packs.library import QuestionRef


@pytest.mark.parametrize(
    ("text", "limit", "words", "budget", "verdict"),
    [
        ("", 120, 0, 260, "empty"),
        ("   \n\t ", 120, 0, 260, "empty"),
        ("word " * 50, 120, 50, 260, "too short"),
        ("word " * 104, 120, 104, 260, "about right"),
        ("word " * 260, 120, 260, 260, "about right"),
        ("word " * 299, 120, 299, 260, "about right"),
        ("word " * 300, 120, 300, 260, "long for the time"),
        ("word " * 65, 30, 65, 65, "about right"),
        ("Don't stop, it's fine.", 0, 4, 0, "about right"),
    ],
)
def test_length(text: str, limit: int, words: int, budget: int, verdict: str) -> None:
    result = insights.length(text, limit)
    assert (result.words, result.budget, result.verdict) == (words, budget, verdict)
    assert result.speaking_seconds == round(words * 60 / 130, 1)


@pytest.mark.parametrize(
    ("text", "fillers", "hedges"),
    [
        ("", {}, {}),
        ("Um, uh, erm.", {"um": 1, "uh": 1, "erm": 1}, {}),
        (
            "Basically it was, like, literally broken, you know.",
            {"basically": 1, "like": 1, "literally": 1, "you know": 1},
            {},
        ),
        ("I would like to work here. It looks like rain.", {}, {}),
        ("I was like, no way.", {"like": 1}, {}),
        ("I think maybe we could.", {}, {"i think maybe": 1}),
        (
            "Maybe. Probably. I guess. Just.",
            {},
            {"maybe": 1, "probably": 1, "i guess": 1, "just": 1},
        ),
        ("It was sort of slow and kind of odd.", {}, {"sort of": 1, "kind of": 1}),
        ("What kind of database? This sort of thing.", {}, {}),
        ("I think the cache was the problem.", {}, {}),
        ("Actually, actually, ACTUALLY.", {"actually": 3}, {}),
        ("I’m like, whatever.", {"like": 1}, {}),
    ],
)
def test_fillers_and_hedges(text: str, fillers: dict[str, int], hedges: dict[str, int]) -> None:
    result = insights.fillers(text)
    assert result.fillers == fillers
    assert result.hedges == hedges
    assert result.filler_total == sum(fillers.values())
    assert result.hedge_total == sum(hedges.values())


def test_fillers_per_100_words() -> None:
    assert insights.fillers("um " * 10 + "word " * 90).per_100_words == 10.0
    assert insights.fillers("").per_100_words == 0.0


@pytest.mark.parametrize(
    ("text", "i", "we", "share"),
    [
        ("", 0, 0, None),
        ("I did it myself; my idea.", 3, 0, 1.0),
        ("We did it; our team; they helped us.", 0, 3, 0.0),
        ("I asked, we agreed, I'm glad we're done.", 2, 2, 0.5),
        ("I moved to the US office with my team.", 2, 0, 1.0),
        ("I’ve said we’d go.", 1, 1, 0.5),
    ],
)
def test_pronouns(text: str, i: int, we: int, share: float | None) -> None:
    result = insights.pronouns(text)
    assert (result.i_count, result.we_count, result.i_share) == (i, we, share)


@pytest.mark.parametrize(
    ("text", "digits", "words", "percent", "money", "changes"),
    [
        ("", 0, 0, 0, 0, 0),
        ("No numbers at all.", 0, 0, 0, 0, 0),
        ("We cut costs by 20% and saved $3k.", 2, 0, 1, 1, 0),
        ("Latency went from 300ms to 40 ms across 40,000 users.", 3, 0, 0, 0, 0),
        ("Revenue doubled and errors halved; we cut the backlog in half.", 0, 0, 0, 0, 3),
        ("It was 3x faster, about fifteen percent, for two hundred euros.", 1, 3, 1, 0, 1),
        ("We spent 200 euros and £50.", 2, 0, 0, 2, 0),
        ("Version v2 of covid19", 0, 0, 0, 0, 0),
    ],
)
def test_numbers(
    text: str, digits: int, words: int, percent: int, money: int, changes: int
) -> None:
    result = insights.numbers(text)
    assert (
        result.digits,
        result.number_words,
        result.percentages,
        result.currency,
        result.changes,
    ) == (digits, words, percent, money, changes)
    assert result.total == digits + words + changes
    assert len(result.examples) <= 5


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("", ()),
        ("I fixed it.", ()),
        (
            "When I was at Acme our release was late. My task was to ship it. "
            "I decided to cut scope. As a result we shipped on time.",
            ("situation", "task", "action", "result"),
        ),
        ("I was responsible for billing. So I rewrote it.", ("task", "action")),
        ("In the end, errors fell by 40%.", ("result",)),
        ("At my last job there was a backlog.", ("situation",)),
    ],
)
def test_star(text: str, present: tuple[str, ...]) -> None:
    result = insights.star(text)
    assert result.present == present
    assert result.missing == tuple(p for p in insights.STAR_PARTS if p not in present)
    for part in present:
        assert result.found[part]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("stories", "story"),
        ("story", "story"),
        ("caching", "cach"),
        ("caches", "cach"),
        ("cache", "cach"),
        ("planned", "plan"),
        ("plan", "plan"),
        ("processes", "process"),
        ("process", "process"),
        ("listened", "listen"),
        ("Listening", "listen"),
        ("data", "data"),
        ("tried", "try"),
        ("is", "is"),
    ],
)
def test_stem(word: str, stem: str) -> None:
    assert insights.stem(word) == stem


@pytest.mark.parametrize(
    ("text", "wanted", "covered"),
    [
        ("", ["data"], ()),
        (
            "We LISTENED and used the data.",
            ["listened", "data", "compromise"],
            ("listened", "data"),
        ),
        ("Listening to both sides helped.", ["listened"], ("listened",)),
        ("We added two load balancers.", ["load balancer", "cache"], ("load balancer",)),
        ("The load was balanced.", ["load balancer"], ()),
        ("Caching layers everywhere.", ["cache", "layer"], ("cache", "layer")),
        ("CI/CD pipelines", ["CI/CD"], ("CI/CD",)),
        ("anything", ["data", "data"], ()),
    ],
)
def test_keywords(text: str, wanted: list[str], covered: tuple[str, ...]) -> None:
    result = insights.keywords(text, wanted)
    assert result.covered == covered
    assert result.missing == tuple(w for w in dict.fromkeys(wanted) if w not in covered)


def test_talking_points() -> None:
    points = [
        "Why the disagreement mattered",
        "How you learned their point of view",
        "The outcome, with a number if you can",
        "the and of",  # no content words: never covered
    ]
    text = "The disagreement mattered because the outcome was a 20% drop."
    result = insights.talking_points(text, points)
    assert [p.point for p in result] == points
    assert [p.covered for p in result] == [True, False, True, False]
    assert result[0].share == 1.0
    assert result[1].share == 0.0
    assert insights.talking_points("", points)[0].share == 0.0


def test_top_words() -> None:
    text = "Cache the cache. The cache, the database; database! Users users users users."
    assert insights.top_words(text) == (("users", 4), ("cache", 3), ("database", 2))
    assert insights.top_words("") == ()
    assert insights.top_words("one two three") == ()  # nothing used twice
    assert len(insights.top_words(" ".join(f"w{n} w{n}" for n in range(30)))) == 8


def ref_for(**fields: object) -> QuestionRef:
    pack = make_pack("p", kind="behavioral", questions=[question("q", **fields)])
    (ref,) = make_library(pack).questions()
    return ref


def test_analyse_bundles_and_serialises() -> None:
    ref = ref_for(keywords=["data", "listened"], talking_points=["The outcome with a number"])
    text = "Um, when I was at Acme we disagreed. I listened, then I decided. The outcome: 20%."
    result = analyse(text, ref, "behavioral", 60, 75.5)
    assert result.time.limit == 60 and result.time.used == 75.5 and result.time.overtime == 15.5
    assert result.pronouns is not None and result.star is not None
    assert result.keywords is not None and result.keywords.covered == ("listened",)
    assert result.talking_points[0].covered
    data = result.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["keywords"] == {"covered": ["listened"], "missing": ["data"]}
    assert data["fillers"]["fillers"] == {"um": 1}  # type: ignore[index]
    # Technical: no I/we, no STAR; no question: no keywords.
    technical = analyse(text, None, "technical", 60, 10)
    assert technical.pronouns is None and technical.star is None and technical.keywords is None
    assert technical.talking_points == ()
    data = technical.to_json()
    assert data["pronouns"] is None and data["star"] is None and data["keywords"] is None


@pytest.mark.parametrize("kind", ["behavioral", "technical", "informational", "follow-up", ""])
def test_analyse_empty_answer(kind: str) -> None:
    ref = ref_for(keywords=["data"], talking_points=["A point"])
    result = analyse("", ref, kind, 120, 0.0)
    assert result.length.words == 0 and result.length.verdict == "empty"
    assert result.fillers.filler_total == 0 and result.numbers.total == 0
    assert result.top_words == ()
    assert result.keywords is not None and result.keywords.covered == ()
    json.dumps(result.to_json())


def test_analyse_a_100_000_word_answer() -> None:
    sentence = (
        "Um, when I was at Acme, like, my task was to grow revenue by 20% and I decided "
        "to refactor the caching layer so as a result latency fell to 40 ms for users."
    )
    per = len(sentence.split())
    text = " ".join([sentence] * (100_000 // per + 1))
    assert len(text.split()) >= 100_000
    ref = ref_for(keywords=["cache", "latency", "data"], talking_points=["The latency result"])
    result = analyse(text, ref, "behavioral", 120, 130.0)
    assert result.length.words >= 100_000
    assert result.length.verdict == "long for the time"
    assert result.keywords is not None and result.keywords.covered == ("cache", "latency")
    assert result.star is not None and len(result.star.present) == 4
