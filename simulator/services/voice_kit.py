"""The devices and engines the app speaks with, each one replaceable (tests pass fakes).

A :class:`VoiceKit` lives on the run's :class:`~simulator.services.context.Context`, so the
app factory hands it to every screen. Importing this module costs nothing: the voice extra
is imported only when a recording starts, a recording plays or a line is spoken.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from simulator.voice.extra import INSTALL_HINT, missing_packages

if TYPE_CHECKING:
    from simulator.journal.recordings import RecordingStore
    from simulator.packs.records import PersonaVoice
    from simulator.services.spoken_answer import SpokenAnswer
    from simulator.voice.player import OpenOutput, Player
    from simulator.voice.recorder import OpenInput
    from simulator.voice.transcript import Recogniser


class LineSpeaker(Protocol):
    """What reads the interviewer's lines aloud (:class:`~simulator.voice.speaker.Speaker`)."""

    def say(self, text: str) -> None:
        """Start reading ``text`` (stopping the line before)."""

    def stop(self) -> None:
        """Stop reading at once."""


MakeSpeaker = Callable[["PersonaVoice | None", str], "LineSpeaker | None"]
"""Makes a speaker for a persona's voice and a language (None: no speech program here)."""
MakeRecogniser = Callable[["Mapping[str, Any] | None"], "Recogniser"]
"""Makes the recogniser config.json's ``voice`` section asks for."""


def _default_speaker(voice: PersonaVoice | None, language: str) -> LineSpeaker | None:
    from simulator.voice.speaker import Speaker, find_speech_program

    program = find_speech_program()
    return None if program is None else Speaker(program, voice, language)


def _default_recogniser(settings: Mapping[str, Any] | None) -> Recogniser:
    from simulator.voice.engines import recogniser_from_config

    return recogniser_from_config(settings)


@dataclass
class VoiceKit:
    """The microphone, the speakers, the recogniser and the speech program of one run.

    Every field has a working default; a test replaces the ones it fakes.
    """

    open_input: OpenInput | None = None
    """Opens the microphone (None: sounddevice's default input)."""
    open_output: OpenOutput | None = None
    """Opens the speakers (None: sounddevice's default output)."""
    make_recogniser: MakeRecogniser = _default_recogniser
    """Makes the recogniser from config.json's ``voice`` section."""
    make_speaker: MakeSpeaker = _default_speaker
    """Makes the interviewer's voice (None when there is no speech program)."""
    missing: Callable[[], list[str]] = missing_packages
    """The voice extra's packages that are not installed."""
    _recogniser: Recogniser | None = field(default=None, repr=False)
    _player: Player | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def unavailable(self) -> str:
        """The one line to show when the voice extra is missing ("" when it is in)."""
        return INSTALL_HINT if self.missing() else ""

    def recogniser(self, settings: Mapping[str, Any] | None) -> Recogniser:
        """The recogniser, made once (its model then stays loaded). Raises
        :class:`~simulator.voice.engines.VoiceConfigError`."""
        with self._lock:
            if self._recogniser is None:
                self._recogniser = self.make_recogniser(settings)
            return self._recogniser

    def spoken_answer(
        self,
        journal: RecordingStore,
        session_id: str,
        answer_id: str,
        settings: Mapping[str, Any] | None,
        time_limit: int = 0,
    ) -> SpokenAnswer:
        """A recording of one answer, ready to :meth:`~SpokenAnswer.start`."""
        from simulator.services.spoken_answer import SpokenAnswer
        from simulator.voice.recorder import open_microphone

        return SpokenAnswer(
            journal,
            session_id,
            answer_id,
            self.recogniser(settings),
            time_limit=time_limit,
            open_stream=self.open_input or open_microphone,
        )

    def player(self) -> Player:
        """The one player of the run (a new recording stops the one playing)."""
        from simulator.voice.player import Player, open_speakers

        with self._lock:
            if self._player is None:
                self._player = Player(self.open_output or open_speakers)
            return self._player

    def stop_playing(self) -> None:
        """Stop the recording playing, if any, without waiting for the speakers."""
        player = self._player
        if player is not None and player.playing:
            threading.Thread(target=player.stop, name="stop-playing", daemon=True).start()

    def speaker(self, voice: PersonaVoice | None, language: str) -> LineSpeaker | None:
        """A speaker with the persona's voice, or None when nothing here can speak."""
        return self.make_speaker(voice, language)
