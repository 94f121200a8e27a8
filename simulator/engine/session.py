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

:class:`Session` is put together from one mixin per phase over the shared state of
:mod:`simulator.engine.session_state`: the interview in :mod:`~simulator.engine.session_interview`
(what it shows in :mod:`~simulator.engine.session_step`), self-scoring in
:mod:`~simulator.engine.session_scoring`, the reflection log in
:mod:`~simulator.engine.session_reflection` and the follow-up plan in
:mod:`~simulator.engine.session_followup`.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence

from simulator.engine.answers import new_id
from simulator.engine.clock import Clock, SystemClock
from simulator.engine.dialogue import PREP_CHECKLIST
from simulator.engine.drawing import Draw, draw_questions
from simulator.engine.history import NoHistory, QuestionHistory, QuestionKey
from simulator.engine.review import review_draw
from simulator.engine.scoring import is_scorable, session_scores
from simulator.engine.session_followup import FollowingUp
from simulator.engine.session_interview import Interview
from simulator.engine.session_reflection import Reflecting
from simulator.engine.session_scoring import SelfScoring
from simulator.engine.session_state import (
    FOLLOW_UP_SOURCES,
    POST_PHASES,
    SessionError,
    changes,
)
from simulator.engine.session_step import StepView
from simulator.engine.snapshot import REQUIRED_SESSION_KEYS, SNAPSHOT_VERSION, SessionSnapshot
from simulator.engine.views import SessionSummary
from simulator.packs.library import Library, PersonaEntry

__all__ = ["POST_PHASES", "Session", "SessionError"]


class Session(StepView, Interview, SelfScoring, Reflecting, FollowingUp):
    """One practice interview, from prep to done.

    Build one with :meth:`start` or :meth:`restore`, never directly. Every method that
    changes something updates ``updated_at`` and :attr:`revision`, and tells the listener
    given to :meth:`on_change`; :meth:`snapshot` returns the whole state. Methods called
    in the wrong phase raise :class:`SessionError`.
    """

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
        entry = _startable(library, persona, question_count)
        packs = _installed_packs(library, pack_ids)
        if seed is None:
            seed = random.SystemRandom().randrange(2**31)
        clock = clock or SystemClock()
        if question_keys is not None:
            draw: Draw = _review(library, entry, question_keys)
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
        state = _new_state(entry, packs, seed, now, draw, prep_notes)
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
            follow_ups=sum(1 for a in answers if a["source"] in FOLLOW_UP_SOURCES),
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

    @changes
    def finish(self) -> None:
        """Mark the session done (from any phase after the stages)."""
        self._require_post()
        self._state["phase"] = "done"
        self._touch()


def _startable(
    library: Library, persona: PersonaEntry | str, question_count: int | None
) -> PersonaEntry:
    """The persona to start, or :class:`SessionError` saying why it cannot be."""
    entry = library.persona(persona) if isinstance(persona, str) else persona
    if entry is None:
        raise SessionError(f"no installed persona has the id {persona!r}")
    if not entry.usable:
        raise SessionError(f"persona {entry.persona.id} cannot be started: {entry.reason}")
    if question_count is not None and question_count < 1:
        raise SessionError("the number of questions must be at least 1")
    return entry


def _installed_packs(library: Library, pack_ids: Sequence[str] | None) -> list[str]:
    """The packs asked for, once each; :class:`SessionError` if one is not installed."""
    packs = list(dict.fromkeys(pack_ids or ()))
    installed = {loaded.pack.id for loaded in library.packs}
    missing = [pack_id for pack_id in packs if pack_id not in installed]
    if missing:
        raise SessionError(f"pack {', '.join(missing)} is not installed")
    return packs


def _review(library: Library, entry: PersonaEntry, keys: Sequence[QuestionKey]) -> Draw:
    """A review session's questions; :class:`SessionError` when none is installed."""
    draw = review_draw(library, entry.persona, keys)
    if draw.total == 0:
        why = "; ".join(draw.notes) or "none of them is installed"
        raise SessionError(f"there is nothing to review: {why}")
    return draw


def _new_state(
    entry: PersonaEntry, packs: list[str], seed: int, now: float, draw: Draw, prep_notes: str
) -> SessionSnapshot:
    """A new session's state, before its first stage is entered."""
    return {
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
