"""Hand-built session snapshots for the journal tests (independent of the engine)."""

from __future__ import annotations

import hashlib
from typing import Any

from simulator.engine.snapshot import (
    SNAPSHOT_VERSION,
    AnswerSnapshot,
    ReminderSnapshot,
    SessionSnapshot,
)

T0 = 1_767_268_800.0  # 2026-01-01T12:00:00Z
DAY = 86_400.0


def prompt_hash(prompt: str) -> str:
    """sha256 of a prompt, as the engine computes it."""
    return hashlib.sha256(prompt.encode("utf-8")).hexdigest()


def answer(
    answer_id: str,
    prompt: str,
    text: str,
    *,
    pack_id: str = "core-behavioral",
    question_id: str = "",
    source: str = "question",
    parent_id: str | None = None,
    kind: str = "behavioral",
    started_at: float = T0,
    time_limit: int = 180,
    time_used: float = 120.0,
    skipped: bool = False,
    scores: dict[str, int] | None = None,
    **extra: Any,
) -> AnswerSnapshot:
    """One answer with sensible defaults."""
    data: dict[str, Any] = {
        "id": answer_id,
        "stage_index": 3,
        "source": source,
        "parent_id": parent_id,
        "pack_id": pack_id,
        "question_id": question_id,
        "prompt": prompt,
        "prompt_hash": prompt_hash(prompt),
        "kind": kind,
        "tags": [],
        "text": text,
        "started_at": started_at,
        "submitted_at": started_at + time_used,
        "time_limit": time_limit,
        "time_used": time_used,
        "skipped": skipped,
        "clarifications": 0,
        "hints_shown": 0,
        "rubric_id": "star",
        "scores": scores or {},
        "checklist": {},
    }
    data.update(extra)
    return data  # type: ignore[return-value]


def reminder(
    reminder_id: str, kind: str, title: str, due_at: float, recipient: str = "Priya Raman"
) -> ReminderSnapshot:
    """One follow-up reminder, open."""
    return {  # type: ignore[return-value]
        "id": reminder_id,
        "kind": kind,
        "title": title,
        "recipient": recipient,
        "due_at": due_at,
        "done_at": None,
        "closed": False,
    }


def empty_session(session_id: str, *, created_at: float = T0, **extra: Any) -> SessionSnapshot:
    """A session just started: no answers, nothing reflected."""
    data: dict[str, Any] = {
        "version": SNAPSHOT_VERSION,
        "id": session_id,
        "persona_id": "priya",
        "persona_name": "Priya Raman",
        "pack_ids": [],
        "seed": 7,
        "created_at": created_at,
        "updated_at": created_at,
        "finished_at": None,
        "phase": "stages",
        "stage_index": 0,
        "drawn": {},
        "answers": [],
        "current_answer_id": None,
        "prep_notes": "",
        "prep_checklist": {},
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
    data.update(extra)
    return data  # type: ignore[return-value]


def finished_session(session_id: str = "s" * 32, created_at: float = T0) -> SessionSnapshot:
    """A complete session with a follow-up, a probe, a skip, a drill, scores, a reflection,
    candidate questions and a follow-up plan."""
    conflict = "Tell me about a time you disagreed with a teammate."
    answers = [
        answer(
            "a1",
            "Give me your elevator pitch.",
            "I build data pipelines that teams trust.",
            source="pitch",
            pack_id="",
            kind="",
            time_limit=60,
            time_used=55.4,
            started_at=created_at + 60,
        ),
        answer(
            "a2",
            conflict,
            "Situation: our team split on the schema.\nTask: pick one.\n\n"
            "Action: I wrote both up. Result: we shipped 2 weeks early.",
            question_id="conflict",
            started_at=created_at + 200,
            time_used=200.0,
            scores={"structure": 4, "impact": 3},
            hints_shown=1,
            insights={"word_count": 21, "filler_words": {"um": 1}},
        ),
        answer(
            "a3",
            "What would you do differently?",
            "Involve the other team sooner.",
            question_id="conflict",
            source="follow-up",
            parent_id="a2",
            started_at=created_at + 420,
            time_limit=90,
            time_used=50.0,
            scores={"structure": 3},
        ),
        answer(
            "a4",
            "How did you measure that?",
            "Cycle time from the dashboard.",
            source="probe",
            parent_id="a2",
            pack_id="",
            kind="",
            started_at=created_at + 480,
            time_limit=60,
            time_used=30.0,
        ),
        answer(
            "a5",
            "Describe a failure | what did you learn?",
            "",
            question_id="failure",
            started_at=created_at + 520,
            time_used=10.0,
            skipped=True,
        ),
        answer(
            "a6",
            "Write the thank-you email.",
            "Subject: Thank you\n\nDear Priya,\nThank you for the conversation about pipelines.",
            pack_id="follow-up-drills",
            question_id="thank-you",
            kind="follow-up",
            started_at=created_at + 540,
            time_limit=300,
            time_used=330.0,
            clarifications=1,
            checklist={"Subject line": True, "Something specific": True, "Brevity": False},
            scores={"impact": 5},
        ),
        answer(
            "a7",
            "",
            "What does success look like in the first 90 days?",
            source="your-question",
            pack_id="",
            kind="",
            time_limit=0,
            time_used=0.0,
        ),
    ]
    return empty_session(
        session_id,
        created_at=created_at,
        pack_ids=["core-behavioral", "follow-up-drills"],
        updated_at=created_at + 1500,
        finished_at=created_at + 900,
        phase="done",
        drawn={"3": [["core-behavioral", "conflict"], ["core-behavioral", "failure"]]},
        answers=answers,
        prep_notes="Read the team's blog.\nAsk about on-call.",
        prep_checklist={"Research the company": True, "Prepare questions": True},
        candidate_questions=["What does success look like in the first 90 days?"],
        reflection={
            "went_well": "The pitch was crisp.",
            "say_differently": "Lead with the result.",
            "topics": ["Schema migrations", "Dashboards"],
            "interviewer_notes": "Priya cares about measurement.",
        },
        thank_you_drafts={"Priya Raman": "Dear Priya,\nThank you for your time."},
        reminders=[
            reminder(f"{session_id}-r1", "thank-you", "Send a thank-you note", created_at + DAY),
            reminder(
                f"{session_id}-r2", "inquiry", "Ask about the decision", created_at + 7 * DAY
            ),
            reminder(f"{session_id}-r3", "check-in", "Check in", created_at + 21 * DAY),
        ],
        score_index=6,
    )
