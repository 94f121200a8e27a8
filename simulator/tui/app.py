"""The Textual application and its factory."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from simulator.context import Context
from simulator.packs.library import Library
from simulator.tui.messages import LibraryLoaded, LibraryProgress
from simulator.tui.screens.home import HomeScreen


class MockInterviewApp(App[int]):
    """mock-interview's full-screen app."""

    TITLE = "mock-interview"
    SUB_TITLE = "practise interviews offline"
    CSS_PATH = "styles/app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, context: Context) -> None:
        super().__init__()
        self.context = context
        self.library: Library | None = None

    def on_mount(self) -> None:
        """Show the home screen at once, then load packs in the background."""
        self.push_screen(HomeScreen())
        for warning in self.context.warnings:
            self.notify(warning, title="Settings", severity="warning", markup=False)
        self.load_packs()

    @work(thread=True, exclusive=True, group="packs")
    def load_packs(self) -> None:
        """Read the installed packs without blocking the screen."""

        def progress(done: int, total: int) -> None:
            self.post_message(LibraryProgress(done, total))

        library = self.context.load_library(on_pack=progress)
        self.post_message(LibraryLoaded(library))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Keep the library and hand it to the screens that show it."""
        self.library = message.library
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_library(message.library)

    def on_library_progress(self, message: LibraryProgress) -> None:
        """Pass loading progress on to the home screen."""
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_progress(message.done, message.total)


def create_app(context: Context) -> MockInterviewApp:
    """The app for a context; tests build it the same way the command line does."""
    return MockInterviewApp(context)


def run_app(context: Context) -> int:
    """Run the app in the terminal and return the exit code."""
    app = create_app(context)
    result = app.run()
    return result if isinstance(result, int) else 0
