"""The app's entries in the command palette (ctrl+p): start, resume, every screen, what the
keys of the screen under the palette do, help, quit.

Persona names come from packs, so they are shown as literal ``Content`` and never put in
the help line (which the palette reads as markup).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.dom import DOMNode

from simulator.tui.host import AppHost, app_host
from simulator.tui.keys import KEYS
from simulator.tui.screens.home import HomeScreen
from simulator.tui.timefmt import when_words

if TYPE_CHECKING:
    from textual.app import App

    from simulator.journal import SessionSummary


APP_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("History", "app.history", "Past sessions: open, resume, export"),
    ("Browse packs", "app.browse_packs", "Packs, their questions and problems"),
    ("Pack problems", "app.browse_packs('problems')", "Packs that could not be loaded"),
    ("Progress", "app.progress", "Trends, streak, weakest areas"),
    ("Review due", "app.review_due", "Questions due for spaced review"),
    ("Study list", "app.study_list", "Topics to learn, from reflections"),
    ("Real interviews", "app.real_interviews", "Log a real interview, or read the log"),
    ("Follow-ups", "app.reminders", "Follow-ups due: done, snooze, close"),
)
"""The app's screens: (name, action, help line)."""

NOT_OFFERED: frozenset[str | None] = frozenset(
    {
        None,
        "back",
        "help",
        "quit",
        "palette",
        "score-1",
        "score-2",
        "score-3",
        "score-4",
        "score-5",
        "clear-score",
        "previous-criterion",
        "next-criterion",
        "first-criterion",
        "last-criterion",
        "previous-answer",
        "next-answer",
    }
)
"""Keys of a screen with no entry: the app's own entries cover them, or they move a cursor
or score, which only makes sense as a key."""

ALREADY_LISTED: frozenset[str] = frozenset({"quick", "resume"})
"""Home's keys that :meth:`MockInterviewCommands.session_commands` lists already."""


def key_words(binding_id: str | None, description: str) -> str:
    """What the key table says the binding does (its label when the table has no row)."""
    for entry in KEYS:
        if binding_id in entry.ids:
            return entry.what
    return description


@dataclass(frozen=True)
class Command:
    """One palette entry."""

    name: str
    """What the palette shows and matches against (may hold text from packs)."""
    run: Callable[[], Any]
    """What choosing it does."""
    help: str
    """A line under the name; written by us, never from packs."""


def highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` as literal content with the matched letters styled.

    :meth:`Matcher.highlight` would read ``text`` as markup, which text from packs must
    never be.
    """
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def interviewer_voice_command(app: App[Any]) -> Command:
    """Turning the interviewer's voice on or off, whichever it is not."""
    from simulator.tui.interviewer_voice import toggle_interviewer_voice, voice_is_on

    turn = "off" if voice_is_on(app) else "on"
    return Command(
        f"Interviewer voice: turn {turn}",
        partial(toggle_interviewer_voice, app),
        "Read the interviewer's lines aloud (espeak-ng, say or pyttsx3)",
    )


class MockInterviewCommands(Provider):
    """Start a session with any interviewer, resume, open history, packs or help, quit."""

    unfinished: SessionSummary | None = None
    """The newest unfinished session, read when the palette opens."""

    @property
    def main_app(self) -> AppHost | None:
        """The app, typed; None in a host app that is not mock-interview's."""
        return app_host(self.app)

    async def startup(self) -> None:
        """Read the newest unfinished session, off the screen's thread."""
        from simulator.journal import Journal, JournalError

        app = self.main_app
        self.unfinished = None
        if app is not None and isinstance(app.journal, Journal):
            journal = app.journal
            try:
                found = await asyncio.to_thread(journal.unfinished_sessions)
            except JournalError:
                found = []
            self.unfinished = found[0] if found else None

    def commands(self) -> list[Command]:
        """Every entry, in the order the palette lists them before anything is typed."""
        app = self.main_app
        if app is None:
            return []
        found: list[Command] = []
        in_session = app.practice is not None
        if not in_session:
            found += self.session_commands(app)
        found += self.screen_commands()
        found += [
            Command(name, partial(self.later, action, self.app), what)
            for name, action, what in APP_COMMANDS
        ]
        found += [
            interviewer_voice_command(self.app),
            Command("Export a session", self.export, "Pick it in History, then x: Markdown"),
            Command(
                "Export the whole journal",
                self.export_journal,
                "Everything, as a JSON file that log import reads back",
            ),
            Command(
                "Export follow-ups to a calendar",
                self.export_calendar,
                "Real interviews' open follow-ups as an .ics file for your calendar app",
            ),
            Command("Help", app.action_help, "Every key, by screen"),
            Command("Quit", app.action_quit, "Save everything and quit"),
        ]
        return found

    def screen_commands(self) -> list[Command]:
        """What the keys of the screen under the palette do there (ctrl+t and ctrl+n never
        reach the app in a browser: these entries always do)."""
        found: dict[str, Command] = {}
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            wanted = binding.id not in NOT_OFFERED and not binding.action.startswith("app.")
            if node is self.app or not enabled or not wanted or binding.id in found:
                continue
            if binding.id in ALREADY_LISTED and isinstance(node, HomeScreen):
                continue
            key = self.app.get_key_display(binding)
            found[binding.id or binding.action] = Command(
                binding.description,
                partial(self.later, binding.action, node),
                f"{key} · {key_words(binding.id, binding.description)}",
            )
        return list(found.values())

    def later(self, action: str, node: DOMNode) -> None:
        """Run ``action`` on ``node`` once the palette has closed (as its keys would)."""
        self.app.call_later(self.app.run_action, action, node)

    def export(self) -> None:
        """Open History, where x exports the highlighted session."""
        app = self.main_app
        if app is None:
            return
        app.action_history()
        self.app.notify("Highlight the session to export, then press x.", markup=False)

    def export_journal(self) -> None:
        """Export everything the journal holds as JSON (a download in a browser)."""
        from simulator.services.exports import journal_file
        from simulator.tui.downloads import export_in_background

        app = self.main_app
        if app is not None:
            export_in_background(self.app, partial(journal_file, now=app.clock.now()))

    def export_calendar(self) -> None:
        """Export the real interviews' open follow-ups as a calendar file, as ``log calendar``
        does (a download in a browser)."""
        from simulator.services.exports import calendar_file
        from simulator.tui.downloads import export_in_background

        app = self.main_app
        if app is not None:
            build = partial(calendar_file, owner=None, now=app.clock.now())
            export_in_background(self.app, build)

    def session_commands(self, app: AppHost) -> list[Command]:
        """Starting and resuming sessions (offered when no session is open)."""
        from simulator.services.practice import StartOptions

        found: list[Command] = []
        library = app.library
        if library is not None:
            for entry in library.personas:
                if entry.usable:
                    found.append(
                        Command(
                            f"Start a session with {entry.persona.name}",
                            partial(app.start_practice, StartOptions(entry.persona.id)),
                            f"A full interview (pack {entry.pack_id})",
                        )
                    )
        found.append(Command("Quick practice", self.quick, "One question per stage"))
        unfinished = self.unfinished
        if unfinished is not None:
            started = when_words(unfinished.created_at, app.clock.now())
            found.append(
                Command(
                    "Resume the last session",
                    lambda: app.resume_practice(unfinished.id),
                    f"The unfinished session started {started}",
                )
            )
        else:
            found.append(
                Command(
                    "Resume the last session",
                    lambda: self.app.notify("There is no unfinished session to resume."),
                    "No unfinished session",
                )
            )
        return found

    def quick(self) -> None:
        """A short session with the interviewer highlighted on the home screen, or the first."""
        app = self.main_app
        if app is None:
            return
        quick = getattr(self.screen, "action_quick", None)
        if callable(quick):
            quick()
            return
        library = app.library
        usable = [entry for entry in library.personas if entry.usable] if library else []
        if not usable:
            self.app.notify("No interviewer can be started yet.", severity="warning")
            return
        from simulator.services.practice import StartOptions

        app.start_practice(StartOptions(usable[0].persona.id, question_count=1))

    async def discover(self) -> Hits:
        """The entries shown before anything is typed."""
        for command in self.commands():
            yield DiscoveryHit(Content(command.name), command.run, command.name, command.help)

    async def search(self, query: str) -> Hits:
        """The entries matching what was typed, best first."""
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, command.name),
                    command.run,
                    command.name,
                    command.help,
                )
