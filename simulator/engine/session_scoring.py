"""Self-scoring: the candidate scores each answer against its rubric, one at a time."""

from __future__ import annotations

import copy

from simulator.engine import probing
from simulator.engine.answers import resolve_rubric
from simulator.engine.scoring import is_scorable
from simulator.engine.session_state import SessionError, SessionState, changes
from simulator.engine.snapshot import AnswerSnapshot
from simulator.engine.views import ScoreItem
from simulator.packs.records import Rubric


class SelfScoring(SessionState):
    """The self-score phase: what to score, and the scores given."""

    def score_items(self) -> list[ScoreItem]:
        """Every answer to self-score, in order (not skipped, not the candidate's questions)."""
        scorable = self._scorable()
        return [self._score_item(answer, i, len(scorable)) for i, answer in enumerate(scorable)]

    def score_item(self, position: int | None = None) -> ScoreItem | None:
        """One answer to score (the current one by default), or None when there is none."""
        scorable = self._scorable()
        index = self._state["score_index"] if position is None else position
        if not 0 <= index < len(scorable):
            return None
        return self._score_item(scorable[index], index, len(scorable))

    @changes
    def move_score(self, delta: int) -> int:
        """Move to another answer to score (clamped to the first and last); returns where."""
        self._require_post()
        count = len(self._scorable())
        index = min(max(0, self._state["score_index"] + delta), max(0, count - 1))
        if index != self._state["score_index"]:
            self._state["score_index"] = index
            self._touch()
        return index

    @changes
    def score(self, criterion_id: str, value: int, *, answer_id: str | None = None) -> None:
        """Score one criterion of an answer (the current score item's by default), 1 to 5."""
        self._require_post()
        answer = self._answer(answer_id) if answer_id is not None else self._require_score_answer()
        if not is_scorable(answer):
            raise SessionError("this answer is not scored")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise SessionError(f"a score must be a whole number from 1 to 5, not {value!r}")
        rubric = self.rubric(answer["id"])
        if criterion_id not in {criterion.id for criterion in rubric.criteria}:
            raise SessionError(f"rubric {rubric.id} has no criterion {criterion_id!r}")
        answer["scores"][criterion_id] = value
        self._touch()

    @changes
    def clear_score(self, criterion_id: str, *, answer_id: str | None = None) -> None:
        """Remove the score of one criterion."""
        self._require_post()
        answer = self._answer(answer_id) if answer_id is not None else self._require_score_answer()
        if answer["scores"].pop(criterion_id, None) is not None:
            self._touch()

    def rubric(self, answer_id: str) -> Rubric:
        """The rubric an answer is scored with.

        Its ``rubric_id`` looked up in its pack (for probes, the parent's; for pitches, the
        persona's), then among the built-in rubrics, then the built-in one for its kind.
        """
        answer = self._answer(answer_id)
        pack_id = answer["pack_id"]
        root = probing.chain_of(self._state["answers"], answer)[0]
        if not pack_id and root is not answer:
            pack_id = root["pack_id"]
        if not pack_id and answer["source"] == "pitch":
            pack_id = self._persona_pack_id
        return resolve_rubric(self._library, answer["rubric_id"], answer["kind"], pack_id)

    def _score_item(self, answer: AnswerSnapshot, position: int, total: int) -> ScoreItem:
        ref = self._own_ref(answer)
        parent = self._parent(answer)
        return ScoreItem(
            position=position,
            total=total,
            answer=copy.deepcopy(answer),
            rubric=self.rubric(answer["id"]),
            insights=self._insights(answer, ref),
            talking_points=tuple(ref.question.talking_points) if ref is not None else (),
            sample_answer=ref.question.sample_answer if ref is not None else "",
            parent_prompt=parent["prompt"] if parent is not None else "",
        )
