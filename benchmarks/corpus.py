"""The benchmark's own data: generated question packs and a journal full of sessions.

Everything is deterministic (seeded), so two runs measure the same bytes. Packs are
written the way a person writes them (block scalars, flow lists for tags and keywords),
are valid pack format 1, and are about the size of the built-in packs per question.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

KINDS = ("behavioral", "technical", "informational", "follow-up")


def _words(text: str) -> list[str]:
    return text.split()


WORDS = _words(
    "team project deadline customer release incident design review data pipeline service "
    "migration budget manager stakeholder feature metric latency outage rollout prototype "
    "decision trade-off conflict feedback mentor hiring roadmap quality testing deployment "
    "database cache queue contract vendor schedule priority risk estimate scope launch "
    "support ticket escalation analysis experiment dashboard report audit security access "
    "platform mobile frontend backend api schema index query replica region capacity "
    "volunteer colleague partner leader sprint backlog retrospective demo pilot survey "
    "interview onboarding training documentation handover process policy goal outcome "
    "result impact lesson mistake success failure pressure ambiguity change growth"
)
VERBS = _words(
    "led built fixed planned measured shipped reviewed negotiated rewrote simplified "
    "automated documented tested explained escalated prioritised delegated mentored "
    "designed migrated launched rolled debugged improved reduced cut doubled"
)
OPENERS = (
    "Tell me about a time you",
    "Describe a situation where you",
    "Walk me through how you",
    "Give me an example of when you",
    "How would you explain the way you",
    "What did you learn when you",
)
TAGS = _words(
    "teamwork leadership conflict growth ownership communication delivery quality "
    "databases networking testing design incidents career research follow-up"
)


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS if index % 3 else VERBS) for index in range(words)]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def _folded(text: str, indent: int, width: int = 76) -> str:
    """``text`` as the body of a ``>-`` block scalar, wrapped like a person would."""
    pad = " " * indent
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(pad) + len(line) + 1 + len(word) > width:
            lines.append(pad + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(pad + line)
    return "\n".join(lines)


def _question(rng: random.Random, pack_kind: str, number: int) -> str:
    prompt = f"{rng.choice(OPENERS)} {' '.join(rng.choice(WORDS) for _ in range(9))}?"
    tags = rng.sample(TAGS, 2)
    lines = [
        f"  - id: question-{number:04d}",
        "    prompt: >-",
        _folded(prompt, 6),
        f"    tags: [{', '.join(tags)}]",
        f"    difficulty: {rng.randint(1, 5)}",
        f"    time_limit: {rng.choice((60, 90, 120, 180, 240))}",
        "    clarification: >-",
        _folded(_paragraph(rng, 1), 6),
        "    talking_points:",
        *(f"      - {_sentence(rng, rng.randint(5, 9))}" for _ in range(3)),
        f"    keywords: [{', '.join(rng.sample(WORDS, 5))}]",
        "    hints:",
        f"      - {_sentence(rng, 10)}",
        "    follow_ups:",
        *(f"      - {_sentence(rng, 9)[:-1]}?" for _ in range(2)),
        "    sample_answer: >-",
        _folded(_paragraph(rng, 3), 6),
    ]
    if pack_kind == "follow-up":
        lines += [
            "    due: 24h",
            "    checklist:",
            "      - Subject line",
            "      - Something specific from the conversation",
        ]
    return "\n".join(lines)


def _persona(rng: random.Random, pack_id: str, number: int, kind: str) -> str:
    return "\n".join(
        [
            f"  - id: {pack_id}-interviewer",
            f"    name: Interviewer {number}",
            "    role: Hiring manager",
            "    description: >-",
            _folded(_paragraph(rng, 2), 6),
            "    greeting: >-",
            _folded(_paragraph(rng, 2), 6),
            "    closing: Thanks for your time today.",
            "    instructions: >-",
            _folded(_paragraph(rng, 2), 6),
            "    probes:",
            "      - Tell me more about that?",
            "      - What was your part in it, specifically?",
            "    plan:",
            "      - stage: prep",
            "      - stage: intro",
            "      - stage: questions",
            "        count: 3",
            f"        packs: [{pack_id}]",
            "      - stage: questions",
            "        count: 2",
            f"        kinds: [{kind}]",
            f"        tags: [{rng.choice(TAGS)}]",
            "      - stage: your-questions",
            "      - stage: wrap-up",
        ]
    )


def pack_text(number: int, questions: int, *, persona_every: int = 4) -> str:
    """One generated pack: ``questions`` questions, and a persona in every 4th pack."""
    rng = random.Random(number)
    pack_id = f"generated-{number:04d}"
    kind = KINDS[number % len(KINDS)]
    parts = [
        "format: 1",
        f"id: {pack_id}",
        f"title: Generated pack {number}",
        "version: 1.0.0",
        f"kind: {kind}",
        "description: >-",
        _folded(_paragraph(rng, 3), 2),
        "authors: [benchmark generator]",
        "license: CC0-1.0",
        "language: en",
        f"tags: [{rng.choice(TAGS)}]",
        "",
        "candidate_questions:",
        *(f"  - {_sentence(rng, 10)[:-1]}?" for _ in range(3)),
        "",
        "questions:",
    ]
    body = "\n\n".join(_question(rng, kind, index) for index in range(1, questions + 1))
    text = "\n".join(parts) + "\n" + body + "\n"
    if persona_every and number % persona_every == 0:
        text += "\npersonas:\n" + _persona(rng, pack_id, number, kind) + "\n"
    return text


def write_packs(folder: Path, packs: int, questions: int) -> list[Path]:
    """Write ``packs`` generated packs into ``folder`` (in ten subfolders, like real
    collections); returns their paths."""
    paths: list[Path] = []
    for number in range(1, packs + 1):
        sub = folder / f"collection-{number % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"generated-{number:04d}.yaml"
        path.write_text(pack_text(number, questions), encoding="utf-8")
        paths.append(path)
    return paths


# --- the journal ------------------------------------------------------------------------

T0 = 1_735_689_600.0  # 2025-01-01T00:00:00Z
CRITERIA = ("structure", "impact", "clarity", "ownership")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def session_snapshot(number: int, *, now: float = T0) -> dict[str, Any]:
    """A realistic session snapshot: mostly finished sessions of five or six answers with
    scores, insights, a reflection and a follow-up plan; every 25th unfinished."""
    rng = random.Random(number)
    created = now - (10_000 - number) * 3600.0 * 2
    session_id = hashlib.md5(f"session-{number}".encode(), usedforsecurity=False).hexdigest()
    finished = number % 25 != 0
    answers: list[dict[str, Any]] = []
    for position in range(rng.randint(4, 6)):
        prompt = f"{rng.choice(OPENERS)} {' '.join(rng.choice(WORDS) for _ in range(9))}?"
        text = _paragraph(rng, rng.randint(4, 9))
        started = created + 120 + position * 240
        answers.append(
            {
                "id": f"a{position + 1}",
                "stage_index": 2,
                "source": "question",
                "parent_id": None,
                "pack_id": f"generated-{rng.randint(1, 200):04d}",
                "question_id": f"question-{rng.randint(1, 250):04d}",
                "prompt": prompt,
                "prompt_hash": _hash(prompt),
                "kind": "behavioral",
                "tags": ["teamwork"],
                "text": text,
                "started_at": started,
                "submitted_at": started + 150.0,
                "time_limit": 180,
                "time_used": 150.0,
                "skipped": position == 4,
                "clarifications": 0,
                "hints_shown": rng.randint(0, 1),
                "rubric_id": "star",
                "scores": (
                    {name: rng.randint(1, 5) for name in CRITERIA}
                    if finished and position != 4
                    else {}
                ),
                "checklist": {},
                "insights": {"word_count": len(text.split()), "filler_words": {"um": 1}},
            }
        )
    reminders = (
        [
            {
                "id": f"r{index}",
                "kind": kind,
                "title": title,
                "recipient": "Priya Raman",
                "due_at": created + delay,
                "done_at": created + delay if number < 9_990 else None,
                "closed": False,
            }
            for index, (kind, title, delay) in enumerate(
                [
                    ("thank-you", "Send the thank-you note", 86_400.0),
                    ("inquiry", "Ask how the process is going", 7 * 86_400.0),
                    ("check-in", "Check in", 21 * 86_400.0),
                ]
            )
        ]
        if finished
        else []
    )
    return {
        "version": 1,
        "id": session_id,
        "persona_id": f"generated-{rng.randint(1, 50) * 4:04d}-interviewer",
        "persona_name": f"Interviewer {rng.randint(1, 50) * 4}",
        "pack_ids": [],
        "seed": number,
        "created_at": created,
        "updated_at": created + 1800.0,
        "finished_at": created + 1500.0 if finished else None,
        "phase": "done" if finished else "stages",
        "stage_index": 5 if finished else 2,
        "drawn": {},
        "answers": answers,
        "current_answer_id": None,
        "prep_notes": "Research the company.",
        "prep_checklist": {},
        "candidate_questions": ["What does success look like in the first 90 days?"],
        "reflection": {
            "went_well": _sentence(rng, 10) if finished else "",
            "say_differently": _sentence(rng, 10) if finished else "",
            "topics": [rng.choice(TAGS)] if finished else [],
            "interviewer_notes": "",
        },
        "thank_you_drafts": {},
        "reminders": reminders,
        "score_index": 0,
    }


def session_snapshots(count: int) -> Iterator[dict[str, Any]]:
    """``count`` sessions, oldest first."""
    for number in range(1, count + 1):
        yield session_snapshot(number)


def write_journal(path: Path, sessions: int) -> None:
    """A journal at ``path`` holding ``sessions`` sessions, written through the Journal API
    (``import_sessions`` stores them in one transaction, row for row as ``save_session``
    would)."""
    from simulator.journal import Journal

    with Journal.open(path, clock=lambda: T0) as journal:
        batch: list[dict[str, Any]] = []
        for snapshot in session_snapshots(sessions):
            batch.append(snapshot)
            if len(batch) == 1000:
                journal.import_sessions(batch)
                batch = []
        if batch:
            journal.import_sessions(batch)
