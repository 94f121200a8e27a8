"""The line under the answer box while an answer is spoken: a level meter and the time
against the limit while recording, then a word on the transcript that filled the box."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from simulator.tui.timefmt import clock_text

METER_CELLS = 12
"""How many cells the level meter has."""


def level_meter(level: float, cells: int = METER_CELLS) -> str:
    """``level`` (0 to 1) as a bar of ``cells`` cells: ``██████░░░░░░``."""
    filled = max(0, min(cells, round(level * cells)))
    return "█" * filled + "░" * (cells - filled)


def recording_line(level: float, elapsed: float, limit: int, key: str) -> Content:
    """``● Recording  ████░░░░  0:42 of 2:00   f2 stops`` (the time turns to a warning
    past the limit)."""
    time_used = clock_text(elapsed)
    over = limit > 0 and elapsed > limit
    timing = f"{time_used} of {clock_text(limit)}" if limit > 0 else time_used
    return Content.assemble(
        ("● Recording", "bold $error"),
        "  ",
        (level_meter(level), "$success"),
        "  ",
        (timing, "bold $warning" if over else "bold"),
        ("  (over the time limit)" if over else "", "$warning"),
        (f"   {key} stops", "dim"),
    )


class RecordingBar(Static):
    """One line: hidden until an answer is spoken, then the recording, then the note that
    the text came from it."""

    DEFAULT_CSS = """
    RecordingBar {
        height: auto;
        padding: 0 1;
        display: none;
    }
    RecordingBar.-shown {
        display: block;
    }
    RecordingBar.-recording {
        background: $error 15%;
    }
    """

    def show_recording(self, level: float, elapsed: float, limit: int, key: str) -> None:
        """The level and the time, while recording."""
        self._show(recording_line(level, elapsed, limit, key), recording=True)

    def show_busy(self, text: str) -> None:
        """A step under way, such as transcribing."""
        self._show(Content.assemble((text, "italic")))

    def show_transcribed(self, key: str) -> None:
        """The answer box holds a transcript."""
        self._show(
            Content.assemble(
                ("Transcribed from your recording: ", "bold $accent"),
                "correct it as you like.",
                (f"  {key} records it again.", "dim"),
            )
        )

    def hide(self) -> None:
        """Nothing being spoken here."""
        self.update("")
        self.set_class(False, "-shown")
        self.set_class(False, "-recording")

    def _show(self, content: Content, *, recording: bool = False) -> None:
        self.update(content)
        self.set_class(True, "-shown")
        self.set_class(recording, "-recording")
