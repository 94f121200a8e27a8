"""What a session shows now: the step, the question being answered, and its countdown."""

from __future__ import annotations

from simulator.engine import dialogue, probing, timing
from simulator.engine.outcome import outcome_cases
from simulator.engine.session_state import FOLLOW_UP_SOURCES, SessionState
from simulator.engine.snapshot import AnswerSnapshot
from simulator.engine.timing import TimeState
from simulator.engine.views import STAGE_TITLES, QuestionView, Step, stage_title
from simulator.packs.records import ClosingCase, Stage


class StepView(SessionState):
    """Reading a session as the interview screen shows it (changes nothing)."""

    def step(self) -> Step:
        """What to show now."""
        persona = self._persona
        if self.phase != "stages" or persona is None:
            return self._after_stages_step()
        stage = persona.plan[self.stage_index]
        current = self._current()
        speaker, role = self._speaker(current)
        number, total = self._numbering(current)
        return Step(
            phase=self.phase,
            stage_index=self.stage_index,
            stage_count=len(persona.plan),
            stage_kind=stage.stage,
            stage_title=stage_title(stage),
            speaker=speaker,
            speaker_role=role,
            line=self._line(stage, current, number),
            question=self.current_question(),
            number=number,
            total=total,
            progress=self._progress(stage, current, number, total),
            complete=current is None,
            last_stage=self.stage_index == len(persona.plan) - 1,
        )

    def current_question(self) -> QuestionView | None:
        """The question being answered now, if any."""
        answer = self._current()
        if answer is None:
            return None
        ref = self._own_ref(answer)
        hints = list(ref.question.hints) if ref is not None else []
        parent = self._parent(answer)
        chain = probing.chain_of(self._state["answers"], answer)
        installed = answer["source"] not in ("question", "follow-up") or (
            (answer["pack_id"], answer["question_id"]) in self._refs
        )
        return QuestionView(
            answer_id=answer["id"],
            source=answer["source"],
            prompt=answer["prompt"],
            kind=answer["kind"],
            tags=tuple(answer["tags"]),
            difficulty=ref.question.difficulty if ref is not None else None,
            time_limit=answer["time_limit"],
            started=answer["started_at"] is not None,
            text=answer["text"],
            clarifications=answer["clarifications"],
            hints_total=len(hints),
            hints_shown=tuple(hints[: answer["hints_shown"]]),
            checklist=dict(answer["checklist"]),
            parent_prompt=parent["prompt"] if parent is not None else "",
            installed=installed,
            follow_up_depth=len(chain) - 1,
            thread=tuple(item["prompt"] for item in chain[:-1]),
        )

    # --- time --------------------------------------------------------------------------

    def elapsed(self, answer_id: str | None = None) -> float:
        """Seconds spent on an answer (the current one by default), until now or submission."""
        answer = self._answer_or_current(answer_id)
        return timing.elapsed(answer["started_at"], answer["submitted_at"], self._clock.now())

    def remaining(self, answer_id: str | None = None) -> float:
        """Seconds left on an answer (negative when over its limit)."""
        answer = self._answer_or_current(answer_id)
        return timing.remaining(answer["time_limit"], self.elapsed(answer["id"]))

    def overtime(self, answer_id: str | None = None) -> float:
        """Seconds over an answer's limit (0 when within it)."""
        answer = self._answer_or_current(answer_id)
        return timing.overtime(answer["time_limit"], self.elapsed(answer["id"]))

    def time_state(self, answer_id: str | None = None) -> TimeState:
        """The countdown colour: "ok", "amber" (last 25% or 30 s) or "red" (over)."""
        answer = self._answer_or_current(answer_id)
        return timing.time_state(answer["time_limit"], self.elapsed(answer["id"]))

    # --- internals -----------------------------------------------------------------------

    def _after_stages_step(self) -> Step:
        """The step of a phase after the stages (or of stages whose persona is gone)."""
        persona = self._persona
        return Step(
            phase=self.phase,
            stage_index=self.stage_index,
            stage_count=len(persona.plan) if persona else 0,
            stage_kind=self.phase,
            stage_title=STAGE_TITLES[self.phase],
            speaker=self._state["persona_name"],
            speaker_role=persona.role if persona else "",
            line="",
            question=None,
            number=0,
            total=0,
            progress="",
            complete=True,
            last_stage=False,
        )

    def _progress(
        self, stage: Stage, current: AnswerSnapshot | None, number: int, total: int
    ) -> str:
        """Where a questions stage is ("Question 2 of 5"); "" for other stages."""
        if stage.stage != "questions":
            return ""
        if current is None:
            return f"All {total} question(s) asked" if total else ""
        if current["source"] in FOLLOW_UP_SOURCES:
            depth = len(probing.chain_of(self._state["answers"], current)) - 1
            nth = f" {depth}" if depth > 1 else ""
            return f"Follow-up{nth} to question {number} of {total}"
        return f"Question {number} of {total}"

    def _speaker(self, answer: AnswerSnapshot | None) -> tuple[str, str]:
        """Who asks: the persona, or for a panel the members in turn, question by question."""
        persona = self._persona
        if persona is None:
            return self._state["persona_name"], ""
        if not persona.panel or answer is None:
            return persona.name, persona.role
        target = probing.chain_of(self._state["answers"], answer)[0]
        turn = 0
        for other in self._state["answers"]:
            if other["id"] == target["id"]:
                break
            if other["source"] in ("question", "pitch"):
                turn += 1
        return dialogue.panel_speaker(persona, turn, persona.plan[target["stage_index"]])

    def _numbering(self, current: AnswerSnapshot | None) -> tuple[int, int]:
        """(this question's number in the stage, how many the stage asks)."""
        index = self.stage_index
        stage_answers = [
            a
            for a in self._state["answers"]
            if a["stage_index"] == index and a["source"] == "question"
        ]
        asked = {(a["pack_id"], a["question_id"]) for a in stage_answers}
        drawn = self._state["drawn"].get(str(index), [])
        total = sum(
            1 for key in drawn if (key[0], key[1]) in asked or (key[0], key[1]) in self._refs
        )
        if current is None:
            return 0, total
        target = probing.chain_of(self._state["answers"], current)[0]
        if target["source"] != "question":
            return 0, total
        number = next(i for i, a in enumerate(stage_answers, 1) if a["id"] == target["id"])
        return number, total

    def _line(self, stage: Stage, current: AnswerSnapshot | None, number: int) -> str:
        persona = self._persona
        assert persona is not None
        if stage.stage != "questions":
            cases = self._outcome() if stage.stage == "wrap-up" else ()
            return dialogue.stage_line(persona, stage, cases)
        return dialogue.question_line(
            persona,
            stage,
            seed=self.seed,
            source=current["source"] if current is not None else None,
            number=number,
            answer_id=current["id"] if current is not None else "",
            after_skip=current is not None and self._after_skip(current),
        )

    def _after_skip(self, current: AnswerSnapshot) -> bool:
        """Whether the answer closed just before ``current`` was skipped."""
        answers = self._state["answers"]
        position = next(i for i, a in enumerate(answers) if a["id"] == current["id"])
        before = [a for a in answers[:position] if a["submitted_at"] is not None]
        return bool(before) and before[-1]["skipped"]

    def _outcome(self) -> tuple[ClosingCase, ...]:
        """The closing cases the session fits so far (see :mod:`simulator.engine.outcome`)."""
        answers = self._state["answers"]
        asked = {(a["pack_id"], a["question_id"]) for a in answers if a["source"] == "question"}
        drawn = [(key[0], key[1]) for keys in self._state["drawn"].values() for key in keys]
        left_out = sum(1 for key in drawn if key not in asked and key in self._refs)
        return outcome_cases(answers, left_out)
