"""Checks that span more than one field: unique ids, rubric references, kinds, stages."""

from __future__ import annotations

from collections.abc import Iterable

from simulator.packs.models import Pack
from simulator.packs.rubrics import BUILTIN_RUBRICS
from simulator.packs.yamlread import PathKey

Fault = tuple[PathKey, str]
KEY = "[key]"
"""Ends a fault's path when the fault is the key's presence: it is shown at the key."""

_QUESTION_STAGE_FIELDS = ("count", "kinds", "tags", "packs", "difficulty")


def _duplicates(ids: Iterable[str], where: str, what: str) -> list[Fault]:
    faults: list[Fault] = []
    first: dict[str, int] = {}
    for index, id_ in enumerate(ids):
        if id_ in first:
            faults.append(
                (
                    (where, index, "id"),
                    f"the {what} id {id_} is already used by {where}[{first[id_]}]",
                )
            )
        else:
            first[id_] = index
    return faults


def check_references(pack: Pack) -> list[Fault]:
    """Every cross-field fault in a pack that the schema alone cannot see, in file order."""
    faults: list[Fault] = []
    faults += _duplicates((rubric.id for rubric in pack.rubrics), "rubrics", "rubric")
    for index, rubric in enumerate(pack.rubrics):
        seen: dict[str, int] = {}
        for position, criterion in enumerate(rubric.criteria):
            if criterion.id in seen:
                faults.append(
                    (
                        ("rubrics", index, "criteria", position, "id"),
                        f"the criterion id {criterion.id} is already used in this rubric",
                    )
                )
            seen.setdefault(criterion.id, position)
    known_rubrics = {rubric.id for rubric in pack.rubrics} | set(BUILTIN_RUBRICS)
    if pack.rubric is not None and pack.rubric not in known_rubrics:
        faults.append((("rubric",), _unknown_rubric(pack.rubric)))
    faults += _duplicates((question.id for question in pack.questions), "questions", "question")
    for index, question in enumerate(pack.questions):
        kind = pack.question_kind(question)
        if kind is None:
            faults.append(
                (("questions", index), "has no kind: give it a kind, or give the pack one")
            )
        if question.rubric is not None and question.rubric not in known_rubrics:
            faults.append((("questions", index, "rubric"), _unknown_rubric(question.rubric)))
        if question.due is not None and kind != "follow-up":
            faults.append(
                (("questions", index, "due", KEY), "only follow-up questions have a due time")
            )
    faults += _duplicates((persona.id for persona in pack.personas), "personas", "persona")
    for index, persona in enumerate(pack.personas):
        for position, stage in enumerate(persona.plan):
            if stage.stage == "questions":
                continue
            for name in _QUESTION_STAGE_FIELDS:
                if name in stage.model_fields_set:
                    faults.append(
                        (
                            ("personas", index, "plan", position, name, KEY),
                            f"only a questions stage takes {name}, "
                            f"not a stage of kind {stage.stage}",
                        )
                    )
    return faults


def _unknown_rubric(rubric_id: str) -> str:
    builtin = ", ".join(sorted(BUILTIN_RUBRICS))
    return f"there is no rubric {rubric_id} in this pack, nor among the built-in ones ({builtin})"
