"""A session's answers the way the interview went: each question with the follow-ups asked
about it right under it, numbered "2", "2.1", "2.1.1".

The candidate's own questions at the end are not answers to anything, so they are left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from simulator.engine.snapshot import AnswerSnapshot, SessionSnapshot

Numbered = tuple[str, int, AnswerSnapshot]
"""An answer with its number ("2.1") and depth (0 for a question, 1 for its follow-up...)."""


def timed_answers(answers: Sequence[AnswerSnapshot]) -> list[AnswerSnapshot]:
    """The answers that were asked for (not the candidate's own questions)."""
    return [answer for answer in answers if answer["source"] != "your-question"]


def follow_up_tree(answers: Sequence[AnswerSnapshot]) -> dict[str | None, list[AnswerSnapshot]]:
    """The asked-for answers by the id of the answer they follow up (None: a question, or a
    follow-up whose answer is not there), each list in the order they were asked."""
    shown = timed_answers(answers)
    ids = {answer["id"] for answer in shown}
    children: dict[str | None, list[AnswerSnapshot]] = {}
    for answer in shown:
        parent = answer["parent_id"] if answer["parent_id"] in ids else None
        children.setdefault(parent, []).append(answer)
    return children


def ordered_answers(snapshot: SessionSnapshot) -> Iterator[Numbered]:
    """Each answer with its number and depth, follow-ups right under their parent."""
    children = follow_up_tree(snapshot["answers"])

    def walk(parent: str | None, prefix: str, depth: int) -> Iterator[Numbered]:
        for index, answer in enumerate(children.get(parent, []), start=1):
            number = f"{prefix}{index}"
            yield number, depth, answer
            yield from walk(answer["id"], f"{number}.", depth + 1)

    yield from walk(None, "", 0)
