"""What the engine noticed in an answer, in plain words, as rows for :class:`LabelledRows`.

One function per insight, each giving its rows (none when the insight does not apply);
:func:`insight_rows` puts them in the order the self-score screen shows them.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content

from simulator.common.names import counted
from simulator.engine.insights import STAR_PARTS, Insights
from simulator.tui.timefmt import clock_text
from simulator.tui.widgets.labelled_rows import Row

Part = str | tuple[str, str]
"""A piece of display text: plain, or plain with one of our own styles."""


def _row(label: str, *value: Part) -> Row:
    return (label, Content.assemble(*value))


def _counted(counts: dict[str, int]) -> str:
    return ", ".join(f"{word} ×{count}" if count > 1 else word for word, count in counts.items())


def time_rows(insights: Insights) -> list[Row]:
    """Time used against the limit, and how far over."""
    time_use = insights.time
    used = f"{clock_text(time_use.used)} of {clock_text(time_use.limit)}"
    if time_use.overtime > 0:
        return [_row("Time", used, ", ", (f"{clock_text(time_use.overtime)} over", "$warning"))]
    return [_row("Time", used)]


def length_rows(insights: Insights) -> list[Row]:
    """Words written, against what fits the time."""
    length = insights.length
    if length.verdict == "empty":
        return [_row("Length", ("nothing written", "$warning"))]
    words = counted(length.words, "word")
    if length.budget:
        return [_row("Length", words, (f" ({length.verdict}: about {length.budget} fit)", "dim"))]
    return [_row("Length", words)]


def filler_rows(insights: Insights) -> list[Row]:
    """Filler and hedge words, and how often they come."""
    fillers = insights.fillers
    rows = [
        _row("Fillers", _counted(fillers.fillers) if fillers.fillers else "none"),
        _row("Hedges", _counted(fillers.hedges) if fillers.hedges else "none"),
    ]
    if fillers.filler_total or fillers.hedge_total:
        rows.append(_row("", (f"{fillers.per_100_words:g} per 100 words", "dim")))
    return rows


def pronoun_rows(insights: Insights) -> list[Row]:
    """I against we (behavioral answers)."""
    pronouns = insights.pronouns
    if pronouns is None:
        return []
    if pronouns.i_share is None:
        return [_row("I / we", "neither used")]
    share = round(pronouns.i_share * 100)
    counts = f"I {pronouns.i_count}, we {pronouns.we_count}"
    return [_row("I / we", counts, (f" ({share}% I)", "dim"))]


def number_rows(insights: Insights) -> list[Row]:
    """Numbers used, with examples."""
    numbers = insights.numbers
    if not numbers.total:
        return [_row("Numbers", "none")]
    # In brackets, as the I / we row gives its share: "Numbers 1  1" read as two counts.
    examples = f" ({', '.join(numbers.examples)})" if numbers.examples else ""
    return [_row("Numbers", str(numbers.total), (examples, "dim"))]


def star_rows(insights: Insights) -> list[Row]:
    """The STAR parts found, ticked, and the missing ones (behavioral answers)."""
    if insights.star is None:
        return []
    star: list[Part] = []
    for part in STAR_PARTS:
        if star:
            star.append(" ")
        found = part in insights.star.present
        star.append((f"✓{part}", "$success") if found else (f"·{part}", "dim"))
    return [_row("STAR", *star)]


def keyword_rows(insights: Insights) -> list[Row]:
    """The question's keywords used and not used."""
    keywords = insights.keywords
    if keywords is None:
        return []
    total = len(keywords.covered) + len(keywords.missing)
    value: list[Part] = [f"{len(keywords.covered)} of {total}"]
    if keywords.covered:
        value += [": ", ", ".join(keywords.covered)]
    if keywords.missing:
        value += [("; not used: ", "dim"), (", ".join(keywords.missing), "dim")]
    return [_row("Keywords", *value)]


def top_word_rows(insights: Insights) -> list[Row]:
    """The most-used words."""
    return [_row("Most used", _counted(dict(insights.top_words)))] if insights.top_words else []


INSIGHTS: tuple[Callable[[Insights], list[Row]], ...] = (
    time_rows,
    length_rows,
    filler_rows,
    pronoun_rows,
    number_rows,
    star_rows,
    keyword_rows,
)
"""The insights shown before the talking points, in order (the most-used words follow)."""


def insight_rows(insights: Insights, *, revealed: bool) -> list[Row]:
    """What the engine noticed, one insight a row.

    Talking points are counted here, and listed with the sample answer once ``revealed``.
    """
    rows = [row for rows_of in INSIGHTS for row in rows_of(insights)]
    points = insights.talking_points
    if points:
        covered = sum(1 for point in points if point.covered)
        note = "" if revealed else " (listed after scoring)"
        rows.append(_row("Talking pts", f"{covered} of {len(points)} look covered", (note, "dim")))
    return rows + top_word_rows(insights)
