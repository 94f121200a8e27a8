"""The session's change signal: ``revision`` and the one listener told after each change."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from typing import Any

from engine_helpers import START, make_library, make_pack, persona, question

from simulator.engine import FakeClock, Session, SessionError, SessionSnapshot
from simulator.packs.library import Library


def library() -> Library:
    """Two behavioral questions that always get a follow-up, a drill, and one persona."""
    content = make_pack(
        "content",
        kind="behavioral",
        questions=[
            question("b1", hints=["Hint a"], follow_ups=["More on b1?"]),
            question("b2", hints=["Hint b"], follow_ups=["More on b2?"]),
            question("d1", kind="follow-up", checklist=["Subject line"]),
        ],
    )
    plan = [
        {"stage": "prep"},
        {"stage": "questions", "count": 2, "kinds": ["behavioral"]},
        {"stage": "questions", "count": 1, "kinds": ["follow-up"]},
        {"stage": "your-questions"},
    ]
    people = make_pack("people", personas=[persona(plan=plan, follow_up_rate=1.0)])
    return make_library(content, people)


class Listener:
    """Counts calls and keeps the snapshot the session had at each."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.heard: list[SessionSnapshot] = []
        session.on_change(self)

    def __call__(self) -> None:
        self.heard.append(self.session.snapshot())


def started(clock: FakeClock | None = None) -> tuple[Session, Listener]:
    session = Session.start(library(), "tester", seed=3, clock=clock or FakeClock(START))
    return session, Listener(session)


def changes_once(session: Session, listener: Listener, call: Callable[[], Any]) -> Any:
    """Run ``call``; check it counted as one change, heard once with the change complete."""
    before = session.revision
    heard = len(listener.heard)
    result = call()
    assert session.revision == before + 1
    assert len(listener.heard) == heard + 1
    assert listener.heard[-1] == session.snapshot()
    return result


def changes_nothing(session: Session, listener: Listener, call: Callable[[], Any]) -> None:
    """Run ``call`` (refused or not); check it changed nothing and was not heard."""
    before, heard, snapshot = session.revision, len(listener.heard), session.snapshot()
    with contextlib.suppress(SessionError):
        call()
    assert (session.revision, len(listener.heard)) == (before, heard)
    assert session.snapshot() == snapshot


def test_a_new_or_restored_session_is_at_revision_0_and_the_snapshot_has_no_revision() -> None:
    session, listener = started()
    assert session.revision == 0 and listener.heard == []
    session.advance()
    restored = Session.restore(session.snapshot(), library(), clock=FakeClock(START))
    assert restored.revision == 0
    assert "revision" not in session.snapshot()
    assert restored.snapshot() == session.snapshot()


def test_every_change_through_the_whole_session_is_one_revision_heard_once() -> None:
    clock = FakeClock(START)
    session, listener = started(clock)

    def once(call: Callable[[], Any]) -> Any:
        return changes_once(session, listener, call)

    once(lambda: session.set_prep_notes("Read the job ad"))
    once(lambda: session.tick_prep(next(iter(session.prep_checklist))))
    once(session.advance)
    once(session.begin_answer)
    clock.advance(5)
    once(lambda: session.set_answer_text("At my last job I led a project."))
    once(session.ask_clarification)
    once(session.show_next_hint)
    # Closing the answer and asking the follow-up is one change, heard whole.
    follow_up = once(session.submit)
    assert follow_up is not None and listener.heard[-1]["current_answer_id"] == follow_up["id"]
    once(session.skip)
    once(session.skip)  # b2: skipped, so no follow-up; the next stage is not entered
    once(session.advance)
    once(lambda: session.tick("Subject line"))
    once(lambda: session.set_answer_text("Dear Tess"))
    once(session.submit)
    once(session.advance)
    once(lambda: session.add_candidate_question("What does success look like?"))
    once(lambda: session.remove_candidate_question(0))
    once(session.advance)  # the interview ends: scoring begins, the plan is made
    assert session.phase == "self-score" and session.reminders
    item = session.score_item()
    assert item is not None and item.total == 2  # b1 and the drill; the skipped are not
    criterion = item.rubric.criteria[0].id
    once(lambda: session.score(criterion, 4))
    once(lambda: session.clear_score(criterion))
    once(lambda: session.move_score(1))
    once(session.advance)
    once(lambda: session.set_reflection(went_well="The story"))
    once(lambda: session.add_topic("caching"))
    once(lambda: session.remove_topic("caching"))
    once(session.go_back)
    once(session.advance)
    once(session.advance)
    recipient = session.thank_you_recipients()[0]
    once(lambda: session.set_thank_you_draft(recipient, "Thank you"))
    once(lambda: session.mark_reminder_done(session.reminders[0]["id"]))
    once(lambda: session.extend_check_ins(1))
    once(session.close_process)
    once(session.advance)
    once(session.finish)
    assert session.revision == len(listener.heard)


def test_calls_that_change_nothing_or_are_refused_are_not_heard() -> None:
    session, listener = started()
    session.advance()
    session.begin_answer()

    def idle(call: Callable[[], Any]) -> None:
        changes_nothing(session, listener, call)

    idle(session.begin_answer)  # already running
    idle(session.step)
    idle(session.current_question)
    idle(session.summary)
    idle(session.snapshot)
    idle(lambda: session.tick_prep("no such item"))
    idle(lambda: session.score("clear", 3))  # refused: the interview is still running
    idle(lambda: session.go_back())
    session.end_interview()
    idle(lambda: session.move_score(-1))  # already on the first
    idle(lambda: session.add_topic("  "))
    idle(lambda: session.remove_topic("never added"))
    idle(lambda: session.clear_score("never scored"))


def test_one_listener_replaced_or_removed_and_quiet_changes_still_count() -> None:
    session, first = started()
    second = Listener(session)
    session.advance()
    assert (len(first.heard), len(second.heard)) == (0, 1)
    session.on_change(None)
    session.begin_answer()
    assert len(second.heard) == 1 and session.revision == 2
    session.on_change(second)
    with session.quietly():
        session.set_answer_text("typed")
        session.set_answer_text("typed again")
    assert len(second.heard) == 1 and session.revision == 4
    session.set_answer_text("typed once more")
    assert len(second.heard) == 2 and session.revision == 5


def test_a_listener_that_changes_the_session_is_not_heard_inside_its_own_change() -> None:
    session, _ = started()
    seen: list[int] = []

    def listener() -> None:
        seen.append(session.revision)
        if len(seen) == 1:
            session.set_prep_notes("changed by the listener")

    session.on_change(listener)
    session.set_prep_notes("first")
    assert seen == [1, 2]
    assert session.prep_notes == "changed by the listener"


def test_every_public_method_that_touches_the_state_is_marked_as_a_change() -> None:
    unmarked = [
        name
        for name, member in inspect.getmembers(Session, inspect.isfunction)
        if not name.startswith("_")
        and "self._touch()" in inspect.getsource(inspect.unwrap(member))
        and not hasattr(member, "__wrapped__")
    ]
    assert unmarked == []
