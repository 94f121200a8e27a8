"""The installed packs for authors and the curious: every pack, question and load problem.

Everything read from a pack is shown literally (rich Text cells, ``Content``), never as
markup, so a pack cannot style the screen or bind a click to an action.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from simulator.common.names import FOLLOW_UP_QUESTIONS
from simulator.packs.library import Library, LoadedPack
from simulator.packs.records import Question
from simulator.tui.screens.shared_keys import BACK, HELP, tab_keys
from simulator.tui.widgets.key_footer import KeyFooter

Parts = list[str | tuple[str, str]]
"""Pieces for :meth:`Content.assemble`: plain text, or (text, style) from our own code."""

PROMPT_START = 60
"""How much of a prompt the question table shows."""


def prompt_start(prompt: str, width: int = PROMPT_START) -> str:
    """A prompt's first line, cut to ``width`` characters."""
    line = " ".join(prompt.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def kind_counts_words(loaded: LoadedPack) -> str:
    """The pack's questions counted per kind: "12 behavioral, 3 technical"."""
    counts = loaded.kind_counts()
    return ", ".join(f"{count} {kind}" for kind, count in counts.items()) or "none"


def pack_row(loaded: LoadedPack) -> list[Text]:
    """One row of the pack table, as rich Text so nothing is read as markup."""
    pack = loaded.pack
    return [
        Text(pack.id),
        Text(pack.version),
        Text(loaded.source),
        Text(kind_counts_words(loaded)),
        Text(str(len(pack.personas)), justify="right"),
        Text(pack.title),
        Text(str(loaded.path)),
    ]


def question_row(loaded: LoadedPack, question: Question) -> list[Text]:
    """One row of the question table."""
    kind = loaded.pack.question_kind(question) or "unknown"
    return [
        Text(question.id),
        Text(kind),
        Text(str(question.difficulty), justify="right"),
        Text(prompt_start(question.prompt)),
    ]


def _field(parts: Parts, title: str, text: str) -> None:
    """A titled block of text, when there is any."""
    if text.strip():
        parts += ["\n\n", (title, "bold"), "\n", text.strip("\n")]


def _items(parts: Parts, title: str, items: list[str]) -> None:
    """A titled bulleted list, when it has items."""
    if items:
        parts += ["\n\n", (title, "bold")]
        for item in items:
            parts += ["\n", ("• ", "$accent"), item]


def pack_details(loaded: LoadedPack) -> Content:
    """Everything about a pack except its questions, which have their own table."""
    pack = loaded.pack
    parts: Parts = [(pack.title, "bold"), "\n", (f"{pack.id} {pack.version}", "dim")]
    parts += ["\n", ("From: ", "bold"), loaded.source, "  ", str(loaded.path)]
    if pack.kind:
        parts += ["\n", ("Kind: ", "bold"), pack.kind]
    parts += ["\n", ("Questions: ", "bold"), kind_counts_words(loaded)]
    if pack.authors:
        parts += ["\n", ("Authors: ", "bold"), ", ".join(pack.authors)]
    if pack.license:
        parts += ["\n", ("Licence: ", "bold"), pack.license]
    if pack.source:
        parts += ["\n", ("Source: ", "bold"), pack.source]
    parts += ["\n", ("Language: ", "bold"), pack.language]
    if pack.tags:
        parts += ["\n", ("Tags: ", "bold"), ", ".join(pack.tags)]
    if pack.rubric:
        parts += ["\n", ("Default rubric: ", "bold"), pack.rubric]
    _field(parts, "Description", pack.description)
    _items(parts, "Rubrics", [f"{rubric.id}: {rubric.title}" for rubric in pack.rubrics])
    _items(
        parts,
        "Interviewers",
        [
            persona.name + (f", {persona.role}" if persona.role else "")
            for persona in pack.personas
        ],
    )
    _items(parts, "Suggested questions for the candidate", list(pack.candidate_questions))
    if pack.questions:
        parts += ["\n\n", ("Highlight a question to see all of it.", "dim italic")]
    return Content.assemble(*parts)


def question_details(loaded: LoadedPack, question: Question) -> Content:
    """Everything a question holds, the sample answer included (this is the author's view)."""
    pack = loaded.pack
    kind = pack.question_kind(question) or "unknown"
    limit = f"{question.time_limit} s" if question.time_limit else "the stage's or persona's"
    parts: Parts = [(question.prompt.strip("\n"), "bold")]
    parts += ["\n", (f"{pack.id}/{question.id}", "dim")]
    parts += ["\n\n", ("Kind: ", "bold"), kind]
    parts += ["\n", ("Difficulty: ", "bold"), f"{question.difficulty}/5"]
    parts += ["\n", ("Time limit: ", "bold"), limit]
    tags = pack.question_tags(question)
    if tags:
        parts += ["\n", ("Tags: ", "bold"), ", ".join(tags)]
    if question.rubric:
        parts += ["\n", ("Rubric: ", "bold"), question.rubric]
    if question.due:
        parts += ["\n", ("Due: ", "bold"), f"{question.due} after the interview"]
    _field(parts, "Clarification", question.clarification)
    _items(parts, "Hints", list(question.hints))
    _items(parts, "Talking points", list(question.talking_points))
    if question.keywords:
        parts += ["\n\n", ("Keywords: ", "bold"), ", ".join(question.keywords)]
    _items(parts, FOLLOW_UP_QUESTIONS, list(question.follow_ups))
    _items(parts, "Checklist", list(question.checklist))
    _field(parts, "Sample answer", question.sample_answer)
    return Content.assemble(*parts)


def problems_content(library: Library) -> Content:
    """Load errors as file:line:col and message, then packs and personas hidden by others."""
    if not library.errors and not library.shadowed:
        return Content("Every pack loaded without problems.")
    parts: Parts = []
    if library.errors:
        parts += [(f"Not loaded ({len(library.errors)})", "bold $error")]
        for problem in library.errors:
            location = f"{problem.path}:{problem.line}:{problem.column}"
            parts += ["\n\n", (location, "bold"), "\n  ", problem.message]
    if library.shadowed:
        if parts:
            parts.append("\n\n")
        parts += [(f"Replaced by another with the same id ({len(library.shadowed)})", "bold")]
        for item in library.shadowed:
            parts += ["\n\n", (f"{item.kind} {item.id}", "bold"), "\n  ", "hidden: "]
            parts += [str(item.shadowed_path), "\n  ", "used:   ", str(item.path)]
    return Content.assemble(*parts)


class PackBrowserScreen(Screen[None]):
    """Packs, the highlighted pack's questions, the highlighted question, and problems."""

    CSS_PATH = "../styles/pack_browser.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        Binding("enter", "select", "Open", priority=True, id="open"),
        *tab_keys(
            ("p", "packs", "Packs", "packs-tab"), ("e", "problems", "Problems", "problems-tab")
        ),
        HELP,
    ]

    def __init__(self, library: Library, tab: str = "packs") -> None:
        """Browse ``library``, starting on ``tab`` ("packs" or "problems")."""
        super().__init__()
        self.library = library
        """What is installed."""
        self.first_tab = tab if tab in ("packs", "problems") else "packs"
        """The tab shown first."""
        self.pack_index: int | None = None
        """The pack whose questions are listed."""

    def compose(self) -> ComposeResult:
        """Two tabs: the packs with their questions, and the problems."""
        yield Header()
        yield Static("", id="browser-status", markup=False)
        with TabbedContent(initial="packs"):
            with TabPane("Packs", id="packs"):
                yield DataTable(id="browser-packs", cursor_type="row", zebra_stripes=True)
                with Horizontal(id="browser-lower"):
                    yield DataTable(id="browser-questions", cursor_type="row", zebra_stripes=True)
                    with VerticalScroll(id="browser-detail-box"):
                        yield Static("", id="browser-detail", markup=False)
            with TabPane("Problems", id="problems"), VerticalScroll(id="browser-problems-box"):
                yield Static(problems_content(self.library), id="browser-problems", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the tables from the library."""
        self.title = "Packs"
        self.sub_title = "installed packs, their questions and problems"
        library = self.library
        questions = sum(len(loaded.pack.questions) for loaded in library.packs)
        problems = len(library.errors)
        status = f"{len(library.packs)} packs · {questions} questions"
        status += f" · {problems} problem(s): press e" if problems else " · no problems"
        self.query_one("#browser-status", Static).update(status)
        if problems:
            self.query_one(TabbedContent).get_tab("problems").label = f"Problems ({problems})"

        packs = self.query_one("#browser-packs", DataTable)
        packs.add_columns("Pack", "Version", "From", "Questions", "Personas", "Title", "Path")
        for index, loaded in enumerate(library.packs):
            packs.add_row(*pack_row(loaded), key=str(index))
        questions_table = self.query_one("#browser-questions", DataTable)
        questions_table.add_columns("Question", "Kind", "Diff.", "Prompt")
        if library.packs:
            self.show_pack(0)
            packs.focus()
        else:
            self.query_one("#browser-detail", Static).update(
                "No packs are installed. The Problems tab says why, if any failed to load."
            )
        if self.first_tab != "packs":
            self.action_show_tab(self.first_tab)

    def show_pack(self, index: int) -> None:
        """List a pack's questions and show the pack's details."""
        if index == self.pack_index or not 0 <= index < len(self.library.packs):
            return
        self.pack_index = index
        loaded = self.library.packs[index]
        table = self.query_one("#browser-questions", DataTable)
        table.clear()
        for position, question in enumerate(loaded.pack.questions):
            table.add_row(*question_row(loaded, question), key=str(position))
        self.query_one("#browser-detail", Static).update(pack_details(loaded))
        self.query_one("#browser-detail-box", VerticalScroll).scroll_home(animate=False)

    def show_question(self, position: int) -> None:
        """Show every detail of one of the listed questions."""
        if self.pack_index is None:
            return
        loaded = self.library.packs[self.pack_index]
        if 0 <= position < len(loaded.pack.questions):
            question = loaded.pack.questions[position]
            self.query_one("#browser-detail", Static).update(question_details(loaded, question))
            self.query_one("#browser-detail-box", VerticalScroll).scroll_home(animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Follow the cursor: a pack lists its questions, a question shows its details."""
        if event.row_key.value is None:
            return
        if event.data_table.id == "browser-packs":
            self.show_pack(int(event.row_key.value))
        elif event.data_table.id == "browser-questions" and event.data_table.has_focus:
            self.show_question(int(event.row_key.value))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Moving back to the pack table shows the pack; to the questions, the question."""
        focused = event.widget
        self.refresh_bindings()
        if self.pack_index is None or not isinstance(focused, DataTable):
            return
        if focused.id == "browser-packs":
            self.query_one("#browser-detail", Static).update(
                pack_details(self.library.packs[self.pack_index])
            )
        elif focused.id == "browser-questions" and focused.row_count:
            self.show_question(focused.cursor_row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter applies only in the two tables."""
        if action == "select":
            focused = self.focused
            return isinstance(focused, DataTable) and focused.id in (
                "browser-packs",
                "browser-questions",
            )
        return True

    def action_select(self) -> None:
        """Enter: from a pack to its questions, from a question to its details."""
        focused = self.focused
        if not isinstance(focused, DataTable):
            return
        if focused.id == "browser-packs":
            self.query_one("#browser-questions", DataTable).focus()
        elif focused.id == "browser-questions" and focused.row_count:
            self.show_question(focused.cursor_row)
            self.query_one("#browser-detail-box", VerticalScroll).focus()

    def action_show_tab(self, tab: str) -> None:
        """Switch to one of the tabs."""
        self.query_one(TabbedContent).active = tab
        if tab == "packs":
            self.query_one("#browser-packs", DataTable).focus()
        else:
            self.query_one("#browser-problems-box", VerticalScroll).focus()

    def action_back(self) -> None:
        """Back to where the browser was opened from."""
        self.dismiss(None)
