"""The home screen: the interviewers to practise with, and what is due.

The installed packs and load problems are in the pack browser (b, or e for problems): the
home screen is painted at every start, so it holds only what that start needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Footer,
    Header,
    OptionList,
    Static,
)
from textual.widgets.option_list import Option

from simulator.tui.messages import HomeData
from simulator.tui.timefmt import due_words, when_words

if TYPE_CHECKING:
    # The journal and the packs are loaded by the app's worker after the first paint.
    from simulator.journal import Journal, Reminder, SessionSummary
    from simulator.packs.library import Library, LoadedPack, PersonaEntry
    from simulator.packs.records import Persona


def persona_option(persona: Persona, mark: tuple[str, str] | None = None) -> Option:
    """One line in the interviewer list: name, role, and a mark such as "(cannot start)"."""
    parts: list[str | tuple[str, str]] = [(persona.name, "bold")]
    if mark is not None:
        parts += ["  ", mark]
    if persona.role:
        parts += ["\n", (persona.role, "dim")]
    return Option(Content.assemble(*parts), id=persona.id)


CANNOT_START = ("(cannot start)", "italic $warning")
CHECKING = ("(checking…)", "italic dim")


def entry_option(entry: PersonaEntry) -> Option:
    """An interviewer's line once every pack is loaded."""
    return persona_option(entry.persona, None if entry.usable else CANNOT_START)


def plan_summary(persona: Persona) -> str:
    """The stages a persona runs, in order, as one line."""
    names = {
        "prep": "Prep",
        "intro": "Greeting",
        "pitch": "Elevator pitch",
        "questions": "Questions",
        "your-questions": "Your questions",
        "wrap-up": "Wrap-up",
    }
    steps = []
    for stage in persona.plan:
        label = stage.title or names[stage.stage]
        if stage.stage == "questions":
            label += f" ({stage.count})"
        steps.append(label)
    return " → ".join(steps)


def persona_details(
    persona: Persona, pack_id: str, status: Sequence[str | tuple[str, str]]
) -> Content:
    """Everything the home screen says about one interviewer; ``status`` says whether a
    session can be started with them."""
    heading = persona.name + (f", {persona.role}" if persona.role else "")
    parts: list[str | tuple[str, str]] = [(heading, "bold"), "\n"]
    if persona.panel:
        members = ", ".join(
            member.name + (f" ({member.role})" if member.role else "") for member in persona.panel
        )
        parts += [("Panel: ", "bold"), members, "\n"]
    if persona.description:
        parts += ["\n", persona.description.strip(), "\n"]
    parts += ["\n", ("Stages: ", "bold"), plan_summary(persona), "\n"]
    if persona.instructions:
        parts += ["\n", ("To prepare: ", "bold"), persona.instructions.strip(), "\n"]
    parts += ["\n", *status]
    parts += ["\n\n", (f"From pack {pack_id}", "dim")]
    return Content.assemble(*parts)


def entry_status(entry: PersonaEntry) -> list[str | tuple[str, str]]:
    """Whether a session can be started with a loaded interviewer, and any notes."""
    parts: list[str | tuple[str, str]]
    if entry.usable:
        parts = [("Ready to start.", "$success")]
    else:
        parts = [("Cannot start: ", "bold $error"), entry.reason]
    for note in entry.notes:
        parts += ["\n", ("Note: ", "italic"), note]
    return parts


CHECKING_STATUS: list[str | tuple[str, str]] = [
    ("Still loading packs: checking which questions this interviewer can ask…", "italic")
]


def resume_line(summary: SessionSummary, now: float) -> Content:
    """The offer to resume an interrupted session."""
    return Content.assemble(
        ("Unfinished session: ", "bold"),
        f"{summary.persona_name}, started {when_words(summary.created_at, now)}. ",
        ("Press r to resume it.", "bold $accent"),
    )


def reminder_lines(reminders: list[Reminder], now: float) -> Content:
    """Due follow-ups, most overdue first."""
    parts: list[str | tuple[str, str]] = [
        ("Follow-ups due", "bold"),
        ("  (f: done, snooze, close)", "dim"),
        "\n",
    ]
    for reminder in sorted(reminders, key=lambda item: item.due_at):
        parts += [
            ("• ", "$warning"),
            reminder.title,
            (f"  ({due_words(reminder.due_at, now)}, {reminder.persona_name})", "dim"),
            "\n",
        ]
    return Content.assemble(*parts)


class HomeScreen(Screen[None]):
    """Where every visit starts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "resume", "Resume"),
        Binding("n", "quick", "Quick"),
        Binding("h", "app.history", "History"),
        Binding("b", "app.browse_packs", "Packs", show=False),
        Binding("g", "app.progress", "Progress"),
        Binding("v", "app.review_due", "Review due", show=False),
        Binding("l", "app.real_interviews", "Real interviews", show=False),
        Binding("f", "app.reminders", "Follow-ups"),
        Binding("s", "app.study_list", "Study list", show=False),
        Binding("e", "app.browse_packs('problems')", "Problems", show=False),
        Binding("f1,question_mark", "app.help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        self.early: dict[str, tuple[Persona, str]] = {}
        """Interviewers read so far while packs load: persona id to (persona, pack id)."""
        self.unfinished: list[SessionSummary] = []
        self.reminders: list[Reminder] = []

    def compose(self) -> ComposeResult:
        """The interviewer list and details; they fill in as the packs load."""
        yield Header()
        yield Static("Loading packs…", id="status", markup=False)
        yield Static("", id="resume", markup=False)
        yield Static("", id="reminders", markup=False)
        with Horizontal(id="home-body"):
            yield OptionList(id="personas")
            with VerticalScroll(id="persona-detail-box"):
                yield Static("", id="persona-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Show what is already loaded."""
        self.query_one("#resume").display = False
        self.query_one("#reminders").display = False
        self.refresh_home()

    def on_screen_resume(self) -> None:
        """Coming back from a session or another screen: the journal may have changed."""
        self.refresh_home()

    def refresh_home(self) -> None:
        """Show the library, then read the journal's news in the background."""
        library = getattr(self.app, "library", None)
        if library is not None and library is not self.library:
            self.show_library(library)
        journal = getattr(self.app, "journal", None)
        if journal is not None:
            self.read_journal(journal)

    @work(thread=True, exclusive=True, group="home")
    def read_journal(self, journal: Journal) -> None:
        """Unfinished sessions and due reminders, read off the screen's thread."""
        try:
            unfinished = journal.unfinished_sessions()
            reminders = journal.due_reminders()
        except Exception:  # the app's journal error handling reports problems elsewhere
            return
        self.post_message(HomeData(unfinished, reminders))

    def on_home_data(self, message: HomeData) -> None:
        """Offer to resume, and list due follow-ups."""
        now = self.main_clock_now()
        self.unfinished = message.unfinished
        self.reminders = message.reminders
        self.refresh_bindings()
        resume = self.query_one("#resume", Static)
        resume.display = bool(self.unfinished)
        if self.unfinished:
            resume.update(resume_line(self.unfinished[0], now))
        reminders = self.query_one("#reminders", Static)
        reminders.display = bool(self.reminders)
        if self.reminders:
            reminders.update(reminder_lines(self.reminders, now))

    def main_clock_now(self) -> float:
        """The app's clock (a fake one in tests)."""
        clock = getattr(self.app, "clock", None)
        import time

        return float(clock.now()) if clock is not None else time.time()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer resuming only when there is something to resume."""
        if action == "resume":
            return bool(self.unfinished)
        return True

    def highlighted_persona(self) -> PersonaEntry | None:
        """The interviewer under the cursor."""
        options = self.query_one("#personas", OptionList)
        if self.library is None or options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        return self.library.persona(option.id) if option.id else None

    def start(self, entry: PersonaEntry | None, question_count: int | None = None) -> None:
        """Start a session with an interviewer, if it can be started."""
        if self.library is None:
            self.notify("Still loading packs, one moment.", markup=False)
            return
        if entry is None:
            self.notify("Choose an interviewer first.", severity="warning")
            return
        if not entry.usable:
            self.notify(entry.reason, title="Cannot start", severity="warning", markup=False)
            return
        start = getattr(self.app, "start_practice", None)
        if start is not None:
            from simulator.practice import StartOptions

            start(StartOptions(entry.persona.id, question_count=question_count))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an interviewer starts a session with them."""
        if self.library is None or event.option.id is None:
            self.start(None)
        else:
            self.start(self.library.persona(event.option.id))

    def action_quick(self) -> None:
        """A short session: one question per questions stage, with the highlighted interviewer."""
        self.start(self.highlighted_persona(), question_count=1)

    def action_resume(self) -> None:
        """Continue the most recent unfinished session."""
        if not self.unfinished:
            self.notify("There is no unfinished session to resume.")
            return
        resume = getattr(self.app, "resume_practice", None)
        if resume is not None:
            resume(self.unfinished[0].id)

    def show_progress(self, done: int, total: int, packs: Sequence[LoadedPack] = ()) -> None:
        """Say how far loading has got, and list the interviewers of ``packs`` (just read)
        at once: they can be looked at while the rest load, and started once all have."""
        if self.library is not None:
            return
        self.query_one("#status", Static).update(f"Loading packs… {done} of {total}")
        personas = self.query_one("#personas", OptionList)
        for loaded in packs:
            for persona in loaded.pack.personas:
                # A later pack's persona with the same id replaces the earlier one.
                known = persona.id in self.early
                self.early[persona.id] = (persona, loaded.pack.id)
                if known:
                    personas.replace_option_prompt(
                        persona.id, persona_option(persona, CHECKING).prompt
                    )
                else:
                    personas.add_option(persona_option(persona, CHECKING))
        if self.early and personas.highlighted is None:
            personas.highlighted = 0
            personas.focus()

    def show_library(self, library: Library) -> None:
        """Fill the tabs from what was loaded."""
        self.library = library
        questions = len(library.questions())
        status = (
            f"{questions} questions in {len(library.packs)} packs · enter starts a session · "
            "b browses packs · l logs a real interview"
        )
        if library.errors:
            status += f" · {len(library.errors)} problem(s) with packs: press e"
        self.query_one("#status", Static).update(status)

        personas = self.query_one("#personas", OptionList)
        kept = self._highlighted_id(personas)
        shown_early = bool(self.early)
        personas.clear_options()
        self.early = {}
        ordered = sorted(library.personas, key=lambda entry: not entry.usable)
        personas.add_options([entry_option(entry) for entry in ordered])
        if ordered:
            ids = [entry.persona.id for entry in ordered]
            personas.highlighted = ids.index(kept) if kept in ids else 0
            if not shown_early:  # else it was focused then, and the user may have moved on
                personas.focus()
        else:
            self.query_one("#persona-detail", Static).update(
                "No interviewers are installed. Add a pack with personas, "
                "or press e to see the packs that could not be loaded."
            )

    @staticmethod
    def _highlighted_id(personas: OptionList) -> str | None:
        if personas.highlighted is None:
            return None
        return personas.get_option_at_index(personas.highlighted).id

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted interviewer's details."""
        if event.option.id is None:
            return
        detail = self.query_one("#persona-detail", Static)
        if self.library is None:
            found = self.early.get(event.option.id)
            if found is not None:
                persona, pack_id = found
                detail.update(persona_details(persona, pack_id, CHECKING_STATUS))
            return
        entry = self.library.persona(event.option.id)
        if entry is not None:
            detail.update(persona_details(entry.persona, entry.pack_id, entry_status(entry)))
