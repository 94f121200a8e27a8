"""Which rubric an answer's rubric id means, and what its criteria are called.

An answer stores the id of the rubric it was scored with; the rubric itself comes from the
answer's own pack when that pack defines one of the id, else from the built-in rubrics.
"""

from __future__ import annotations

from simulator.packs.library import Library
from simulator.packs.records import Rubric
from simulator.packs.rubrics import BUILTIN_RUBRICS


def rubric_candidates(library: Library | None, rubric_id: str, pack_id: str) -> list[Rubric]:
    """The rubrics ``rubric_id`` may mean for an answer from pack ``pack_id``, the most
    specific first: the ones that pack defines (when installed), then the built-in one."""
    found: list[Rubric] = []
    loaded = library.pack(pack_id) if library is not None and pack_id else None
    if loaded is not None:
        found += [rubric for rubric in loaded.pack.rubrics if rubric.id == rubric_id]
    if rubric_id in BUILTIN_RUBRICS:
        found.append(BUILTIN_RUBRICS[rubric_id])
    return found


def criterion_label(
    library: Library | None, rubric_id: str, pack_id: str, criterion_id: str
) -> str | None:
    """The label of a criterion of an answer's rubric, or None when no rubric it may mean
    has that criterion (its pack or rubric is gone)."""
    for rubric in rubric_candidates(library, rubric_id, pack_id):
        for criterion in rubric.criteria:
            if criterion.id == criterion_id:
                return criterion.label
    return None
