"""The interviewer's voice: turning it on and off (a palette entry), and reading the
interview's lines aloud on the interview screen, off the screen's thread.

What is said, and when, is :class:`~simulator.services.voice_session.InterviewerLines`'s
rule; the speech program is the run's :class:`~simulator.services.voice_kit.VoiceKit`'s.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from simulator.tui.host import app_host

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from simulator.engine.views import Step
    from simulator.services.practice import Practice
    from simulator.services.voice_kit import LineSpeaker

VOICE_ON = "The interviewer reads their lines aloud now."
"""Said when the interviewer's voice is turned on."""
VOICE_OFF = "The interviewer's voice is off."
"""Said when it is turned off."""


def voice_is_on(app: App[Any]) -> bool:
    """Whether the interviewer's lines are read aloud."""
    from simulator.services.voice_setting import interviewer_speaks

    host = app_host(app)
    return host is not None and interviewer_speaks(host.context.config)


def toggle_interviewer_voice(app: App[Any]) -> None:
    """Turn the interviewer's voice on or off, remember it in config.json (in a worker),
    and tell the screen on show."""
    from simulator.services.config import ConfigError
    from simulator.services.voice_setting import (
        interviewer_speaks,
        save_interviewer_speaks,
        set_interviewer_speaks,
    )

    host = app_host(app)
    if host is None:
        return
    config = host.context.config
    on = not interviewer_speaks(config)
    try:
        set_interviewer_speaks(config, on)
    except ConfigError as error:
        app.notify(str(error), title="Settings", severity="error", markup=False)
        return

    def save() -> None:
        try:
            save_interviewer_speaks(on, lambda: interviewer_speaks(config))
        except (ConfigError, OSError) as error:
            app.call_from_thread(app.notify, f"The setting was not saved: {error}", markup=False)

    app.run_worker(save, thread=True, group="config")
    if on and host.context.voice.speaker(None, "en") is None:
        from simulator.voice.check import speech_output

        detail = speech_output(lambda: None).detail
        app.notify(f"{VOICE_ON} But {detail}.", severity="warning", markup=False)
    else:
        app.notify(VOICE_ON if on else VOICE_OFF, markup=False)
    changed = getattr(app.screen, "interviewer_voice_changed", None)
    if callable(changed):
        changed(on)


class InterviewerVoice:
    """Reads the interview screen's lines aloud when the voice is on, one at a time."""

    def __init__(self, screen: Screen[Any], practice: Practice) -> None:
        """Speak for ``screen``, in the voice of ``practice``'s persona."""
        from simulator.services.voice_session import InterviewerLines

        self._screen = screen
        self._practice = practice
        self._lines = InterviewerLines()
        self._speaker: LineSpeaker | None = None
        self._made = False
        self.paused = False
        """While True (an answer is being recorded), nothing is said."""

    def shown(self, step: Step, clarifications: Sequence[str]) -> None:
        """The screen shows ``step``: say what is new in it, if the voice is on."""
        if not voice_is_on(self._screen.app):
            return
        replies = self._practice.session.candidate_replies
        text = self._lines.next(step, clarifications, replies)
        speaker = self._speaker_now() if text and not self.paused else None
        if speaker is not None:
            self._screen.run_worker(
                lambda: self._say(speaker, text),
                thread=True,
                exclusive=True,
                group="interviewer-voice",
            )

    def again(self) -> None:
        """Say the current step again when it is next shown (the voice was turned on)."""
        self._lines.forget()

    @staticmethod
    def _say(speaker: LineSpeaker, text: str) -> None:
        # The program may have gone away meanwhile: the line is on screen anyway.
        with contextlib.suppress(OSError):
            speaker.say(text)

    def _speaker_now(self) -> LineSpeaker | None:
        if not self._made:
            from simulator.services.voice_session import speech_language

            self._made = True
            host = app_host(self._screen.app)
            if host is not None:
                persona = self._practice.session.persona
                language = speech_language(host.library, self._practice.session)
                voice = persona.voice if persona is not None else None
                self._speaker = host.context.voice.speaker(voice, language)
        return self._speaker

    def quiet(self) -> None:
        """Stop the line being read, without waiting for the program to end."""
        speaker = self._speaker
        if speaker is not None:
            threading.Thread(target=speaker.stop, name="quiet", daemon=True).start()
