"""A practice interview as a state machine over a persona's plan.

The session runs the plan's stages in order (prep, intro, pitch, questions, your-questions,
wrap-up, as the persona lists them), then the phases self-score, reflection, follow-up,
summary and done. All of its state is a :class:`~simulator.engine.snapshot.SessionSnapshot`:
:meth:`Session.snapshot` hands out a copy after every change and :meth:`Session.restore`
continues from one exactly, so the journal can save and recover a session at any point.

Randomness never lives in a shared generator: each choice (which questions, whether to ask a
follow-up, which transition line) comes from its own ``random.Random`` seeded with the
session's seed and a stable name for the choice, so a restored session decides exactly as
the original would have.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from typing import Final

from simulator.engine import dialogue, followup, probing, replies, timing
from simulator.engine.answers import (
    PITCH_RUBRIC,
    close_answer,
    is_untouched,
    new_answer,
    new_id,
    resolve_rubric,
)
from simulator.engine.clock import Clock, SystemClock
from simulator.engine.dialogue import CLARIFICATION_FALLBACK, PITCH_PROMPT, PREP_CHECKLIST
from simulator.engine.drawing import Draw, draw_questions
from simulator.engine.history import NoHistory, QuestionHistory, QuestionKey
from simulator.engine.insights import Insights, analyse
from simulator.engine.outcome import outcome_cases
from simulator.engine.review import review_draw
from simulator.engine.scoring import is_scorable, session_scores
from simulator.engine.snapshot import (
    REQUIRED_SESSION_KEYS,
    SNAPSHOT_VERSION,
    AnswerSnapshot,
    Phase,
    ReflectionSnapshot,
    ReminderSnapshot,
    SessionSnapshot,
)
from simulator.engine.timing import TimeState
from simulator.engine.views import (
    STAGE_TITLES,
    QuestionView,
    ScoreItem,
    SessionSummary,
    Step,
    stage_title,
)
from simulator.packs.library import Library, PersonaEntry, QuestionRef
from simulator.packs.records import ClosingCase, Persona, Rubric, Stage

POST_PHASES: Final[tuple[Phase, ...]] = (
    "self-score",
    "reflection",
    "follow-up",
    "summary",
    "done",
)
"""The phases after the stages, in order."""

_FOLLOW_UP_SOURCES: Final = ("follow-up", "probe")


class SessionError(ValueError):
    """Something the session cannot do now, or a value it cannot take."""


class Session:
    """One practice interview, from prep to done.

    Build one with :meth:`start` or :meth:`restore`, never directly. Every method that
    changes something updates ``updated_at``; :meth:`snapshot` returns the whole state.
    Methods called in the wrong phase raise :class:`SessionError`.
    """

    def __init__(
        self,
        library: Library,
        state: SessionSnapshot,
        persona: Persona | None,
        persona_pack_id: str,
        clock: Clock,
    ) -> None:
        """Use :meth:`start` or :meth:`restore` instead."""
        self._library = library
        self._state = state
        self._persona = persona
        self._persona_pack_id = persona_pack_id
        self._clock = clock
        self._refs: dict[tuple[str, str], QuestionRef] = {
            ref.key: ref for ref in library.questions()
        }
        self._analysed: dict[str, tuple[tuple[str, str, int, float], Insights]] = {}
        self.notes: tuple[str, ...] = ()
        """Plain sentences on stages that ask fewer questions than planned (set at start)."""

    # --- building ----------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        library: Library,
        persona: PersonaEntry | str,
        *,
        seed: int | None = None,
        clock: Clock | None = None,
        history: QuestionHistory | None = None,
        pack_ids: Sequence[str] | None = None,
        question_count: int | None = None,
        prep_notes: str = "",
        due: Sequence[QuestionKey] = (),
        question_keys: Sequence[QuestionKey] | None = None,
    ) -> Session:
        """Start a session with an installed persona (its entry, or its id).

        ``seed`` fixes the questions (a random one is chosen when None); ``pack_ids`` keeps
        only questions from those packs (``--pack``); ``question_count`` replaces every
        questions stage's count (``--questions N``); ``prep_notes`` carries the candidate's
        notes over from last time; ``due`` (questions due for spaced review, most urgent
        first) are drawn first. ``question_keys`` makes a review session: exactly those
        questions, in that order, in the persona's first questions stage (``pack_ids``,
        ``question_count`` and ``due`` do not apply). Raises :class:`SessionError` when the
        persona is not installed or cannot be started, a pack is not installed, or nothing
        can be asked.
        """
        entry = library.persona(persona) if isinstance(persona, str) else persona
        if entry is None:
            raise SessionError(f"no installed persona has the id {persona!r}")
        if not entry.usable:
            raise SessionError(f"persona {entry.persona.id} cannot be started: {entry.reason}")
        if question_count is not None and question_count < 1:
            raise SessionError("the number of questions must be at least 1")
        packs = list(dict.fromkeys(pack_ids or ()))
        installed = {loaded.pack.id for loaded in library.packs}
        missing = [pack_id for pack_id in packs if pack_id not in installed]
        if missing:
            raise SessionError(f"pack {', '.join(missing)} is not installed")
        if seed is None:
            seed = random.SystemRandom().randrange(2**31)
        clock = clock or SystemClock()
        if question_keys is not None:
            draw: Draw = review_draw(library, entry.persona, question_keys)
            if draw.total == 0:
                why = "; ".join(draw.notes) or "none of them is installed"
                raise SessionError(f"there is nothing to review: {why}")
        else:
            draw = draw_questions(
                library,
                entry.persona,
                seed=seed,
                history=history or NoHistory(),
                pack_ids=packs,
                question_count=question_count,
                due=due,
            )
        if draw.stages and draw.total == 0:
            chosen = f" from pack {', '.join(packs)}" if packs else ""
            raise SessionError(
                f"no installed question{chosen} fits the plan of persona {entry.persona.id}"
            )
        now = clock.now()
        state: SessionSnapshot = {
            "version": SNAPSHOT_VERSION,
            "id": new_id(),
            "persona_id": entry.persona.id,
            "persona_name": entry.persona.name,
            "pack_ids": packs,
            "seed": seed,
            "created_at": now,
            "updated_at": now,
            "finished_at": None,
            "phase": "stages",
            "stage_index": 0,
            "drawn": {
                str(index): [[pack_id, question_id] for pack_id, question_id in keys]
                for index, keys in draw.keys().items()
            },
            "answers": [],
            "current_answer_id": None,
            "prep_notes": prep_notes,
            "prep_checklist": dict.fromkeys(PREP_CHECKLIST, False),
            "candidate_questions": [],
            "reflection": {
                "went_well": "",
                "say_differently": "",
                "topics": [],
                "interviewer_notes": "",
            },
            "thank_you_drafts": {},
            "reminders": [],
            "score_index": 0,
        }
        session = cls(library, state, entry.persona, entry.pack_id, clock)
        session.notes = draw.notes
        session._enter_stage(0)
        session._state["updated_at"] = now
        return session

    @classmethod
    def restore(
        cls,
        snapshot: SessionSnapshot,
        library: Library,
        *,
        clock: Clock | None = None,
        history: QuestionHistory | None = None,
    ) -> Session:
        """Continue a session from a snapshot, exactly where it was.

        Questions that are no longer installed keep their answers and stored prompts, and
        are left out of what is still to be asked. ``history`` is accepted for symmetry with
        :meth:`start` but not needed: the questions were drawn when the session started.
        Raises :class:`SessionError` for a snapshot from a newer version, a damaged one, or
        one still running stages whose persona is gone or has a shorter plan now.
        """
        del history
        missing = sorted(key for key in REQUIRED_SESSION_KEYS if key not in snapshot)
        if missing:
            raise SessionError(f"the saved session is incomplete (no {', '.join(missing)})")
        if snapshot["version"] > SNAPSHOT_VERSION:
            raise SessionError("the saved session was written by a newer version")
        state = copy.deepcopy(snapshot)
        entry = library.persona(state["persona_id"])
        if state["phase"] == "stages":
            if entry is None:
                raise SessionError(f"persona {state['persona_id']} is no longer installed")
            if not 0 <= state["stage_index"] < len(entry.persona.plan):
                raise SessionError(f"persona {state['persona_id']} has changed its plan")
        return cls(
            library,
            state,
            entry.persona if entry is not None else None,
            entry.pack_id if entry is not None else "",
            clock or SystemClock(),
        )

    def snapshot(self) -> SessionSnapshot:
        """The whole state as plain JSON-compatible data (a copy)."""
        return copy.deepcopy(self._state)

    # --- reading -----------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The session's id."""
        return self._state["id"]

    @property
    def seed(self) -> int:
        """The random seed."""
        return self._state["seed"]

    @property
    def phase(self) -> Phase:
        """Where the session is."""
        return self._state["phase"]

    @property
    def persona(self) -> Persona | None:
        """The persona (None after restore when it is no longer installed)."""
        return self._persona

    @property
    def stage_index(self) -> int:
        """The current plan stage."""
        return self._state["stage_index"]

    @property
    def stage(self) -> Stage | None:
        """The current plan stage while running stages, else None."""
        if self.phase != "stages" or self._persona is None:
            return None
        return self._persona.plan[self.stage_index]

    @property
    def answers(self) -> list[AnswerSnapshot]:
        """Every answer so far, in order (copies)."""
        return copy.deepcopy(self._state["answers"])

    @property
    def prep_notes(self) -> str:
        """The candidate's prep notes."""
        return self._state["prep_notes"]

    @property
    def prep_checklist(self) -> dict[str, bool]:
        """The preparation checklist and what is ticked (a copy)."""
        return dict(self._state["prep_checklist"])

    @property
    def candidate_questions(self) -> list[str]:
        """The candidate's own questions (a copy)."""
        return list(self._state["candidate_questions"])

    @property
    def candidate_replies(self) -> list[str]:
        """The interviewer's reply to each of the candidate's questions, in the same order
        ("" for a question asked before replies existed)."""
        said = self._state.get("candidate_replies", [])
        count = len(self._state["candidate_questions"])
        return [*said[:count], *[""] * (count - len(said))]

    @property
    def reflection(self) -> ReflectionSnapshot:
        """The reflection log (a copy)."""
        return copy.deepcopy(self._state["reflection"])

    @property
    def reminders(self) -> list[ReminderSnapshot]:
        """The follow-up plan (copies; empty until the interview ends)."""
        return copy.deepcopy(self._state["reminders"])

    @property
    def thank_you_drafts(self) -> dict[str, str]:
        """Recipient to the thank-you note drafted for them (a copy)."""
        return dict(self._state["thank_you_drafts"])

    def drawn(self, stage_index: int) -> list[QuestionRef]:
        """The installed questions drawn for a questions stage, in asking order."""
        keys = self._state["drawn"].get(str(stage_index), [])
        return [self._refs[(key[0], key[1])] for key in keys if (key[0], key[1]) in self._refs]

    def current_answer(self) -> AnswerSnapshot | None:
        """The answer being written now (a copy), if any."""
        answer = self._current()
        return copy.deepcopy(answer) if answer is not None else None

    def answer(self, answer_id: str) -> AnswerSnapshot:
        """One answer by id (a copy). Raises :class:`SessionError` when there is none."""
        return copy.deepcopy(self._answer(answer_id))

    def question_ref(self, answer_id: str) -> QuestionRef | None:
        """The installed question an answer (or its parent) belongs to, if still installed."""
        answer = self._answer(answer_id)
        return self._refs.get((answer["pack_id"], answer["question_id"]))

    def step(self) -> Step:
        """What to show now."""
        phase = self.phase
        if phase != "stages" or self._persona is None:
            return Step(
                phase=phase,
                stage_index=self.stage_index,
                stage_count=len(self._persona.plan) if self._persona else 0,
                stage_kind=phase,
                stage_title=STAGE_TITLES[phase],
                speaker=self._state["persona_name"],
                speaker_role=self._persona.role if self._persona else "",
                line="",
                question=None,
                number=0,
                total=0,
                progress="",
                complete=True,
                last_stage=False,
            )
        persona = self._persona
        stage = persona.plan[self.stage_index]
        current = self._current()
        speaker, role = self._speaker(current)
        number, total = self._numbering(current)
        line = self._line(stage, current, number)
        progress = ""
        if stage.stage == "questions":
            if current is None:
                progress = f"All {total} question(s) asked" if total else ""
            elif current["source"] in _FOLLOW_UP_SOURCES:
                depth = len(probing.chain_of(self._state["answers"], current)) - 1
                nth = f" {depth}" if depth > 1 else ""
                progress = f"Follow-up{nth} to question {number} of {total}"
            else:
                progress = f"Question {number} of {total}"
        return Step(
            phase=phase,
            stage_index=self.stage_index,
            stage_count=len(persona.plan),
            stage_kind=stage.stage,
            stage_title=stage_title(stage),
            speaker=speaker,
            speaker_role=role,
            line=line,
            question=self.current_question(),
            number=number,
            total=total,
            progress=progress,
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

    # --- stages ------------------------------------------------------------------------

    def set_prep_notes(self, text: str) -> None:
        """Replace the candidate's prep notes."""
        self._require_not_done()
        self._state["prep_notes"] = text
        self._touch()

    def tick_prep(self, item: str, checked: bool = True) -> None:
        """Tick (or untick) an item of the preparation checklist."""
        self._require_not_done()
        if item not in self._state["prep_checklist"]:
            raise SessionError(f"the preparation checklist has no item {item!r}")
        self._state["prep_checklist"][item] = checked
        self._touch()

    def begin_answer(self) -> None:
        """Start the timer on the current answer (nothing happens if it is already running)."""
        answer = self._require_current()
        if answer["started_at"] is None:
            answer["started_at"] = self._clock.now()
            self._touch()

    def set_answer_text(self, text: str) -> None:
        """Replace the current answer's text (starts the timer if it was not running)."""
        answer = self._require_current()
        self._begin(answer)
        answer["text"] = text
        self._touch()

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

    def skip(self) -> None:
        """Skip the current question or follow-up (no follow-up is asked after a skip)."""
        answer = self._require_current()
        self._close(answer, skipped=True)
        self._after_answer(answer)
        self._touch()

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
        said.append(replies.reply_to(self._persona, question))
        self._touch()
        return len(asked) - 1

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

    def go_back(self) -> None:
        """Return to the previous phase after the stages (reflection to self-score, ...)."""
        phase = self.phase
        if phase in ("stages", "self-score", "done"):
            raise SessionError(f"cannot go back from {phase}")
        self._state["phase"] = POST_PHASES[POST_PHASES.index(phase) - 1]
        self._touch()

    def end_interview(self) -> None:
        """End the interview now, whatever stage it is at, and go to self-scoring."""
        self._require_stages()
        self._abandon_current()
        self._finish_stages()
        self._touch()

    # --- self-score ----------------------------------------------------------------------

    def score_items(self) -> list[ScoreItem]:
        """Every answer to self-score, in order (not skipped, not the candidate's questions)."""
        scorable = [answer for answer in self._state["answers"] if is_scorable(answer)]
        return [self._score_item(answer, i, len(scorable)) for i, answer in enumerate(scorable)]

    def score_item(self, position: int | None = None) -> ScoreItem | None:
        """One answer to score (the current one by default), or None when there is none."""
        scorable = [answer for answer in self._state["answers"] if is_scorable(answer)]
        index = self._state["score_index"] if position is None else position
        if not 0 <= index < len(scorable):
            return None
        return self._score_item(scorable[index], index, len(scorable))

    @property
    def score_index(self) -> int:
        """Which answer the self-score step is on."""
        return self._state["score_index"]

    def move_score(self, delta: int) -> int:
        """Move to another answer to score (clamped to the first and last); returns where."""
        self._require_post()
        count = sum(1 for answer in self._state["answers"] if is_scorable(answer))
        index = min(max(0, self._state["score_index"] + delta), max(0, count - 1))
        if index != self._state["score_index"]:
            self._state["score_index"] = index
            self._touch()
        return index

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

    # --- reflection and follow-up ------------------------------------------------------

    def set_reflection(
        self,
        *,
        went_well: str | None = None,
        say_differently: str | None = None,
        topics: Sequence[str] | None = None,
        interviewer_notes: str | None = None,
    ) -> None:
        """Change any part of the reflection log (parts not given stay as they are)."""
        self._require_post()
        reflection = self._state["reflection"]
        if went_well is not None:
            reflection["went_well"] = went_well
        if say_differently is not None:
            reflection["say_differently"] = say_differently
        if topics is not None:
            reflection["topics"] = list(dict.fromkeys(t.strip() for t in topics if t.strip()))
        if interviewer_notes is not None:
            reflection["interviewer_notes"] = interviewer_notes
        self._touch()

    def add_topic(self, topic: str) -> None:
        """Add a topic to learn (ignored when empty or already listed)."""
        self._require_post()
        cleaned = topic.strip()
        topics = self._state["reflection"]["topics"]
        if cleaned and cleaned not in topics:
            topics.append(cleaned)
            self._touch()

    def remove_topic(self, topic: str) -> None:
        """Remove a topic to learn."""
        self._require_post()
        topics = self._state["reflection"]["topics"]
        if topic in topics:
            topics.remove(topic)
            self._touch()

    def thank_you_recipients(self) -> list[str]:
        """Who gets a thank-you note: each panel member, else the persona."""
        return followup.thank_you_recipients(self._persona, self._state["persona_name"])

    def set_thank_you_draft(self, recipient: str, text: str) -> None:
        """Replace the thank-you note drafted for ``recipient``."""
        self._require_post()
        self._state["thank_you_drafts"][recipient] = text
        self._touch()

    def mark_reminder_done(self, reminder_id: str, done: bool = True) -> None:
        """Mark an item of the follow-up plan done now (or not done)."""
        self._require_post()
        try:
            self._state["reminders"] = followup.mark_done(
                self._state["reminders"], reminder_id, self._clock.now() if done else None
            )
        except KeyError:
            raise SessionError(f"the plan has no item {reminder_id!r}") from None
        self._touch()

    def extend_check_ins(self, count: int = 1) -> None:
        """Add ``count`` more check-ins, every two weeks after the last."""
        self._require_post()
        if count < 1:
            raise SessionError("add at least one check-in")
        self._state["reminders"] = followup.extend_check_ins(self._state["reminders"], count)
        self._touch()

    def close_process(self) -> None:
        """Close the process: everything not done in the plan is closed."""
        self._require_post()
        self._state["reminders"] = followup.close_process(self._state["reminders"])
        self._touch()

    # --- summary -----------------------------------------------------------------------

    def summary(self) -> SessionSummary:
        """The session in numbers (at any point; most useful after the stages)."""
        answers = self._state["answers"]
        labels: dict[tuple[str, str], str] = {}
        for answer in answers:
            if is_scorable(answer) and answer["scores"]:
                for criterion in self.rubric(answer["id"]).criteria:
                    labels.setdefault((answer["rubric_id"], criterion.id), criterion.label)
        return SessionSummary(
            session_id=self.id,
            persona_id=self._state["persona_id"],
            persona_name=self._state["persona_name"],
            created_at=self._state["created_at"],
            finished_at=self._state["finished_at"],
            questions=sum(1 for a in answers if a["source"] == "question"),
            answered=sum(1 for a in answers if a["submitted_at"] is not None and not a["skipped"]),
            skipped=sum(1 for a in answers if a["skipped"]),
            follow_ups=sum(1 for a in answers if a["source"] in _FOLLOW_UP_SOURCES),
            overtime_answers=sum(
                1
                for a in answers
                if a["submitted_at"] is not None and a["time_used"] > a["time_limit"]
            ),
            time_used=round(sum(a["time_used"] for a in answers), 3),
            scores=session_scores(answers, labels),
            reflection=self.reflection,
            candidate_questions=tuple(self._state["candidate_questions"]),
            candidate_replies=tuple(self.candidate_replies),
            reminders=tuple(self.reminders),
        )

    def finish(self) -> None:
        """Mark the session done (from any phase after the stages)."""
        self._require_post()
        self._state["phase"] = "done"
        self._touch()

    # --- internals -----------------------------------------------------------------------

    def _touch(self) -> None:
        self._state["updated_at"] = self._clock.now()

    def _answer(self, answer_id: str) -> AnswerSnapshot:
        for answer in self._state["answers"]:
            if answer["id"] == answer_id:
                return answer
        raise SessionError(f"there is no answer {answer_id!r}")

    def _current(self) -> AnswerSnapshot | None:
        answer_id = self._state["current_answer_id"]
        return self._answer(answer_id) if answer_id is not None else None

    def _answer_or_current(self, answer_id: str | None) -> AnswerSnapshot:
        if answer_id is not None:
            return self._answer(answer_id)
        return self._require_current()

    def _parent(self, answer: AnswerSnapshot) -> AnswerSnapshot | None:
        parent_id = answer["parent_id"]
        if parent_id is None:
            return None
        return next((a for a in self._state["answers"] if a["id"] == parent_id), None)

    def _own_ref(self, answer: AnswerSnapshot) -> QuestionRef | None:
        """The installed question whose hints, clarification and checklist apply."""
        if answer["source"] != "question":
            return None
        return self._refs.get((answer["pack_id"], answer["question_id"]))

    def _require_stages(self) -> None:
        if self.phase != "stages":
            raise SessionError("the interview is over")

    def _require_post(self) -> None:
        if self.phase == "stages":
            raise SessionError("the interview is still running")
        self._require_not_done()

    def _require_not_done(self) -> None:
        if self.phase == "done":
            raise SessionError("the session is finished")

    def _require_current(self) -> AnswerSnapshot:
        self._require_stages()
        answer = self._current()
        if answer is None:
            raise SessionError("nothing is being answered now")
        return answer

    def _require_score_answer(self) -> AnswerSnapshot:
        scorable = [answer for answer in self._state["answers"] if is_scorable(answer)]
        index = self._state["score_index"]
        if not 0 <= index < len(scorable):
            raise SessionError("there is no answer to score")
        return scorable[index]

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
        if persona is None or answer["source"] not in ("question", *_FOLLOW_UP_SOURCES):
            return None
        chain = probing.chain_of(self._state["answers"], answer)
        root = chain[0]
        if root["source"] != "question":
            return None
        ref = self._own_ref(root)
        insights = self._insights(answer, self._own_ref(answer))
        signs = probing.weak_signs(insights, answer["kind"])
        chosen = probing.choose_follow_up(
            persona,
            ref.question.follow_ups if ref is not None else (),
            seed=self.seed,
            stage_index=root["stage_index"],
            pack_id=root["pack_id"],
            question_id=root["question_id"],
            depth=len(chain),
            signs=len(signs),
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

    def _insights(self, answer: AnswerSnapshot, ref: QuestionRef | None) -> Insights:
        """The answer's insights, computed once per text (the scoring screen asks often)."""
        key = (answer["text"], answer["kind"], answer["time_limit"], answer["time_used"])
        cached = self._analysed.get(answer["id"])
        if cached is not None and cached[0] == key:
            return cached[1]
        result = analyse(answer["text"], ref, *key[1:])
        self._analysed[answer["id"]] = (key, result)
        return result

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
