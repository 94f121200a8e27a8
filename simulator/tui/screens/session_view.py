"""One past session, read-only: every answer, the scores, the reflection and the follow-ups."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Header, Static

from simulator.common.names import SOURCE_NAMES, STOPPED_AT
from simulator.engine import rubric_lookup
from simulator.engine.answer_tree import ordered_answers, timed_answers
from simulator.engine.snapshot import AnswerSnapshot, SessionSnapshot
from simulator.journal import Journal
from simulator.journal.markdown import duration
from simulator.packs.library import Library
from simulator.services.delivery_view import RecordedAnswer
from simulator.tui.host import app_host, now
from simulator.tui.recordings_screen import PLAY_KEY, RecordingsScreen
from simulator.tui.timefmt import due_words, local_date
from simulator.tui.widgets.key_footer import KeyFooter

Parts = list[str | tuple[str, str]]
"""Pieces for :meth:`Content.assemble`: plain text, or (text, style) from our own code."""

SOURCE_LABELS = {
    source: "" if source == "question" else f"{name}: " for source, name in SOURCE_NAMES.items()
}
"""How an answer's heading says why it was asked (a drawn question needs no label)."""


def criterion_label(answer: AnswerSnapshot, criterion_id: str, library: Library | None) -> str:
    """The label of a scored criterion, looked up in its rubric when that is installed."""
    label = rubric_lookup.criterion_label(
        library, answer["rubric_id"], answer["pack_id"], criterion_id
    )
    return criterion_id if label is None else label


def time_words(used: float, limit: float) -> str:
    """Time used against the limit: "1:30 used of 2:00 (0:10 over)"."""
    words = f"{duration(used)} used"
    if limit:
        words += f" of {duration(limit)}"
        over = used - limit
        if round(over) > 0:
            words += f" ({duration(over)} over)"
    return words


def summary_content(snapshot: SessionSnapshot) -> Content:
    """The session at a glance: who, when, how far, how long, how it was scored."""
    answers = timed_answers(snapshot["answers"])
    parts: Parts = [
        ("Mock interview with ", "bold"),
        (snapshot["persona_name"], "bold $accent"),
        "\n",
        ("Started: ", "bold"),
        local_date(snapshot["created_at"]),
        "\n",
    ]
    if snapshot["finished_at"] is not None:
        parts += [("Finished: ", "bold"), local_date(snapshot["finished_at"]), "\n"]
    if snapshot["phase"] != "done":
        phase = STOPPED_AT.get(snapshot["phase"], snapshot["phase"])
        parts += [(f"Not finished: it stopped at {phase}.", "italic $warning"), "\n"]
    used = sum(answer["time_used"] for answer in answers)
    allowed = sum(answer["time_limit"] for answer in answers)
    parts += [("Time: ", "bold"), time_words(used, allowed), "\n"]
    skipped = sum(1 for answer in answers if answer["skipped"])
    parts += [("Answers: ", "bold"), str(len(answers))]
    if skipped:
        parts.append(f" ({skipped} skipped)")
    scores = [score for answer in answers for score in answer["scores"].values()]
    if scores:
        parts += ["\n", ("Mean self-score: ", "bold"), f"{sum(scores) / len(scores):.1f} / 5"]
    packs = snapshot.get("pack_ids", [])
    parts += ["\n", ("Packs: ", "bold"), ", ".join(packs) if packs else "all installed"]
    return Content.assemble(*parts)


def answer_content(number: str, answer: AnswerSnapshot, library: Library | None = None) -> Content:
    """One question and its answer: the prompt, time, the answer (or skipped), scores."""
    label = SOURCE_LABELS.get(answer["source"], "")
    parts: Parts = [(f"{number}. ", "bold"), (label, "bold italic"), (answer["prompt"], "bold")]
    meta = [answer["kind"] or answer["source"]]
    if answer["pack_id"] and answer["question_id"]:
        meta.append(f"{answer['pack_id']}/{answer['question_id']}")
    meta.append(time_words(answer["time_used"], answer["time_limit"]))
    if answer["hints_shown"]:
        meta.append(f"{answer['hints_shown']} hint(s) shown")
    if answer["clarifications"]:
        meta.append(f"{answer['clarifications']} clarification(s) asked")
    parts += ["\n", (" · ".join(meta), "dim"), "\n"]
    if answer["skipped"]:
        parts.append(("Skipped.", "italic $warning"))
    elif answer["text"].strip():
        parts.append(answer["text"].strip("\n"))
    else:
        parts.append(("No answer written.", "dim italic"))
    for item, ticked in answer["checklist"].items():
        parts += ["\n", ("[x] " if ticked else "[ ] ", "bold"), item]
    if answer["scores"]:
        parts += ["\n", ("Scores: ", "bold")]
        scored = [
            f"{criterion_label(answer, criterion, library)} {score}/5"
            for criterion, score in answer["scores"].items()
        ]
        parts.append(" · ".join(scored))
    return Content.assemble(*parts)


def scores_content(snapshot: SessionSnapshot, library: Library | None = None) -> Content | None:
    """The mean score per criterion over the session, or None when nothing was scored."""
    given: dict[str, list[int]] = {}
    for answer in timed_answers(snapshot["answers"]):
        for criterion, score in answer["scores"].items():
            label = criterion_label(answer, criterion, library)
            given.setdefault(label, []).append(score)
    if not given:
        return None
    width = max(len(label) for label in given)
    parts: Parts = []
    for label, scores in given.items():
        mean = sum(scores) / len(scores)
        parts += [
            label.ljust(width),
            "  ",
            (f"{mean:.1f}", "bold"),
            f"  ({len(scores)} answer(s))",
        ]
        parts.append("\n")
    return Content.assemble(*parts[:-1])


def reflection_content(snapshot: SessionSnapshot) -> Content | None:
    """The reflection log, or None when nothing was written."""
    reflection = snapshot["reflection"]
    parts: Parts = []
    for title, text in (
        ("What went well", reflection["went_well"]),
        ("What to say differently", reflection["say_differently"]),
        ("Notes on the interviewer", reflection["interviewer_notes"]),
    ):
        if text.strip():
            parts += ["\n\n" if parts else "", (title, "bold"), "\n", text.strip("\n")]
    if reflection["topics"]:
        parts += ["\n\n" if parts else "", ("Topics to learn", "bold")]
        for topic in reflection["topics"]:
            parts += ["\n", ("• ", "$accent"), topic]
    return Content.assemble(*parts) if parts else None


def candidate_questions_content(snapshot: SessionSnapshot) -> Content | None:
    """The questions the candidate asked the interviewer, or None."""
    asked = list(snapshot.get("candidate_questions", []))
    if not asked:
        asked = [
            answer["text"]
            for answer in snapshot["answers"]
            if answer["source"] == "your-question" and answer["text"].strip()
        ]
    if not asked:
        return None
    replies = list(snapshot.get("candidate_replies", []))
    parts: Parts = []
    for index, text in enumerate(asked, start=1):
        if parts:
            parts.append("\n")
        parts += [(f"{index}. ", "bold"), text.strip()]
        reply = replies[index - 1].strip() if index <= len(replies) else ""
        if reply:
            parts += ["\n   ", ("Reply: ", "italic $secondary"), reply]
    return Content.assemble(*parts)


def follow_up_content(snapshot: SessionSnapshot, now: float) -> Content | None:
    """The thank-you drafts and the follow-up plan with due dates, or None."""
    parts: Parts = []
    for recipient, text in snapshot.get("thank_you_drafts", {}).items():
        if text.strip():
            if parts:
                parts.append("\n\n")
            parts += [("Thank-you note to ", "bold"), (recipient or "the interviewer", "bold")]
            parts += ["\n", text.strip("\n")]
    reminders = sorted(snapshot["reminders"], key=lambda item: (item["due_at"], item["id"]))
    if reminders:
        if parts:
            parts.append("\n\n")
        parts.append(("Plan", "bold"))
    for reminder in reminders:
        done = reminder["done_at"]
        parts += ["\n", ("[x] " if done is not None else "[ ] ", "bold")]
        parts += [(local_date(reminder["due_at"]), "bold"), "  ", reminder["title"]]
        if reminder["recipient"]:
            parts.append(f" ({reminder['recipient']})")
        if done is not None:
            parts.append((f"  done {local_date(done)}", "$success"))
        elif reminder["closed"]:
            parts.append(("  closed", "dim"))
        else:
            parts.append((f"  {due_words(reminder['due_at'], now)}", "dim"))
    return Content.assemble(*parts) if parts else None


class SessionViewScreen(RecordingsScreen):
    """A saved session, shown read-only and scrollable; escape goes back."""

    CSS_PATH = "../styles/session_view.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back"),
        Binding("f1,question_mark", "app.help", "Help", id="help"),
    ]

    def __init__(self, snapshot: SessionSnapshot, library: Library | None = None) -> None:
        """Show ``snapshot``; ``library`` (when given) names the scored criteria."""
        super().__init__()
        self.snapshot = snapshot
        """The session shown."""
        self.library = library
        """The installed packs, for rubric labels."""

    def now(self) -> float:
        """The app's clock (a fake one in tests)."""
        return now(self.app)

    def compose(self) -> ComposeResult:
        """Every section of the session, one after another, in one scrolling column."""
        snapshot = self.snapshot
        yield Header()
        with VerticalScroll(id="view-scroll"):
            yield Static(summary_content(snapshot), id="view-summary", markup=False)
            if snapshot.get("prep_notes", "").strip():
                yield self.heading("Prep notes")
                yield Static(Content(snapshot["prep_notes"].strip("\n")), markup=False)
            yield self.heading("Questions and answers")
            answers = list(ordered_answers(snapshot))
            if not answers:
                yield Static("No answers recorded.", classes="empty", markup=False)
            for number, depth, answer in answers:
                yield Static(
                    answer_content(number, answer, self.library),
                    classes=f"answer depth-{min(depth, 3)}",
                    markup=False,
                )
            sections = [
                ("Self-scores by criterion", scores_content(snapshot, self.library)),
                ("Reflection", reflection_content(snapshot)),
                ("Your questions", candidate_questions_content(snapshot)),
                ("Follow-up plan", follow_up_content(snapshot, self.now())),
            ]
            for title, content in sections:
                if content is not None:
                    yield self.heading(title)
                    yield Static(content, classes="section", markup=False)
        yield KeyFooter()

    @staticmethod
    def heading(title: str) -> Static:
        """A section heading."""
        return Static(title, classes="heading", markup=False)

    def on_mount(self) -> None:
        """Name the screen in the header and let the arrow keys scroll."""
        self.title = "Past session"
        self.sub_title = "read-only"
        self.query_one("#view-scroll", VerticalScroll).focus()

    def recordings_source(self) -> tuple[Journal, str] | None:
        """The session's recordings, from the app's journal."""
        host = app_host(self.app)
        journal = host.journal if host is not None else None
        return None if journal is None else (journal, self.snapshot["id"])

    def recorded_widgets(self) -> list[tuple[Widget, RecordedAnswer]]:
        """Each spoken answer's text on screen, with its recording, in order."""
        shown = zip(self.query(".answer"), ordered_answers(self.snapshot), strict=False)
        return [
            (widget, self.recordings[answer["id"]])
            for widget, (_, _, answer) in shown
            if answer["id"] in self.recordings
        ]

    def recording_to_play(self) -> RecordedAnswer | None:
        """The recorded answer nearest the top of the view (the first, above them all)."""
        recorded = self.recorded_widgets()
        top = self.query_one("#view-scroll", VerticalScroll).scroll_offset.y
        in_view = [item for item in recorded if item[0].virtual_region.bottom > top]
        first = in_view or recorded
        return first[0][1] if first else None

    def recordings_loaded(self) -> None:
        """Under each spoken answer, a line saying it can be played."""
        for widget, recording in self.recorded_widgets():
            note = Content.assemble(
                ("Spoken answer", "italic $accent"),
                (
                    f" · {recording.length} recorded · {PLAY_KEY} plays the first one in view",
                    "dim",
                ),
            )
            self.query_one("#view-scroll").mount(
                Static(note, classes="recorded", markup=False), after=widget
            )

    def action_back(self) -> None:
        """Go back to where the session was opened from."""
        self.dismiss(None)
