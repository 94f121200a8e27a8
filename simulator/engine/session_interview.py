"""The interview itself: prep, answering questions and follow-ups, the candidate's own
questions, and moving through the plan's stages and the phases after them."""

from __future__ import annotations

import copy
from functools import cached_property

from simulator.engine import followup, probing, replies, timing
from simulator.engine.answers import PITCH_RUBRIC, close_answer, is_untouched, new_answer
from simulator.engine.dialogue import CLARIFICATION_FALLBACK, PITCH_PROMPT
from simulator.engine.session_state import (
    FOLLOW_UP_SOURCES,
    POST_PHASES,
    SessionError,
    SessionState,
    changes,
)
from simulator.engine.snapshot import AnswerSnapshot


class Interview(SessionState):
    """Running the stages, and stepping between the phases."""

    @changes
    def set_prep_notes(self, text: str) -> None:
        """Replace the candidate's prep notes."""
        self._require_not_done()
        self._state["prep_notes"] = text
        self._touch()

    @changes
    def tick_prep(self, item: str, checked: bool = True) -> None:
        """Tick (or untick) an item of the preparation checklist."""
        self._require_not_done()
        if item not in self._state["prep_checklist"]:
            raise SessionError(f"the preparation checklist has no item {item!r}")
        self._state["prep_checklist"][item] = checked
        self._touch()

    @changes
    def begin_answer(self) -> None:
        """Start the timer on the current answer (nothing happens if it is already running)."""
        answer = self._require_current()
        if answer["started_at"] is None:
            answer["started_at"] = self._clock.now()
            self._touch()

    @changes
    def set_answer_text(self, text: str) -> None:
        """Replace the current answer's text (starts the timer if it was not running)."""
        answer = self._require_current()
        self._begin(answer)
        answer["text"] = text
        self._touch()

    @changes
    def ask_clarification(self) -> str:
        """Ask the interviewer to clarify: recorded, and their clarification returned."""
        answer = self._require_current()
        self._begin(answer)
        answer["clarifications"] += 1
        self._touch()
        ref = self._own_ref(answer)
        if ref is not None and ref.question.clarification.strip():
            return ref.question.clarification
        return CLARIFICATION_FALLBACK

    @changes
    def show_next_hint(self) -> str | None:
        """The next hint (recorded as shown), or None when there are no more."""
        answer = self._require_current()
        ref = self._own_ref(answer)
        hints = ref.question.hints if ref is not None else []
        if answer["hints_shown"] >= len(hints):
            return None
        self._begin(answer)
        hint = hints[answer["hints_shown"]]
        answer["hints_shown"] += 1
        self._touch()
        return hint

    @changes
    def tick(self, item: str, checked: bool = True, *, answer_id: str | None = None) -> None:
        """Tick (or untick) a drill's checklist item, on the current answer by default.

        While scoring, the default is the answer being scored.
        """
        self._require_not_done()
        if answer_id is not None:
            answer = self._answer(answer_id)
        elif self.phase == "stages":
            answer = self._require_current()
        else:
            answer = self._require_score_answer()
        if item not in answer["checklist"]:
            raise SessionError(f"the checklist has no item {item!r}")
        answer["checklist"][item] = checked
        self._touch()

    @changes
    def submit(self) -> AnswerSnapshot | None:
        """Submit the current answer.

        Returns the follow-up or probe the interviewer asks next (a copy of the new current
        answer) or None when there is none; then the next question, if any, is current.
        """
        answer = self._require_current()
        self._close(answer, skipped=False)
        follow_up = self._follow_up(answer)
        if follow_up is not None:
            self._touch()
            return copy.deepcopy(follow_up)
        self._after_answer(answer)
        self._touch()
        return None

    @changes
    def skip(self) -> None:
        """Skip the current question or follow-up (no follow-up is asked after a skip)."""
        answer = self._require_current()
        self._close(answer, skipped=True)
        self._after_answer(answer)
        self._touch()

    @cached_property
    def _shared_phrases(self) -> replies.SharedPhrases:
        """The phrases the library's interviewers share, worked out once a session: it reads
        every reply of every interviewer (about 70 ms with the built-in packs)."""
        return replies.shared_phrases(entry.persona for entry in self._library.personas)

    @changes
    def add_candidate_question(self, text: str) -> int:
        """Record a question the candidate asks at the end; returns its position."""
        self._require_stages()
        question = text.strip()
        if not question:
            raise SessionError("an empty question cannot be asked")
        asked = self._state["candidate_questions"]
        said = self._state.setdefault("candidate_replies", [])
        said.extend([""] * (len(asked) - len(said)))
        del said[len(asked) :]
        asked.append(question)
        said.append(replies.reply_to(self._persona, question, self._shared_phrases))
        self._touch()
        return len(asked) - 1

    @changes
    def remove_candidate_question(self, position: int) -> str:
        """Remove one of the candidate's questions; returns it."""
        self._require_stages()
        questions = self._state["candidate_questions"]
        if not 0 <= position < len(questions):
            raise SessionError(f"there is no candidate question {position}")
        removed = questions.pop(position)
        said = self._state.get("candidate_replies")
        if said is not None and position < len(said):
            said.pop(position)
        self._touch()
        return removed

    def suggested_candidate_questions(self) -> list[str]:
        """Good questions to ask, from the packs of this session's questions and persona."""
        packs = {key[0] for keys in self._state["drawn"].values() for key in keys}
        if self._persona_pack_id:
            packs.add(self._persona_pack_id)
        found = self._library.candidate_questions(packs)
        return found or self._library.candidate_questions()

    @changes
    def advance(self) -> None:
        """Go on to the next stage, or after the stages to the next phase.

        During a stage, questions not yet asked are left out; an answer in progress is kept
        as skipped (or dropped when it was never started and is empty). After the last stage
        the interview ends: self-scoring begins and the follow-up plan is made.
        """
        phase = self.phase
        if phase == "stages":
            self._abandon_current()
            if self._persona is not None and self.stage_index + 1 < len(self._persona.plan):
                self._enter_stage(self.stage_index + 1)
            else:
                self._finish_stages()
        elif phase == "done":
            raise SessionError("the session is finished")
        else:
            self._state["phase"] = POST_PHASES[POST_PHASES.index(phase) + 1]
        self._touch()

    @changes
    def go_back(self) -> None:
        """Return to the previous phase after the stages (reflection to self-score, ...)."""
        phase = self.phase
        if phase in ("stages", "self-score", "done"):
            raise SessionError(f"cannot go back from {phase}")
        self._state["phase"] = POST_PHASES[POST_PHASES.index(phase) - 1]
        self._touch()

    @changes
    def end_interview(self) -> None:
        """End the interview now, whatever stage it is at, and go to self-scoring."""
        self._require_stages()
        self._abandon_current()
        self._finish_stages()
        self._touch()

    # --- internals -----------------------------------------------------------------------

    def _begin(self, answer: AnswerSnapshot) -> None:
        if answer["started_at"] is None:
            answer["started_at"] = self._clock.now()

    def _add_answer(self, answer: AnswerSnapshot) -> AnswerSnapshot:
        """Append a new answer and make it the current one."""
        self._state["answers"].append(answer)
        self._state["current_answer_id"] = answer["id"]
        return answer

    def _enter_stage(self, index: int) -> None:
        """Make ``index`` the current stage; empty questions stages are passed over."""
        assert self._persona is not None
        plan = self._persona.plan
        while index < len(plan):
            stage = plan[index]
            self._state["stage_index"] = index
            self._state["current_answer_id"] = None
            if stage.stage == "pitch":
                self._add_answer(
                    new_answer(
                        stage_index=index,
                        source="pitch",
                        parent_id=None,
                        pack_id="",
                        question_id="",
                        prompt=PITCH_PROMPT,
                        kind="informational",
                        tags=(),
                        time_limit=timing.pitch_time_limit(stage),
                        rubric_id=self._pitch_rubric_id(),
                    )
                )
            elif stage.stage == "questions" and not self._ask_next_question():
                index += 1
                continue
            return
        self._finish_stages()

    def _pitch_rubric_id(self) -> str:
        loaded = self._library.pack(self._persona_pack_id)
        if loaded is not None and loaded.pack.kind == "informational" and loaded.pack.rubric:
            return loaded.pack.rubric
        return PITCH_RUBRIC

    def _ask_next_question(self) -> bool:
        """Make the stage's next drawn, installed, unasked question current; False if none."""
        assert self._persona is not None
        index = self.stage_index
        stage = self._persona.plan[index]
        asked = {
            (a["pack_id"], a["question_id"])
            for a in self._state["answers"]
            if a["stage_index"] == index and a["source"] == "question"
        }
        for pack_id, question_id in self._state["drawn"].get(str(index), []):
            ref = self._refs.get((pack_id, question_id))
            if ref is None or ref.key in asked:
                continue
            self._add_answer(
                new_answer(
                    stage_index=index,
                    source="question",
                    parent_id=None,
                    pack_id=pack_id,
                    question_id=question_id,
                    prompt=ref.question.prompt,
                    kind=ref.kind,
                    tags=ref.tags,
                    time_limit=timing.answer_time_limit(ref.question, stage, self._persona),
                    rubric_id=self._library.rubric_for(ref).id,
                    checklist=ref.question.checklist,
                )
            )
            return True
        self._state["current_answer_id"] = None
        return False

    def _close(self, answer: AnswerSnapshot, *, skipped: bool) -> None:
        close_answer(answer, self._clock.now(), self._own_ref(answer), skipped=skipped)

    def _follow_up(self, answer: AnswerSnapshot) -> AnswerSnapshot | None:
        """Ask a follow-up or probe on a submitted answer when the dice say so (see
        :mod:`simulator.engine.probing`): each one follows the answer just before it."""
        persona = self._persona
        if persona is None or answer["source"] not in ("question", *FOLLOW_UP_SOURCES):
            return None
        chain = probing.chain_of(self._state["answers"], answer)
        root = chain[0]
        if root["source"] != "question":
            return None
        ref = self._own_ref(root)
        insights = self._insights(answer, self._own_ref(answer))
        chosen = probing.choose_follow_up(
            persona,
            ref.question.follow_ups if ref is not None else (),
            seed=self.seed,
            stage_index=root["stage_index"],
            pack_id=root["pack_id"],
            question_id=root["question_id"],
            depth=len(chain),
            signs=len(probing.weak_signs(insights, answer["kind"])),
            asked={a["prompt"] for a in self._state["answers"]},
        )
        if chosen is None:
            return None
        source, prompt = chosen
        follow_up = source == "follow-up"
        stage = persona.plan[root["stage_index"]]
        return self._add_answer(
            new_answer(
                stage_index=root["stage_index"],
                source=source,
                parent_id=answer["id"],
                pack_id=root["pack_id"] if follow_up else "",
                question_id=root["question_id"] if follow_up else "",
                prompt=prompt,
                kind=root["kind"],
                tags=root["tags"],
                time_limit=timing.follow_up_time_limit(answer["time_limit"], stage, persona),
                rubric_id=root["rubric_id"],
            )
        )

    def _after_answer(self, answer: AnswerSnapshot) -> None:
        """After a closed answer: the stage's next question, or nothing left in the stage."""
        self._state["current_answer_id"] = None
        stage = self.stage
        if answer["source"] != "pitch" and stage is not None and stage.stage == "questions":
            self._ask_next_question()

    def _abandon_current(self) -> None:
        """Leave the current answer: dropped if untouched, else kept as skipped."""
        answer = self._current()
        if answer is None:
            return
        if is_untouched(answer):
            self._state["answers"].remove(answer)
        else:
            self._close(answer, skipped=True)
        self._state["current_answer_id"] = None

    def _finish_stages(self) -> None:
        """The interview is over: self-scoring begins and the follow-up plan is made."""
        now = self._clock.now()
        self._state["phase"] = "self-score"
        self._state["current_answer_id"] = None
        self._state["finished_at"] = now
        self._state["score_index"] = 0
        recipients = self.thank_you_recipients()
        self._state["reminders"] = followup.follow_up_plan(now, recipients)
        drafts = self._state["thank_you_drafts"]
        for name in recipients:
            drafts.setdefault(name, "")
