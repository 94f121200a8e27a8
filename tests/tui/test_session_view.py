"""The read-only view of one past session, shown alone in a tiny host app."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from simulator.engine.answer_tree import ordered_answers
from simulator.engine.clock import FakeClock
from simulator.engine.snapshot import AnswerSnapshot, SessionSnapshot
from simulator.tui.screens.session_view import SessionViewScreen

START = 1_800_000_000.0
HOSTILE = "[@click=app.quit] [link=file:///etc/passwd]x[/link] [/] [b"


def answer(answer_id: str, prompt: str, **changes: object) -> AnswerSnapshot:
    base: AnswerSnapshot = {
        "id": answer_id,
        "stage_index": 1,
        "source": "question",
        "parent_id": None,
        "pack_id": "core-behavioral",
        "question_id": answer_id,
        "prompt": prompt,
        "prompt_hash": "",
        "kind": "behavioral",
        "tags": [],
        "text": f"My answer to {prompt}",
        "started_at": START,
        "submitted_at": START + 45,
        "time_limit": 120,
        "time_used": 45.0,
        "skipped": False,
        "clarifications": 0,
        "hints_shown": 0,
        "rubric_id": "star-story",
        "scores": {},
        "checklist": {},
    }
    base.update(changes)  # type: ignore[typeddict-item]
    return base


def snapshot() -> SessionSnapshot:
    return {
        "version": 1,
        "id": "abc123",
        "persona_id": "priya",
        "persona_name": "Priya " + HOSTILE,
        "pack_ids": [],
        "seed": 1,
        "created_at": START,
        "updated_at": START + 600,
        "finished_at": START + 500,
        "phase": "done",
        "stage_index": 2,
        "drawn": {},
        "answers": [
            answer("first", "Tell me about a conflict.", scores={"structure": 4, "result": 2}),
            answer("second", "Describe a failure.", skipped=True, text=""),
            answer(
                "probe",
                "What would you change?",
                source="follow-up",
                parent_id="first",
                text=HOSTILE,
                time_used=150.0,
            ),
            answer("asked", "", source="your-question", text="What does a good week look like?"),
        ],
        "current_answer_id": None,
        "prep_notes": "Read the blog",
        "prep_checklist": {},
        "candidate_questions": ["What does a good week look like?"],
        "reflection": {
            "went_well": "Stayed calm",
            "say_differently": "Lead with numbers",
            "topics": ["consistent hashing"],
            "interviewer_notes": "Liked detail",
        },
        "thank_you_drafts": {"Priya": "Thank you for your time."},
        "reminders": [
            {
                "id": "r1",
                "kind": "thank-you",
                "title": "Send the thank-you note",
                "recipient": "Priya",
                "due_at": START + 86400,
                "done_at": START + 3600,
                "closed": False,
            },
            {
                "id": "r2",
                "kind": "inquiry",
                "title": "Ask how it is going",
                "recipient": "",
                "due_at": START + 7 * 86400,
                "done_at": None,
                "closed": False,
            },
        ],
        "score_index": 0,
    }


class Host(App[None]):
    clock = FakeClock(START)  # the screen reads the app's clock for "due in ..."

    def on_mount(self) -> None:
        self.push_screen(SessionViewScreen(snapshot()))


def shown_text(app: App[None]) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


def test_follow_ups_come_right_after_their_parent() -> None:
    numbered = [(number, depth, item["id"]) for number, depth, item in ordered_answers(snapshot())]
    assert numbered == [("1", 0, "first"), ("1.1", 1, "probe"), ("2", 0, "second")]


async def test_everything_is_shown_literally() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen)
        text = shown_text(app)
        for expected in [
            "Priya " + HOSTILE,
            "Tell me about a conflict.",
            "Structure 4/5 · Result 2/5",  # criterion labels from the built-in rubric
            "Skipped.",
            "Follow-up question: What would you change?",
            HOSTILE,
            "2:30 used of 2:00 (0:30 over)",
            "0:45 used of 2:00",
            "Stayed calm",
            "Lead with numbers",
            "consistent hashing",
            "Liked detail",
            "What does a good week look like?",
            "Thank you for your time.",
            "Send the thank-you note (Priya)",
            "Ask how it is going",
            "Read the blog",
        ]:
            assert expected in text, expected
        answers = [s for s in app.screen.query(".answer") if "would you change" in str(s.render())]
        assert answers and answers[0].has_class("depth-1")
        assert "overdue" not in text and "due in 7 days" in text
        await pilot.click(".answer.depth-1")
        await pilot.press("pagedown", "end")
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SessionViewScreen)


async def test_an_unfinished_empty_session_says_so() -> None:
    empty = snapshot()
    empty["answers"] = []
    empty["phase"] = "stages"
    empty["finished_at"] = None
    empty["reminders"] = []
    empty["reflection"] = {
        "went_well": "",
        "say_differently": "",
        "topics": [],
        "interviewer_notes": "",
    }

    class EmptyHost(App[None]):
        def on_mount(self) -> None:
            self.push_screen(SessionViewScreen(empty))

    app = EmptyHost()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = shown_text(app)
        assert "No answers recorded." in text
        assert "Not finished: it stopped at the interview." in text
        assert "Reflection" not in text


def test_the_candidates_questions_are_listed_with_the_interviewers_replies() -> None:
    from typing import cast

    from simulator.engine.snapshot import SessionSnapshot
    from simulator.tui.screens.session_view import candidate_questions_content

    snapshot = cast(
        SessionSnapshot,
        {
            "answers": [],
            "candidate_questions": ["What is a typical day?", "Is there [b]parking[/b]?"],
            "candidate_replies": ["Mostly reviews and one planning call.", ""],
        },
    )
    content = candidate_questions_content(snapshot)
    assert content is not None
    text = content.plain
    assert "1. What is a typical day?\n   Reply: Mostly reviews and one planning call." in text
    assert "2. Is there [b]parking[/b]?" in text  # literal, and no reply line for it
    assert text.count("Reply:") == 1
