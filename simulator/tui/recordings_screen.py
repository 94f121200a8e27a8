"""Screens that show a session's spoken answers (self-scoring, a past session): their
recordings read from the journal in a worker, and ``p`` to play one back or stop it.

A base for screens, not a screen of its own (it lives beside the app's modules, like
:mod:`simulator.tui.writing_screen`). Each screen says which session it shows, which
recording ``p`` plays, and what to redraw once the recordings are read. The player runs
off the screen's thread; nothing of the voice extra is imported before ``p`` is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from simulator.tui.host import app_host, writer_of

if TYPE_CHECKING:
    from simulator.journal import Journal
    from simulator.services.delivery_view import RecordedAnswer
    from simulator.voice.player import Player

PLAY_KEY = "p"
"""Plays the answer's recording, or stops it."""


@dataclass
class RecordingsRead(Message):
    """The session's recordings, read from the journal."""

    recordings: dict[str, RecordedAnswer]
    """By answer id."""


@dataclass
class PlaybackFailed(Message):
    """A recording could not be played; ``reason`` says why."""

    reason: str
    """What to tell the user."""


class RecordingsScreen(Screen[None]):
    """A screen with a session's recordings and the key that plays them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(PLAY_KEY, "play", "Play", id="play-recording")
    ]

    _recordings: dict[str, RecordedAnswer] | None = None

    @property
    def recordings(self) -> dict[str, RecordedAnswer]:
        """The session's recordings by answer id (empty until read, or when none)."""
        return self._recordings or {}

    def recordings_source(self) -> tuple[Journal, str] | None:
        """The journal and the session whose recordings are shown (None: none)."""
        return None

    def recording_to_play(self) -> RecordedAnswer | None:
        """The recording ``p`` plays now."""
        return None

    def recordings_loaded(self) -> None:
        """The recordings were read: show them (screens fill this in)."""

    @on(events.Mount)
    def _read_recordings(self) -> None:
        source = self.recordings_source()
        if source is not None:
            self._load_recordings(*source)

    @work(thread=True, group="recordings")
    def _load_recordings(self, journal: Journal, session_id: str) -> None:
        from simulator.journal import JournalError
        from simulator.services.delivery_view import session_recordings

        writer = writer_of(self.app)
        if writer is not None:
            writer.flush()  # the last answer's recording may still be on its way
        try:
            found = session_recordings(journal, session_id)
        except JournalError:
            return  # the screen shows what it can without them
        if found:
            self.post_message(RecordingsRead(found))

    @on(RecordingsRead)
    def _recordings_read(self, message: RecordingsRead) -> None:
        self._recordings = message.recordings
        self.recordings_loaded()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``p`` shows only where there is a recording to play."""
        if action == "play":
            return self.recording_to_play() is not None
        return True

    def action_play(self) -> None:
        """Play the recording, or stop the one playing."""
        host = app_host(self.app)
        recording = self.recording_to_play()
        if host is None or recording is None:
            return
        hint = host.context.voice.unavailable()
        if hint:
            self.notify(hint, markup=False)
            return
        player = host.context.voice.player()
        if player.playing:
            host.context.voice.stop_playing()
            self.app.clear_notifications()
            self.notify("Stopped playing.", timeout=2)
            return
        self._play(player, recording)
        self.notify(
            f"Playing your recording ({recording.length}). {PLAY_KEY} stops it.",
            title="Playing",
            timeout=max(3.0, recording.duration),
            markup=False,
        )

    @work(thread=True, exclusive=True, group="playback")
    def _play(self, player: Player, recording: RecordedAnswer) -> None:
        from simulator.voice.extra import VoiceUnavailable
        from simulator.voice.wavfile import WavError, read_wav

        try:
            player.play(read_wav(recording.path))
        except (WavError, VoiceUnavailable, OSError) as error:
            self.post_message(PlaybackFailed(f"The recording cannot be played: {error}"))

    @on(PlaybackFailed)
    def _playback_failed(self, message: PlaybackFailed) -> None:
        self.app.clear_notifications()
        self.notify(message.reason, severity="warning", markup=False)

    @on(events.Unmount)
    def _stop_playing(self) -> None:
        host = app_host(self.app)
        if host is not None:
            host.context.voice.stop_playing()
