"""The answer timer: time left, turning amber then red, and counting on into overtime."""

from __future__ import annotations

from textual.widgets import Static

from simulator.tui.timefmt import clock_text


class Countdown(Static):
    """Shows ``2:41 left`` or ``0:12 over``; its class says which colour it should be."""

    def show(self, remaining: float, overtime: float, state: str, running: bool) -> None:
        """Display the timer from the engine's numbers (``state`` is ok, amber or red)."""
        text = f"{clock_text(overtime)} over" if overtime > 0 else f"{clock_text(remaining)} left"
        if not running and overtime == 0:
            text += " (paused)"
        self.update(text)
        self.set_class(state == "amber", "-amber")
        self.set_class(state == "red", "-red")
