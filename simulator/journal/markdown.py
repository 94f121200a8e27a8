"""A session as readable Markdown: questions and answers, scores, reflection, follow-ups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, tzinfo

from simulator.common.names import SOURCE_NAMES
from simulator.common.safetext import for_markdown_code, for_markdown_inline, for_markdown_lines
from simulator.engine.snapshot import (
    AnswerSnapshot,
    ReflectionSnapshot,
    ReminderSnapshot,
    SessionSnapshot,
)
from simulator.engine.timing import clock_text
from simulator.journal.models import RealInterview, StudyItem
from simulator.packs.records import Rubric
from simulator.packs.rubrics import BUILTIN_RUBRICS

Labels = Mapping[tuple[str, str], str]
"""Criterion labels by (rubric id, criterion id), as the installed packs give them."""

_SOURCE_LABELS = SOURCE_NAMES


def _moment(timestamp: float, tz: tzinfo | None) -> datetime:
    moment = datetime.fromtimestamp(timestamp, tz)
    return moment if tz is not None else moment.astimezone()


def iso(timestamp: float, tz: tzinfo | None = None) -> str:
    """A time as ISO 8601 to the minute, with its UTC offset (local time when tz is None)."""
    return _moment(timestamp, tz).isoformat(timespec="minutes")


def duration(seconds: float) -> str:
    """Seconds as m:ss (h:mm:ss from an hour up), rounded as the screens round them."""
    return clock_text(max(0.0, seconds))


def _one_line(text: str) -> str:
    """User or pack text on one line, escaped so it renders as exactly that text."""
    return for_markdown_inline(text)


def _quote(text: str) -> list[str]:
    """User text as a Markdown block quote, escaped, its line breaks kept."""
    return [f"> {line}".rstrip() for line in for_markdown_lines(text)] or [">"]


def _cell(text: str) -> str:
    return for_markdown_inline(text)


def criterion_labels(rubrics: Iterable[Rubric]) -> dict[tuple[str, str], str]:
    """The labels of these rubrics' criteria (the first rubric of each id wins), for
    :func:`session_markdown`: pass the installed packs' rubrics."""
    labels: dict[tuple[str, str], str] = {}
    for rubric in rubrics:
        for criterion in rubric.criteria:
            labels.setdefault((rubric.id, criterion.id), criterion.label)
    return labels


def _label(rubric_id: str, criterion_id: str, labels: Labels) -> str:
    """A criterion's label: the installed packs', the built-in rubrics', else its id in words."""
    label = labels.get((rubric_id, criterion_id))
    if label is None:
        rubric = BUILTIN_RUBRICS.get(rubric_id)
        criteria = rubric.criteria if rubric is not None else []
        label = next((item.label for item in criteria if item.id == criterion_id), None)
    if label is None:
        words = criterion_id.replace("-", " ").replace("_", " ").strip()
        label = words[:1].upper() + words[1:]
    return label


def _answer_meta(answer: AnswerSnapshot) -> str:
    parts = [
        _one_line(answer["kind"] or _SOURCE_LABELS.get(answer["source"], answer["source"]).lower())
    ]
    if answer["pack_id"] and answer["question_id"]:
        parts.append(for_markdown_code(f"{answer['pack_id']}/{answer['question_id']}"))
    used = f"{duration(answer['time_used'])} used"
    if answer["time_limit"]:
        used += f" of {duration(answer['time_limit'])}"
        over = answer["time_used"] - answer["time_limit"]
        if round(over) > 0:
            used += f" ({duration(over)} over)"
    parts.append(used)
    if answer["hints_shown"]:
        parts.append(f"{answer['hints_shown']} hint(s) shown")
    if answer["clarifications"]:
        parts.append(f"{answer['clarifications']} clarification(s) asked")
    return "*" + " · ".join(parts) + "*"


def _answer_lines(
    answer: AnswerSnapshot,
    number: str,
    depth: int,
    children: Mapping[str | None, list[AnswerSnapshot]],
    labels: Labels,
) -> list[str]:
    level = "#" * min(3 + depth, 6)
    label = (
        ""
        if answer["source"] == "question"
        else f"{_one_line(_SOURCE_LABELS.get(answer['source'], answer['source']))}: "
    )
    lines = [f"{level} {number}. {label}{_one_line(answer['prompt'])}", "", _answer_meta(answer)]
    lines.append("")
    if answer["skipped"]:
        lines.append("*Skipped.*")
    elif answer["text"].strip():
        lines.extend(_quote(answer["text"]))
    else:
        lines.append("*No answer written.*")
    lines.append("")
    if answer["checklist"]:
        lines.extend(
            f"- [{'x' if ticked else ' '}] {_one_line(item)}"
            for item, ticked in answer["checklist"].items()
        )
        lines.append("")
    if answer["scores"]:
        lines.extend(["| Criterion | Score |", "| --- | --- |"])
        lines.extend(
            f"| {_cell(_label(answer['rubric_id'], name, labels))} | {score} |"
            for name, score in answer["scores"].items()
        )
        lines.append("")
    for index, child in enumerate(children.get(answer["id"], []), start=1):
        lines.extend(_answer_lines(child, f"{number}.{index}", depth + 1, children, labels))
    return lines


def _answers_section(answers: Sequence[AnswerSnapshot], labels: Labels) -> list[str]:
    shown = [answer for answer in answers if answer["source"] != "your-question"]
    ids = {answer["id"] for answer in shown}
    children: dict[str | None, list[AnswerSnapshot]] = {}
    for answer in shown:
        parent = answer["parent_id"] if answer["parent_id"] in ids else None
        children.setdefault(parent, []).append(answer)
    lines = ["## Questions and answers", ""]
    if not shown:
        return [*lines, "*No answers recorded.*", ""]
    for index, answer in enumerate(children.get(None, []), start=1):
        lines.extend(_answer_lines(answer, str(index), 0, children, labels))
    return lines


def _scores_section(answers: Sequence[AnswerSnapshot], labels: Labels) -> list[str]:
    given: dict[tuple[str, str], list[int]] = {}
    for answer in answers:
        for name, score in answer["scores"].items():
            given.setdefault((answer["rubric_id"], name), []).append(score)
    if not given:
        return []
    lines = [
        "## Self-scores by criterion",
        "",
        "| Criterion | Mean | Answers |",
        "| --- | --- | --- |",
    ]
    for (rubric_id, name), scores in given.items():
        label = _cell(_label(rubric_id, name, labels))
        lines.append(f"| {label} | {sum(scores) / len(scores):.1f} | {len(scores)} |")
    return [*lines, ""]


def _reflection_section(snapshot: SessionSnapshot) -> list[str]:
    return _reflection_lines(snapshot["reflection"])


def _reflection_lines(reflection: ReflectionSnapshot) -> list[str]:
    lines: list[str] = []
    for title, text in (
        ("What went well", reflection["went_well"]),
        ("What to say differently", reflection["say_differently"]),
    ):
        if text.strip():
            lines.extend([f"### {title}", "", *_quote(text), ""])
    if reflection["topics"]:
        lines.extend(["### Topics to learn", ""])
        lines.extend(f"- {_one_line(topic)}" for topic in reflection["topics"])
        lines.append("")
    if reflection["interviewer_notes"].strip():
        lines.extend(
            ["### Notes on the interviewer", "", *_quote(reflection["interviewer_notes"])]
        )
        lines.append("")
    return ["## Reflection", "", *lines] if lines else []


def asked_questions(snapshot: SessionSnapshot) -> list[str]:
    """The questions the candidate asked the interviewer: the session's list of them, or
    when that is empty, the non-blank answers given at a your-questions stage."""
    asked = list(snapshot.get("candidate_questions", []))
    if asked:
        return asked
    return [
        answer["text"]
        for answer in snapshot["answers"]
        if answer["source"] == "your-question" and answer["text"].strip()
    ]


def _candidate_questions(snapshot: SessionSnapshot) -> list[str]:
    asked = asked_questions(snapshot)
    if not asked:
        return []
    lines = ["## Your questions", ""]
    lines.extend(f"{index}. {_one_line(text)}" for index, text in enumerate(asked, start=1))
    return [*lines, ""]


def _follow_up_section(snapshot: SessionSnapshot, tz: tzinfo | None) -> list[str]:
    return _follow_up_lines(snapshot.get("thank_you_drafts", {}), snapshot["reminders"], tz)


def _follow_up_lines(
    drafts: Mapping[str, str], plan: Sequence[ReminderSnapshot], tz: tzinfo | None
) -> list[str]:
    lines: list[str] = []
    for recipient, text in drafts.items():
        if text.strip():
            lines.extend([f"### Thank-you note to {_one_line(recipient) or 'the interviewer'}"])
            lines.extend(["", *_quote(text), ""])
    reminders = sorted(plan, key=lambda item: (item["due_at"], item["id"]))
    if reminders:
        lines.extend(["### Plan", ""])
    for reminder in reminders:
        mark = "x" if reminder["done_at"] is not None else " "
        recipient = f" ({_one_line(reminder['recipient'])})" if reminder["recipient"] else ""
        line = f"- [{mark}] {iso(reminder['due_at'], tz)}: {_one_line(reminder['title'])}"
        line += f"{recipient} [{_one_line(reminder['kind'])}]"
        if reminder["done_at"] is not None:
            line += f", done {iso(reminder['done_at'], tz)}"
        elif reminder["closed"]:
            line += ", closed"
        lines.append(line)
    if reminders:
        lines.append("")
    return ["## Follow-up plan", "", *lines] if lines else []


def session_markdown(
    snapshot: SessionSnapshot, tz: tzinfo | None = None, labels: Labels | None = None
) -> str:
    """One session as a Markdown document (times in ``tz``; local time when None).

    Every piece of user and pack text is escaped to render as exactly that text; scores
    are shown by criterion label (from ``labels``, else the built-in rubrics).
    """
    labels = labels or {}
    answers = snapshot["answers"]
    started = _moment(snapshot["created_at"], tz)
    persona = _one_line(snapshot["persona_name"])
    lines = [
        f"# Mock interview with {persona}, {started.date().isoformat()}",
        "",
        f"- Session: {for_markdown_code(snapshot['id'])}",
        f"- Persona: {persona} ({for_markdown_code(snapshot['persona_id'])})",
    ]
    packs = snapshot.get("pack_ids", [])
    lines.append(
        "- Packs: "
        + (", ".join(for_markdown_code(pack) for pack in packs) if packs else "all installed")
    )
    lines.append(f"- Started: {iso(snapshot['created_at'], tz)}")
    if snapshot["finished_at"] is not None:
        lines.append(f"- Finished: {iso(snapshot['finished_at'], tz)}")
    else:
        lines.append(f"- Not finished (at the {_one_line(snapshot['phase'])} step)")
    timed = [answer for answer in answers if answer["source"] != "your-question"]
    used = sum(answer["time_used"] for answer in timed)
    allowed = sum(answer["time_limit"] for answer in timed)
    lines.append(f"- Time used: {duration(used)} of {duration(allowed)} allowed")
    skipped = sum(1 for answer in timed if answer["skipped"])
    lines.append(f"- Answers: {len(timed)}" + (f" ({skipped} skipped)" if skipped else ""))
    scores = [score for answer in answers for score in answer["scores"].values()]
    if scores:
        lines.append(f"- Mean self-score: {sum(scores) / len(scores):.1f} / 5")
    lines.append("")
    if snapshot.get("prep_notes", "").strip():
        lines.extend(["## Prep notes", "", *_quote(snapshot["prep_notes"]), ""])
    lines.extend(_answers_section(answers, labels))
    lines.extend(_scores_section(answers, labels))
    lines.extend(_reflection_section(snapshot))
    lines.extend(_candidate_questions(snapshot))
    lines.extend(_follow_up_section(snapshot, tz))
    return "\n".join(lines).rstrip("\n") + "\n"


def journal_markdown(
    snapshots: Sequence[SessionSnapshot], tz: tzinfo | None = None, labels: Labels | None = None
) -> str:
    """Several sessions as one Markdown document, separated by rules."""
    if not snapshots:
        return "# Mock interview journal\n\n*No sessions yet.*\n"
    return "\n---\n\n".join(session_markdown(snapshot, tz, labels) for snapshot in snapshots)


def interview_markdown(interview: RealInterview, tz: tzinfo | None = None) -> str:
    """One logged real interview as a Markdown document (times in ``tz``; local when None)."""
    held = _moment(interview.held_at, tz)
    lines = [
        f"# Real interview: {_one_line(interview.title)}, {held.date().isoformat()}",
        "",
        f"- Company: {_one_line(interview.company)}",
    ]
    if interview.role.strip():
        lines.append(f"- Role: {_one_line(interview.role)}")
    lines.append(f"- When: {iso(interview.held_at, tz)}")
    lines.append(f"- Format: {_one_line(interview.format_name)}")
    if interview.interviewers:
        lines.append("- Interviewers: " + ", ".join(_one_line(n) for n in interview.interviewers))
    lines.append("")
    if interview.how_it_went.strip():
        lines.extend(["## How it went", "", *_quote(interview.how_it_went), ""])
    lines.extend(["## Questions they asked", ""])
    if not interview.questions:
        lines.extend(["*No questions logged.*", ""])
    for number, question in enumerate(interview.questions, start=1):
        kind = interview.question_kind(question)
        lines.append(f"{number}. {_one_line(question.prompt)} *({_one_line(kind)})*")
        if question.notes.strip():
            lines.extend(f"   {line}" for line in _quote(question.notes))
    if interview.questions:
        lines.append("")
    # Each section brings its own heading.
    lines.extend(_reflection_lines(interview.reflection))
    lines.extend(_follow_up_lines(interview.thank_you_drafts, interview.reminders, tz))
    return "\n".join(lines).rstrip("\n") + "\n"


def study_list_markdown(items: Sequence[StudyItem], tz: tzinfo | None = None) -> str:
    """The study list as a Markdown checklist, each topic with where it came from."""
    lines = ["# Study list", ""]
    if not items:
        return "\n".join([*lines, "*Nothing on the study list.*"]) + "\n"
    for item in items:
        line = f"- [{'x' if item.done else ' '}] {_one_line(item.topic)}"
        if item.source_name:
            kind = "real interview at" if item.interview_id else "mock interview with"
            line += f" (from the {kind} {_one_line(item.source_name)}"
            if item.source_at is not None:
                line += f", {_moment(item.source_at, tz).date().isoformat()}"
            line += ")"
        lines.append(line)
    return "\n".join(lines) + "\n"
