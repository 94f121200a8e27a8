"""What every part of a :class:`~simulator.engine.session.Session` shares: its state,
reading it, and the change signal.

The session's phases (the interview, self-scoring, reflection, the follow-up plan) are
mixins over :class:`SessionState`, each in its own module; only this base holds data.
Every public method that can change the state is marked :func:`changes`: when the
outermost such call returns having changed something, :attr:`SessionState.revision` goes
up by one and the listener given to :meth:`SessionState.on_change` is called, once,
so whoever saves the session sees each change whole, never half-way through a step.
"""

from __future__ import annotations

import contextlib
import copy
import functools
from collections.abc import Callable, Iterator
from typing import Concatenate, Final, ParamSpec, TypeVar

from simulator.engine import followup
from simulator.engine.clock import Clock
from simulator.engine.insights import Insights, analyse
from simulator.engine.scoring import is_scorable
from simulator.engine.snapshot import (
    AnswerSnapshot,
    Phase,
    ReflectionSnapshot,
    ReminderSnapshot,
    SessionSnapshot,
)
from simulator.packs.library import Library, QuestionRef
from simulator.packs.records import Persona, Stage

POST_PHASES: Final[tuple[Phase, ...]] = (
    "self-score",
    "reflection",
    "follow-up",
    "summary",
    "done",
)
"""The phases after the stages, in order."""

FOLLOW_UP_SOURCES: Final = ("follow-up", "probe")
"""Answer sources that follow another answer."""

ChangeListener = Callable[[], None]
"""Called after a change of the session, with the change complete."""

_State = TypeVar("_State", bound="SessionState")
_Args = ParamSpec("_Args")
_Result = TypeVar("_Result")


class SessionError(ValueError):
    """Something the session cannot do now, or a value it cannot take."""


def changes(
    method: Callable[Concatenate[_State, _Args], _Result],
) -> Callable[Concatenate[_State, _Args], _Result]:
    """Mark a public method that may change the session, for the change signal."""

    def changing(self: _State, /, *args: _Args.args, **kwargs: _Args.kwargs) -> _Result:
        with self._changing():
            return method(self, *args, **kwargs)

    functools.update_wrapper(changing, method)  # its name and docstring, for help()
    return changing


class SessionState:
    """The state of one session and what every phase reads from it.

    Build a session with :meth:`Session.start` or :meth:`Session.restore`, never directly.
    """

    def __init__(
        self,
        library: Library,
        state: SessionSnapshot,
        persona: Persona | None,
        persona_pack_id: str,
        clock: Clock,
    ) -> None:
        """Use :meth:`Session.start` or :meth:`Session.restore` instead."""
        self._library = library
        self._state = state
        self._persona = persona
        self._persona_pack_id = persona_pack_id
        self._clock = clock
        self._refs: dict[tuple[str, str], QuestionRef] = {
            ref.key: ref for ref in library.questions()
        }
        self._analysed: dict[str, tuple[tuple[str, str, int, float], Insights]] = {}
        self._revision = 0
        self._depth = 0
        self._dirty = False
        self._quiet = 0
        self._listener: ChangeListener | None = None
        self.notes: tuple[str, ...] = ()
        """Plain sentences on stages that ask fewer questions than planned (set at start)."""

    # --- the change signal -------------------------------------------------------------

    @property
    def revision(self) -> int:
        """How many changes this object has seen (0 when started or restored)."""
        return self._revision

    def on_change(self, listener: ChangeListener | None) -> None:
        """Call ``listener`` after every change from now on (None: no one).

        It is called once per public call that changed something, after that call is done,
        so a step made of several changes is heard of once, whole. There is one listener:
        a new one replaces the one before.
        """
        self._listener = listener

    @contextlib.contextmanager
    def quietly(self) -> Iterator[None]:
        """Changes made inside count in :attr:`revision` but are not told to the listener
        (for one who makes them and needs no news of them: laying saved drafts back)."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    @contextlib.contextmanager
    def _changing(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and self._dirty:
                self._dirty = False
                self._revision += 1
                if self._listener is not None and not self._quiet:
                    self._listener()

    def _touch(self) -> None:
        self._state["updated_at"] = self._clock.now()
        self._dirty = True

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

    @property
    def score_index(self) -> int:
        """Which answer the self-score step is on."""
        return self._state["score_index"]

    def thank_you_recipients(self) -> list[str]:
        """Who gets a thank-you note: each panel member, else the persona."""
        return followup.thank_you_recipients(self._persona, self._state["persona_name"])

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

    # --- shared internals --------------------------------------------------------------

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

    def _scorable(self) -> list[AnswerSnapshot]:
        """The answers to self-score, in order."""
        return [answer for answer in self._state["answers"] if is_scorable(answer)]

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
        scorable = self._scorable()
        index = self._state["score_index"]
        if not 0 <= index < len(scorable):
            raise SessionError("there is no answer to score")
        return scorable[index]

    def _insights(self, answer: AnswerSnapshot, ref: QuestionRef | None) -> Insights:
        """The answer's insights, computed once per text (the scoring screen asks often)."""
        key = (answer["text"], answer["kind"], answer["time_limit"], answer["time_used"])
        cached = self._analysed.get(answer["id"])
        if cached is not None and cached[0] == key:
            return cached[1]
        result = analyse(answer["text"], ref, *key[1:])
        self._analysed[answer["id"]] = (key, result)
        return result
