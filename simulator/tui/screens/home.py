"""The home screen: interviewers to practise with, installed packs, and load problems."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
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

from simulator.packs.library import Library, PersonaEntry
from simulator.tui.text import plain


def persona_option(entry: PersonaEntry) -> Option:
    """One line in the interviewer list: name, role, and a mark when it cannot start."""
    persona = entry.persona
    parts: list[str | tuple[str, str]] = [(persona.name, "bold")]
    if persona.role:
        parts += ["  ", (persona.role, "dim")]
    if not entry.usable:
        parts += ["  ", ("(cannot start)", "italic $warning")]
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


class HomeScreen(Screen[None]):
    """Where every visit starts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "show_tab('interviewers')", "Interviewers"),
        Binding("p", "show_tab('packs')", "Packs"),
        Binding("e", "show_tab('problems')", "Problems"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None

    def compose(self) -> ComposeResult:
        """Lay out the tabs; they fill in once the packs are loaded."""
        yield Header()
        yield Static("Loading packs…", id="status", markup=False)
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
        """Set up the pack table's columns, and show packs if they are already loaded."""
        table = self.query_one("#pack-table", DataTable)
        table.add_columns("Pack", "Version", "From", "Questions", "Title")
        library = getattr(self.app, "library", None)
        if isinstance(library, Library):
            self.show_library(library)

    def action_show_tab(self, tab: str) -> None:
        """Switch to one of the tabs."""
        self.query_one(TabbedContent).active = tab

    def show_progress(self, done: int, total: int) -> None:
        """Say how far loading has got."""
        if self.library is None:
            self.query_one("#status", Static).update(f"Loading packs… {done} of {total}")

    def show_library(self, library: Library) -> None:
        """Fill the tabs from what was loaded."""
        self.library = library
        questions = len(library.questions())
        status = (
            f"{len(library.packs)} packs · {questions} questions · "
            f"{len(library.personas)} interviewers"
        )
        if library.errors:
            status += f" · {len(library.errors)} problem(s): press e to see them"
        self.query_one("#status", Static).update(status)

        personas = self.query_one("#personas", OptionList)
        personas.clear_options()
        ordered = sorted(library.personas, key=lambda entry: not entry.usable)
        personas.add_options([persona_option(entry) for entry in ordered])
        if ordered:
            personas.highlighted = 0
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
