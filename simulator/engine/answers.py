"""Answer records: making them, closing them, and the rubric each is scored with."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

from simulator.engine import timing
from simulator.engine.insights import analyse
from simulator.engine.snapshot import AnswerSnapshot, AnswerSource
from simulator.packs.library import Library, QuestionRef
from simulator.packs.records import Rubric
from simulator.packs.rubrics import BUILTIN_RUBRICS, DEFAULT_RUBRIC_BY_KIND

PITCH_RUBRIC = "informational-conversation"
"""The built-in rubric a pitch is scored with (unless an informational persona pack names one),
and the last resort for an answer of no known kind."""


def new_id() -> str:
    """A new uuid4 hex id."""
    return uuid.uuid4().hex


def prompt_hash(prompt: str) -> str:
    """sha256 of a prompt, so an answer can tell when its question has changed since."""
    return hashlib.sha256(prompt.encode("utf-8")).hexdigest()


def new_answer(
    *,
    stage_index: int,
    source: AnswerSource,
    parent_id: str | None,
    pack_id: str,
    question_id: str,
    prompt: str,
    kind: str,
    tags: Sequence[str],
    time_limit: int,
    rubric_id: str,
    checklist: Sequence[str] = (),
) -> AnswerSnapshot:
    """A fresh, unstarted answer record."""
    return {
        "id": new_id(),
        "stage_index": stage_index,
        "source": source,
        "parent_id": parent_id,
        "pack_id": pack_id,
        "question_id": question_id,
        "prompt": prompt,
        "prompt_hash": prompt_hash(prompt),
        "kind": kind,
        "tags": list(tags),
        "text": "",
        "started_at": None,
        "submitted_at": None,
        "time_limit": time_limit,
        "time_used": 0.0,
        "skipped": False,
        "clarifications": 0,
        "hints_shown": 0,
        "rubric_id": rubric_id,
        "scores": {},
        "checklist": dict.fromkeys(checklist, False),
    }


def close_answer(
    answer: AnswerSnapshot, now: float, ref: QuestionRef | None, *, skipped: bool
) -> None:
    """Submit or skip an answer at ``now``: its time used, and insights unless skipped.

    An answer closed without being started counts as started and closed at once.
    """
    if answer["started_at"] is None:
        answer["started_at"] = now
    answer["submitted_at"] = now
    answer["time_used"] = timing.elapsed(answer["started_at"], now, now)
    answer["skipped"] = skipped
    if not skipped:
        answer["insights"] = analyse(
            answer["text"], ref, answer["kind"], answer["time_limit"], answer["time_used"]
        ).to_json()


def is_untouched(answer: AnswerSnapshot) -> bool:
    """Never started, nothing written, no clarification or hint asked for."""
    return (
        answer["started_at"] is None
        and not answer["text"].strip()
        and answer["clarifications"] == 0
        and answer["hints_shown"] == 0
    )


def resolve_rubric(library: Library, rubric_id: str, kind: str, pack_id: str) -> Rubric:
    """A rubric by id: from the pack ``pack_id`` defines, else built-in, else the kind's."""
    loaded = library.pack(pack_id) if pack_id else None
    if loaded is not None:
        for rubric in loaded.pack.rubrics:
            if rubric.id == rubric_id:
                return rubric
    if rubric_id in BUILTIN_RUBRICS:
        return BUILTIN_RUBRICS[rubric_id]
    fallback = next(
        (rid for known, rid in DEFAULT_RUBRIC_BY_KIND.items() if known == kind), PITCH_RUBRIC
    )
    return BUILTIN_RUBRICS[fallback]
