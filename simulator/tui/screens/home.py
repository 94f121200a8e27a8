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
    Header,
    OptionList,
    Static,
)

from simulator.common.names import counted
from simulator.engine.views import stage_title
from simulator.tui import home_cache
from simulator.tui.home_cache import ListedPersona, Part
from simulator.tui.host import app_host, library_of
from simulator.tui.host import now as app_now
from simulator.tui.messages import HomeData
from simulator.tui.persona_text import panel_members, persona_heading
from simulator.tui.timefmt import due_words, when_words
from simulator.tui.widgets.key_footer import KeyFooter
from simulator.tui.widgets.persona_list import (
    CHECKING,
    PersonaList,
    listing_options,
    persona_option,
)

if TYPE_CHECKING:
    # The journal and the packs are loaded by the app's worker after the first paint.
    from simulator.journal import Journal, Reminder, SessionSummary
    from simulator.packs.library import Library, LoadedPack, PersonaEntry
    from simulator.packs.records import Persona


def plan_summary(persona: Persona) -> str:
    """The stages a persona runs, in order, as one line."""
    steps = []
    for stage in persona.plan:
        label = stage_title(stage)
        if stage.stage == "questions":
            label += f" ({stage.count})"
        steps.append(label)
    return " → ".join(steps)


def persona_details(
    persona: Persona, pack_id: str, status: Sequence[str | tuple[str, str]]
) -> Content:
    """Everything the home screen says about one interviewer; ``status`` says whether a
    session can be started with them."""
    return Content.assemble(*detail_parts(persona, pack_id, status))


def detail_parts(
    persona: Persona, pack_id: str, status: Sequence[str | tuple[str, str]]
) -> list[Part]:
    """:func:`persona_details` as text and style pairs (kept in the home cache)."""
    parts: list[str | tuple[str, str]] = [(persona_heading(persona), "bold"), "\n"]
    if persona.panel:
        parts += [("Panel: ", "bold"), panel_members(persona), "\n"]
    if persona.description:
        parts += ["\n", persona.description.strip(), "\n"]
    parts += ["\n", ("Stages: ", "bold"), plan_summary(persona), "\n"]
    if persona.instructions:
        parts += ["\n", ("To prepare: ", "bold"), persona.instructions.strip(), "\n"]
    if persona.track:
        parts += ["\n", ("Track: ", "bold"), persona.track.strip(), "\n"]
    parts += ["\n", *status]
    parts += ["\n\n", (f"From pack {pack_id}", "dim")]
    return [(part, "") if isinstance(part, str) else part for part in parts]


def listed(entry: PersonaEntry) -> ListedPersona:
    """A loaded interviewer as the home screen lists it."""
    persona = entry.persona
    details = detail_parts(persona, entry.pack_id, entry_status(entry))
    return ListedPersona(
        persona.id, persona.name, persona.role, persona.track, entry.usable, tuple(details)
    )


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
    for reminder in sorted(reminders, key=lambda item: item.shown_due_at):
        parts += [
            ("• ", "$warning"),
            reminder.title,
            (f"  ({due_words(reminder.shown_due_at, now)}, {reminder.persona_name})", "dim"),
            "\n",
        ]
    return Content.assemble(*parts)


class HomeScreen(Screen[None]):
    """Where every visit starts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "resume", "Resume", id="resume"),
        Binding("n", "quick", "Quick", id="quick"),
        Binding("h", "app.history", "History", id="history"),
        Binding("b", "app.browse_packs", "Packs", show=False, id="packs"),
        Binding("g", "app.progress", "Progress", id="progress"),
        Binding("v", "app.review_due", "Review due", show=False, id="review-due"),
        Binding("l", "app.real_interviews", "Real interviews", show=False, id="real-interviews"),
        Binding("f", "app.reminders", "Follow-ups", id="follow-ups"),
        Binding("s", "app.study_list", "Study list", show=False, id="study-list"),
        Binding("e", "app.browse_packs('problems')", "Problems", show=False, id="problems"),
        Binding("t", "next_track", "Next track", show=False, id="next-track"),
        Binding("f1,question_mark", "app.help", "Help", id="help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        self.early: dict[str, tuple[Persona, str]] = {}
        """Interviewers read so far while packs load: persona id to (persona, pack id)."""
        self.unfinished: list[SessionSummary] = []
        self.reminders: list[Reminder] = []
        self.shown: list[ListedPersona] = []
        """The interviewers listed (from the packs, or kept from the last start)."""
        self.details: dict[str, ListedPersona] = {}
        self.kept_listing: list[ListedPersona] | None = None
        """What the last start kept, if it was shown."""
        self.folders: list[list[object]] | None = None
        """The pack folders' files when this start began (what the kept list is for)."""
        self.waiting_start: tuple[str | None, int | None] | None = None
        """A start asked for while the packs load: (persona id or None for the first
        interviewer, question count); it happens once they are loaded."""

    def compose(self) -> ComposeResult:
        """The interviewer list and details; they fill in as the packs load."""
        yield Header()
        yield Static("Loading packs…", id="status", markup=False)
        yield Static("", id="resume", markup=False)
        yield Static("", id="reminders", markup=False)
        with Horizontal(id="home-body"):
            yield PersonaList(id="personas")
            with VerticalScroll(id="persona-detail-box"):
                yield Static("", id="persona-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show what is already loaded, or the list kept from the last start when no pack
        has changed since (so the first frame has the interviewers)."""
        self.query_one("#resume").display = False
        self.query_one("#reminders").display = False
        if library_of(self.app) is None:
            self.show_kept_listing()
        self.refresh_home()

    def show_kept_listing(self) -> None:
        """List the interviewers kept by the last start, if the pack folders are unchanged."""
        host = app_host(self.app)
        if host is None or not host.context.use_cache:
            return
        context = host.context
        self.folders = home_cache.folders_state(home_cache.pack_folder_paths(context))
        kept = home_cache.read_listing(home_cache.listing_file(), self.folders)
        if kept:
            self.kept_listing = kept
            self.show_listing(kept)

    def show_listing(self, personas: list[ListedPersona]) -> None:
        """Put these interviewers in the list, keeping the cursor on the same one."""
        self.shown = personas
        self.details = {persona.id: persona for persona in personas}
        options_list = self.query_one("#personas", PersonaList)
        kept = options_list.highlighted_id()
        options_list.clear_options()
        options = listing_options(personas)
        options_list.add_options(options)
        if options:
            ids = [option.id for option in options]
            first = next(i for i, option in enumerate(options) if not option.disabled)
            options_list.highlighted = ids.index(kept) if kept in ids else first

    def on_screen_resume(self) -> None:
        """Coming back from a session or another screen: the journal may have changed."""
        self.refresh_home()

    def refresh_home(self) -> None:
        """Show the library, then read the journal's news in the background."""
        host = app_host(self.app)
        if host is None:
            return
        if host.library is not None and host.library is not self.library:
            self.show_library(host.library)
        if host.journal is not None:
            self.read_journal(host.journal)

    @work(thread=True, exclusive=True, group="home")
    def read_journal(self, journal: Journal) -> None:
        """Unfinished sessions and due reminders, read off the screen's thread."""
        try:
            unfinished = journal.unfinished_sessions()
            # Practice sessions' plans are drills: the home screen lists what to act on.
            reminders = journal.due_reminders(practice=False)
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
        return app_now(self.app)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer resuming only when there is something to resume."""
        if action == "resume":
            # Before the journal is read, r is kept for when it is (as enter is for packs).
            return bool(self.unfinished) or self.journal_unread()
        return True

    def journal_unread(self) -> bool:
        """Whether the journal is still being opened (so unfinished sessions are unknown)."""
        host = app_host(self.app)
        return host is not None and host.journal is None and not host.journal_error

    def highlighted_persona(self) -> PersonaEntry | None:
        """The interviewer under the cursor."""
        persona_id = self.query_one("#personas", PersonaList).highlighted_id()
        if self.library is None or persona_id is None:
            return None
        return self.library.persona(persona_id)

    def start_when_loaded(self, persona_id: str | None, question_count: int | None = None) -> None:
        """Start with an interviewer (None: the highlighted or first one) now, or as soon as
        the packs are loaded if they are still loading."""
        if self.library is not None:
            entry = self.library.persona(persona_id) if persona_id else self.first_startable()
            self.start(entry, question_count)
            return
        self.waiting_start = (persona_id, question_count)
        self.notify("Still loading packs: the session starts as soon as they are ready.")

    def first_startable(self) -> PersonaEntry | None:
        """The highlighted interviewer, else the first one that can start."""
        entry = self.highlighted_persona()
        if entry is not None or self.library is None:
            return entry
        return next((item for item in self.library.personas if item.usable), None)

    def start(self, entry: PersonaEntry | None, question_count: int | None = None) -> None:
        """Start a session with an interviewer, if it can be started."""
        if self.library is None:
            self.start_when_loaded(None if entry is None else entry.persona.id, question_count)
            return
        if entry is None:
            self.notify("Choose an interviewer first.", severity="warning")
            return
        if not entry.usable:
            self.notify(entry.reason, title="Cannot start", severity="warning", markup=False)
            return
        host = app_host(self.app)
        if host is not None:
            from simulator.services.practice import StartOptions

            host.start_practice(StartOptions(entry.persona.id, question_count=question_count))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an interviewer starts a session with them (once loaded)."""
        self.start_when_loaded(event.option.id)

    def on_persona_list_enter_while_empty(self, event: PersonaList.EnterWhileEmpty) -> None:
        """Enter before anything is listed: the first interviewer, once loaded."""
        self.start_when_loaded(None)

    def action_quick(self) -> None:
        """A short session: one question per questions stage, with the highlighted interviewer."""
        persona_id = self.query_one("#personas", PersonaList).highlighted_id()
        self.start_when_loaded(persona_id, question_count=1)

    def action_next_track(self) -> None:
        """Move to the first interviewer of the next track (after the last, the first)."""
        self.query_one("#personas", PersonaList).next_track()

    def action_resume(self) -> None:
        """Continue the most recent unfinished session (once the journal is read, if it is
        not yet)."""
        host = app_host(self.app)
        if not self.unfinished:
            if self.journal_unread() and host is not None:
                host.resume_practice()
            else:
                self.notify("There is no unfinished session to resume.")
            return
        if host is not None:
            host.resume_practice(self.unfinished[0].id)

    def show_progress(self, done: int, total: int, packs: Sequence[LoadedPack] = ()) -> None:
        """Say how far loading has got, and list the interviewers of ``packs`` (just read)
        at once: they can be looked at while the rest load, and started once all have."""
        if self.library is not None:
            return
        self.query_one("#status", Static).update(f"Loading packs… {done} of {total}")
        if self.kept_listing is not None:
            return  # the list kept from the last start is already showing
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
            f"{questions} questions in {counted(len(library.packs), 'pack')} · "
            "enter starts a session · "
            "b browses packs · l logs a real interview"
        )
        if library.errors:
            status += f" · {len(library.errors)} problem(s) with packs: press e"
        self.query_one("#status", Static).update(status)

        personas = self.query_one("#personas", PersonaList)
        shown_early = bool(self.early or self.shown)
        self.early = {}
        listing = [listed(entry) for entry in library.personas]
        if listing != self.shown or not listing:
            self.show_listing(listing)
        if listing != self.kept_listing and self.folders is not None:
            self.keep_listing(self.folders, listing)
        if listing:
            if not shown_early:  # else it was focused then, and the user may have moved on
                personas.focus()
            self._start_waiting()
        else:
            self.query_one("#persona-detail", Static).update(
                "No interviewers are installed. Add a pack with personas, "
                "or press e to see the packs that could not be loaded."
            )

    def _start_waiting(self) -> None:
        """Start the session asked for while the packs were loading."""
        if self.waiting_start is not None:
            (persona_id, count), self.waiting_start = self.waiting_start, None
            self.start_when_loaded(persona_id, count)

    @work(thread=True, group="home-cache")
    def keep_listing(self, folders: list[list[object]], listing: list[ListedPersona]) -> None:
        """Write the list for the next start, off the screen's thread."""
        home_cache.write_listing(home_cache.listing_file(), folders, listing)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted interviewer's details."""
        if event.option.id is None:
            return
        detail = self.query_one("#persona-detail", Static)
        shown = self.details.get(event.option.id)
        if shown is not None:
            detail.update(Content.assemble(*shown.details))
            return
        found = self.early.get(event.option.id)
        if found is not None:
            persona, pack_id = found
            detail.update(persona_details(persona, pack_id, CHECKING_STATUS))
