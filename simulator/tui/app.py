"""The Textual application and its factory."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen

from simulator.services.config import ConfigError
from simulator.services.context import Context
from simulator.tui import safety, web_focus
from simulator.tui.key_order import KeyOrder
from simulator.tui.keymap_setting import use_keymap
from simulator.tui.messages import (
    JournalFailed,
    LibraryLoaded,
    LibraryProgress,
    PacksChanged,
    PracticeFailed,
    PracticeReady,
)
from simulator.tui.notices import clear_stale_notices
from simulator.tui.pack_watcher import PackWatcher
from simulator.tui.palette import commands_provider, open_palette, system_commands
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.screens.shared_keys import PALETTE, QUIT
from simulator.tui.session_screens import screen_class
from simulator.tui.startup import journal_writer, open_journal, read_library

if TYPE_CHECKING:
    # The engine, journal and packs (and pydantic under them) are imported by the loading
    # worker once home is on screen: importing them first would delay the first paint.
    from simulator.engine.clock import Clock
    from simulator.journal import Journal
    from simulator.packs.library import Library
    from simulator.services.practice import JournalWriter, Practice, StartOptions

LATEST_UNFINISHED = "*latest*"
"""Asks :meth:`MockInterviewApp.resume_practice` for the newest unfinished session."""


class MockInterviewApp(App[int]):
    """mock-interview's full-screen app."""

    TITLE = "mock-interview"
    SUB_TITLE = "practise interviews offline"
    CSS_PATH = Path(__file__).parent / "styles" / "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [QUIT, PALETTE]
    COMMANDS = App.COMMANDS | {commands_provider}

    REFUSED_ACTIONS: ClassVar[frozenset[str]] = safety.REFUSED_ACTIONS
    """Textual's built-in app actions this app never uses: nothing may run them."""

    pack_check_seconds: ClassVar[float] = 2.0
    """How often the pack folders are checked for changes (see :mod:`simulator.packs.watch`)."""

    def __init__(
        self,
        context: Context,
        *,
        start: StartOptions | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.contained_errors: list[BaseException] = []
        """Failed workers shown on the error screen instead of ending the app."""
        self._crash_note = ""
        self.context = context
        self.start_options = start
        """A session to start once the packs are loaded (``practice`` on the command line)."""
        self.pending_resume: str | None = None
        """A session the user asked to resume before the packs were loaded
        (:data:`LATEST_UNFINISHED`: the newest unfinished one, asked before the journal was
        read)."""
        self._listed = threading.Event()
        """Set once home has painted the loaded interviewers (the journal opens then)."""
        self._clock = clock
        self.library: Library | None = None
        self._pack_watch = PackWatcher(self, context.pack_folders)
        """Checks every :attr:`pack_check_seconds` whether the packs changed."""
        self.journal: Journal | None = None
        self.journal_error: str = ""
        """Why the journal could not be opened, when it could not."""
        self.writer: JournalWriter | None = None
        self.practice: Practice | None = None
        """The session being practised, if any."""
        self.keymap_in_use: dict[str, str] = {}
        """The keys config.json's keymap gave actions (binding id to keys), once applied."""
        self.key_order = KeyOrder(self, super().on_event)
        """Applies keys in the order they were typed (see :mod:`simulator.tui.key_order`)."""
        self.last_input_at = 0.0
        """When the latest key, paste or click arrived (see :mod:`simulator.tui.notices`)."""

    @property
    def clock(self) -> Clock:
        """The clock sessions run on (a fake one in tests)."""
        if self._clock is None:
            from simulator.engine.clock import SystemClock

            self._clock = SystemClock()
        return self._clock

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal go through :attr:`key_order`, in order."""
        if isinstance(event, events.Key | events.Paste | events.MouseDown):
            self.last_input_at = time.time()
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            await self.key_order.receive(event)
            return
        await super().on_event(event)

    # --- start-up ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The home screen, as the app's first screen (not pushed over a blank one, which
        would cost the first paint a layout and a frame)."""
        return HomeScreen()

    def on_mount(self) -> None:
        """Apply the remembered theme and show warnings about the settings."""
        if self.context.config.theme in self.available_themes:
            self.theme = self.context.config.theme
        for warning in self.context.warnings:
            self.notify(warning, title="Settings", severity="warning", markup=False)
        self.keymap_in_use = use_keymap(self, self.context.config)
        # Notices are about the screen they were raised on (see tui/notices.py).
        self.screen_change_signal.subscribe(self, lambda _screen: clear_stale_notices(self))
        web_focus.follow(self)  # in a browser the app starts without focus

    def on_ready(self) -> None:
        """Start loading once the first frame has been drawn (Textual's Ready event): the
        worker's imports and parsing would otherwise compete with it for the interpreter
        (``call_after_refresh`` can run before the first layout, which cost about 15%)."""
        self.load_packs()

    def action_command_palette(self) -> None:
        """Show the command palette (one that takes keys arriving with ctrl+p safely)."""
        open_palette(self)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette entries, with a screenshot that is saved where it can be."""
        return system_commands(self, super().get_system_commands(screen))

    @work(thread=True, exclusive=True, group="packs")
    def load_packs(self) -> None:
        """Read the installed packs, then open the journal, without blocking the screen.

        The packs come first: the home screen is usable once its interviewers are listed,
        and the journal (with its imports of the engine and emergency recovery) is needed
        only when a session starts; enter pressed before then is remembered."""
        library, folders = read_library(self.context, self.post_message)
        self._listed.clear()
        self.post_message(LibraryLoaded(library, folders))
        if self.journal is None:
            # Let home paint its interviewers before the journal's imports compete for
            # the interpreter (a thread worker shares it with the screen).
            self._listed.wait(0.5)
            open_journal(self, self._journal_opened)

    def _journal_opened(self, journal: Journal) -> None:
        self.journal = journal
        self.writer = journal_writer(self, journal)
        self._refresh_home()
        self._start_waiting_session()

    def on_journal_failed(self, message: JournalFailed) -> None:
        """Say why history and saving are unavailable."""
        self.journal_error = message.reason
        self.notify(message.reason, title="Journal unavailable", severity="error", markup=False)
        self._refresh_home()

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Keep the library and hand it to the screens that show it."""
        self.library = message.library
        if self._pack_watch.loaded(message.signature, self.pack_check_seconds):
            self.notify(
                "The installed packs changed; the lists are up to date.",
                title="Packs",
                markup=False,
            )
        self._refresh_home()
        self.call_after_refresh(self._listed.set)
        self._start_waiting_session()

    def _start_waiting_session(self) -> None:
        """Start or resume the session asked for while loading, once both halves are in."""
        if self.library is None or self.writer is None:
            return
        if self.start_options is not None:
            options, self.start_options = self.start_options, None
            self.start_practice(options)
        elif self.pending_resume is not None:
            session_id, self.pending_resume = self.pending_resume, None
            self.resume_practice(session_id)

    def on_packs_changed(self, message: PacksChanged) -> None:
        """Read the packs again; home shows the new library, with a word about why."""
        self._pack_watch.asked = True
        self.load_packs()

    def on_library_progress(self, message: LibraryProgress) -> None:
        """Pass loading progress on to the home screen."""
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_progress(message.done, message.total, message.packs)

    def _refresh_home(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_home()

    # --- sessions ------------------------------------------------------------------------

    def start_practice(self, options: StartOptions) -> None:
        """Start a session (in the background; the screen changes when it is ready), or
        once loading is done if it is not yet."""
        if self.journal_error:
            self.notify(self.journal_error, severity="warning", markup=False)
            return
        if self.library is None or self.writer is None:
            self.start_options = options
            return
        from simulator.services.session_start import start_session

        self._open_worker(partial(start_session, self.library, self.writer, options, self.clock))

    def resume_practice(self, session_id: str = LATEST_UNFINISHED) -> None:
        """Continue a saved session (once the packs are loaded, if they are still loading);
        by default the newest unfinished one."""
        if self.library is None or self.writer is None:
            if self.journal_error:
                self.notify(self.journal_error, severity="error", markup=False)
                return
            self.pending_resume = session_id
            self.notify(
                "Still loading packs: your session opens as soon as they are ready.",
                markup=False,
            )
            return
        from simulator.services.session_start import resume_session

        wanted = None if session_id == LATEST_UNFINISHED else session_id
        self._open_worker(partial(resume_session, self.library, self.writer, wanted, self.clock))

    @work(thread=True, exclusive=True, group="practice")
    def _open_worker(self, opening: Callable[[], Practice | None]) -> None:
        """Start or resume a session off the screen's thread (None: nothing to resume)."""
        from simulator.services.session_start import CannotOpen

        try:
            practice = opening()
        except CannotOpen as error:
            self.post_message(PracticeFailed(str(error)))
            return
        if practice is None:
            self.call_from_thread(self.notify, "There is no unfinished session to resume.")
        else:
            self.post_message(PracticeReady(practice))

    def on_practice_ready(self, message: PracticeReady) -> None:
        """Open the session that was started or resumed."""
        if self.practice is not None and self.practice is not message.practice:
            self.practice.close()
        self.practice = message.practice
        self.show_session()

    def on_practice_failed(self, message: PracticeFailed) -> None:
        """Say why a session could not start."""
        self.notify(message.reason, title="Cannot start", severity="error", markup=False)

    def show_session(self) -> None:
        """Show the screen for the current session's phase, replacing the one before."""
        practice = self.practice
        if practice is None:
            return
        current = self.screen
        wanted = screen_class(practice.session)
        if wanted is None:
            self.end_session()
        elif isinstance(current, SessionScreen) and type(current) is wanted:
            current.show_step()
        elif isinstance(current, SessionScreen):
            self.switch_screen(wanted(practice))
        else:
            self.push_screen(wanted(practice))

    def end_session(self) -> None:
        """Close the session's screens and go home."""
        if self.practice is not None:
            self.practice.close()
        self.practice = None
        while isinstance(self.screen, SessionScreen):
            self.pop_screen()
        self._refresh_home()

    def confirm_leave_session(self) -> None:
        """Ask before leaving a session; it stays saved for later."""
        from simulator.tui.screens.confirm import Question, ask

        practice = self.practice
        if practice is None:
            return

        def leave() -> None:
            practice.saved()
            self.end_session()
            self.notify("Saved. Resume it from the home screen whenever you like.")

        question = Question(
            "Leave this session?",
            "Everything so far is saved, and the home screen will offer to resume it.",
            keep=("stay", "Keep practising"),
            go=("leave", "Leave and resume later"),
        )
        ask(self, question, leave)

    # --- other screens -------------------------------------------------------------------

    def action_help(self) -> None:
        """Show the keys."""
        from simulator.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap_in_use))

    def _over_journal(self, screen: Callable[[Journal], Screen[Any]]) -> None:
        """Show the screen made from the journal, or say why there is no journal yet."""
        if self.journal is None:
            self.notify(self.journal_error or "Still loading, one moment.", markup=False)
            return
        self.push_screen(screen(self.journal))

    def action_history(self) -> None:
        """Show past sessions."""
        from simulator.tui.screens.history import HistoryScreen

        self._over_journal(HistoryScreen)

    def action_browse_packs(self, tab: str = "packs") -> None:
        """Show the installed packs and their questions, or (``tab`` "problems") the packs
        that could not be loaded."""
        from simulator.tui.screens.pack_browser import PackBrowserScreen

        if self.library is None:
            self.notify("Still loading, one moment.")
            return
        self.push_screen(PackBrowserScreen(self.library, tab))

    def action_progress(self, tab: str = "criteria") -> None:
        """Show self-score trends, the streak and the questions due for review."""
        from simulator.tui.screens.progress import ProgressScreen

        self._over_journal(lambda journal: ProgressScreen(journal, self.library, tab=tab))

    def action_review_due(self) -> None:
        """Show the questions due for spaced review (v there starts a review)."""
        self.action_progress("review")

    def action_study_list(self) -> None:
        """Show the study list."""
        from simulator.tui.screens.study_list import StudyListScreen

        self._over_journal(StudyListScreen)

    def action_real_interviews(self) -> None:
        """Show the real-interview log."""
        from simulator.tui.screens.real_interview import RealInterviewsScreen

        self._over_journal(RealInterviewsScreen)

    def action_reminders(self) -> None:
        """Show the follow-ups due: done, snooze, close the process."""
        from simulator.tui.screens.reminders import RemindersScreen

        self._over_journal(RemindersScreen)

    # --- theme ---------------------------------------------------------------------------

    def watch_theme(self, theme: str) -> None:
        """Remember a newly chosen theme for the next start."""
        if theme != self.context.config.theme:
            self.context.config.theme = theme
            self.save_theme(theme)

    @work(thread=True, group="config")
    def save_theme(self, theme: str) -> None:
        """Write the theme into the settings file, keeping everything else in it."""
        from simulator.services.theme_setting import save_theme

        try:
            save_theme(theme, lambda: self.context.config.theme)
        except (ConfigError, OSError) as error:
            self.call_from_thread(self.notify, f"The theme was not saved: {error}", markup=False)

    # --- safety --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Refuse the built-in actions this app has no use for (screenshots to any path...)."""
        return action not in self.REFUSED_ACTIONS

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Open only http(s) links, and only after the user says yes."""
        opening = partial(super().open_url, url, new_tab=new_tab)
        safety.ask_to_open(self, url, opening)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: save everything, log it, and tell the user plainly (see
        :mod:`simulator.tui.safety`)."""
        from textual.worker import WorkerFailed

        from simulator.tui.screens.error import ErrorScreen

        cause, summary, path = safety.logged(error)
        self._save_after_error()
        contained = (
            isinstance(error, WorkerFailed)
            and self.is_running
            and bool(self.screen_stack)
            and not isinstance(self.screen, ErrorScreen)
            and len(self.contained_errors) < safety.MAX_CONTAINED
        )
        if not contained:
            self._crash_note = safety.stopped_note(summary, path)
            super()._handle_exception(error)
            return
        self.contained_errors.append(cause)

        def answered(choice: str | None) -> None:
            if choice == "quit":
                self.run_worker(self.action_quit(), exclusive=True, group="quit")

        self.call_later(self.push_screen, ErrorScreen(summary, str(path or "")), answered)

    def _save_after_error(self) -> None:
        from simulator.services.errorlog import log_error

        try:
            self._save_typed_text()
            if self.writer is not None:
                self.writer.flush(timeout=5)
        except Exception as save_error:  # reporting must go on whatever happens here
            log_error(save_error, "saving after an error")

    def _fatal_error(self) -> None:
        """Close with a plain note instead of a traceback across the terminal."""
        from rich.text import Text

        self._exit_renderables.append(Text(self._crash_note or "mock-interview stopped."))
        self._close_messages_no_wait()

    # --- quitting ------------------------------------------------------------------------

    def _save_typed_text(self) -> None:
        """Put text waiting for its autosave into the session, and save the session."""
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen) and screen.is_mounted:
                screen.collect_typed_text()
        if self.practice is not None:
            self.practice.saved()

    async def action_quit(self) -> None:
        """Save everything, then quit."""
        self._save_typed_text()
        if self.practice is not None:
            self.practice.close()
        if self.writer is not None:
            self.writer.flush()
            self.writer.stop()
        if self.journal is not None:
            self.journal.close()
        self.exit(0)


def create_app(
    context: Context, *, start: StartOptions | None = None, clock: Clock | None = None
) -> MockInterviewApp:
    """The app for a context; tests build it the same way the command line does."""
    return MockInterviewApp(context, start=start, clock=clock)


def run_app(context: Context, start: StartOptions | None = None) -> int:
    """Run the app in the terminal and return the exit code."""
    app = create_app(context, start=start)
    result = app.run()
    return result if isinstance(result, int) else 0
