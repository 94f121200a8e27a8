"""The home screen: interviewers to practise with, installed packs, and load problems."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from simulator.journal import Journal, Reminder, SessionSummary
from simulator.packs.library import Library, PersonaEntry
from simulator.practice import StartOptions
from simulator.tui.messages import HomeData
from simulator.tui.text import plain
from simulator.tui.timefmt import due_words, when_words


def persona_option(entry: PersonaEntry) -> Option:
    """One line in the interviewer list: name, role, and a mark when it cannot start."""
    persona = entry.persona
    parts: list[str | tuple[str, str]] = [(persona.name, "bold")]
    if not entry.usable:
        parts += ["  ", ("(cannot start)", "italic $warning")]
    if persona.role:
        parts += ["\n", (persona.role, "dim")]
    return Option(Content.assemble(*parts), id=persona.id)


def plan_summary(entry: PersonaEntry) -> str:
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
    for stage in entry.persona.plan:
        label = stage.title or names[stage.stage]
        if stage.stage == "questions":
            label += f" ({stage.count})"
        steps.append(label)
    return " → ".join(steps)


def persona_details(entry: PersonaEntry) -> Content:
    """Everything the home screen says about one interviewer."""
    persona = entry.persona
    heading = persona.name + (f", {persona.role}" if persona.role else "")
    parts: list[str | tuple[str, str]] = [(heading, "bold"), "\n"]
    if persona.panel:
        members = ", ".join(
            member.name + (f" ({member.role})" if member.role else "") for member in persona.panel
        )
        parts += [("Panel: ", "bold"), members, "\n"]
    if persona.description:
        parts += ["\n", persona.description.strip(), "\n"]
    parts += ["\n", ("Stages: ", "bold"), plan_summary(entry), "\n"]
    if persona.instructions:
        parts += ["\n", ("To prepare: ", "bold"), persona.instructions.strip(), "\n"]
    if entry.usable:
        parts += ["\n", ("Ready to start.", "$success")]
    else:
        parts += ["\n", ("Cannot start: ", "bold $error"), entry.reason]
    for note in entry.notes:
        parts += ["\n", ("Note: ", "italic"), note]
    parts += ["\n\n", (f"From pack {entry.pack_id}", "dim")]
    return Content.assemble(*parts)


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
        Binding("i", "show_tab('interviewers')", "Interviewers", show=False),
        Binding("p", "show_tab('packs')", "Pack list", show=False),
        Binding("e", "show_tab('problems')", "Problems", show=False),
        Binding("f1,question_mark", "app.help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        self.unfinished: list[SessionSummary] = []
        self.reminders: list[Reminder] = []

    def compose(self) -> ComposeResult:
        """Lay out the tabs; they fill in once the packs are loaded."""
        yield Header()
        yield Static("Loading packs…", id="status", markup=False)
        yield Static("", id="resume", markup=False)
        yield Static("", id="reminders", markup=False)
        with TabbedContent(initial="interviewers"):
            with TabPane("Interviewers", id="interviewers"), Horizontal():
                yield OptionList(id="personas")
                with VerticalScroll(id="persona-detail-box"):
                    yield Static("", id="persona-detail", markup=False)
            with TabPane("Packs", id="packs"):
                yield DataTable(id="pack-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Problems", id="problems"), VerticalScroll():
                yield Static("", id="problem-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Set up the pack table's columns, and show what is already loaded."""
        table = self.query_one("#pack-table", DataTable)
        table.add_columns("Pack", "Version", "From", "Questions", "Title")
        self.query_one("#resume").display = False
        self.query_one("#reminders").display = False
        self.refresh_home()

    def on_screen_resume(self) -> None:
        """Coming back from a session or another screen: the journal may have changed."""
        self.refresh_home()

    def refresh_home(self) -> None:
        """Show the library, then read the journal's news in the background."""
        library = getattr(self.app, "library", None)
        if isinstance(library, Library) and library is not self.library:
            self.show_library(library)
        journal = getattr(self.app, "journal", None)
        if isinstance(journal, Journal):
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

    def action_show_tab(self, tab: str) -> None:
        """Switch to one of the tabs."""
        self.query_one(TabbedContent).active = tab

    def highlighted_persona(self) -> PersonaEntry | None:
        """The interviewer under the cursor."""
        options = self.query_one("#personas", OptionList)
        if self.library is None or options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        return self.library.persona(option.id) if option.id else None

    def start(self, entry: PersonaEntry | None, question_count: int | None = None) -> None:
        """Start a session with an interviewer, if it can be started."""
        if entry is None:
            self.notify("Choose an interviewer first.", severity="warning")
            return
        if not entry.usable:
            self.notify(entry.reason, title="Cannot start", severity="warning", markup=False)
            return
        start = getattr(self.app, "start_practice", None)
        if start is not None:
            start(StartOptions(entry.persona.id, question_count=question_count))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an interviewer starts a session with them."""
        if self.library is not None and event.option.id is not None:
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

    def show_progress(self, done: int, total: int) -> None:
        """Say how far loading has got."""
        if self.library is None:
            self.query_one("#status", Static).update(f"Loading packs… {done} of {total}")

    def show_library(self, library: Library) -> None:
        """Fill the tabs from what was loaded."""
        self.library = library
        questions = len(library.questions())
        status = (
            f"{questions} questions in {len(library.packs)} packs · enter starts a session · "
            "b browses packs · l logs a real interview"
        )
        if library.errors:
            status += f" · {len(library.errors)} problem(s): press e"
        self.query_one("#status", Static).update(status)

        personas = self.query_one("#personas", OptionList)
        personas.clear_options()
        ordered = sorted(library.personas, key=lambda entry: not entry.usable)
        personas.add_options([persona_option(entry) for entry in ordered])
        if ordered:
            personas.highlighted = 0
            personas.focus()
        else:
            self.query_one("#persona-detail", Static).update(
                "No interviewers are installed. Add a pack with personas, "
                "or check the Problems tab."
            )

        table = self.query_one("#pack-table", DataTable)
        table.clear()
        for loaded in library.packs:
            counts = ", ".join(f"{n} {kind}" for kind, n in loaded.kind_counts().items())
            table.add_row(
                Text(loaded.pack.id),
                Text(loaded.pack.version),
                Text(loaded.source),
                Text(counts or "none"),
                Text(loaded.pack.title),
                key=str(loaded.path),
            )

        problems = [str(problem) for problem in library.errors]
        problems += [str(item) for item in library.shadowed]
        self.query_one("#problem-list", Static).update(
            plain("\n\n".join(problems) if problems else "Every pack loaded without problems.")
        )
        self.query_one(TabbedContent).get_tab("problems").label = (
            f"Problems ({len(library.errors)})" if library.errors else "Problems"
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted interviewer's details."""
        if self.library is None or event.option.id is None:
            return
        entry = self.library.persona(event.option.id)
        if entry is not None:
            self.query_one("#persona-detail", Static).update(persona_details(entry))
