"""Speaking an answer on the interview screen: f2 starts recording, f2 again stops it, and
the transcript, made in a worker, fills the answer box to be corrected by hand.

A base for the interview screen, not a screen of its own (so it lives beside the app's
modules, like :mod:`simulator.tui.writing_screen`). Recording and transcribing are
:class:`~simulator.services.spoken_answer.SpokenAnswer`'s; where the transcript goes and
what becomes of a recording left behind by a crash are
:mod:`simulator.services.voice_session`'s rules. The recording is kept with its answer
through the journal writer. Nothing of the voice extra is imported before f2 is pressed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer

from simulator.services.practice import Practice, answer_slot
from simulator.services.voice_session import MAX_RECORDING_SECONDS, with_transcript
from simulator.tui.interviewer_voice import InterviewerVoice
from simulator.tui.screens.confirm import Question, ask
from simulator.tui.screens.session_screen import SessionScreen
from simulator.tui.widgets.answer_editor import AnswerEditor
from simulator.tui.widgets.recording_bar import RecordingBar

if TYPE_CHECKING:
    from simulator.engine.views import Step
    from simulator.journal import Journal
    from simulator.services.spoken_answer import SpokenAnswer
    from simulator.services.voice_kit import VoiceKit
    from simulator.services.voice_session import Recovered
    from simulator.voice.analysis import SpokenAnswer as Heard

VOICE_KEY = "f2"
"""Starts and stops speaking an answer (free on every screen, and no browser takes it)."""

RECORD_AGAIN = Question(
    "Record this answer again?",
    "The new recording replaces the one kept with this answer. What is written stays as "
    "it is, and the new transcript is added after it.",
    keep=("keep", "Keep the recording"),
    go=("record", "Record again"),
)
"""Asked before a recording is replaced."""

VoiceState = Literal["idle", "starting", "recording", "transcribing", "recovering"]
"""What speaking is doing on the screen now."""

BUSY: dict[VoiceState, str] = {
    "starting": "One moment: the microphone is starting.",
    "recording": f"You are recording this answer: {VOICE_KEY} stops it first.",
    "transcribing": "One moment: your recording is being transcribed.",
    "recovering": "One moment: a recording from before mock-interview stopped is being "
    "transcribed.",
}
"""Why the answer cannot move on yet."""


@dataclass
class RecordingStarted(Message):
    """The microphone is open and the answer is being recorded."""

    answer_id: str
    """The answer spoken."""
    spoken: SpokenAnswer
    """The recording under way."""


@dataclass
class AnswerHeard(Message):
    """A recording stopped and was transcribed."""

    answer_id: str
    """The answer spoken."""
    heard: Heard
    """Its transcript and delivery."""


@dataclass
class VoiceFailed(Message):
    """Recording or transcribing could not be done; ``reason`` says why, in one line."""

    reason: str
    """What to tell the user."""


@dataclass
class RecordingsRecovered(Message):
    """Recordings left behind by a crash, transcribed."""

    found: list[Recovered]
    """Each with the answer it was made for."""


def microphone_hint(detail: str) -> str:
    """The one line for a microphone that cannot be used (or the install hint)."""
    from simulator.voice.check import Part, hint

    return hint([Part("microphone", False, detail)])


class VoiceAnswerScreen(SessionScreen):
    """The interview screen's speaking: the key, the recording line, the workers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(VOICE_KEY, "speak", "Speak", priority=True, id="speak"),
    ]

    def __init__(self, practice: Practice) -> None:
        super().__init__(practice)
        self.voice_state: VoiceState = "idle"
        """What speaking is doing now."""
        self.interviewer = InterviewerVoice(self, practice)
        """Reads the interviewer's lines aloud when the voice is on."""
        self._spoken: SpokenAnswer | None = None
        self._spoken_for = ""
        self._transcribed: set[str] = set()
        self._kept: set[str] = set()
        self._meter: Timer | None = None
        self._closing = False

    @property
    def voice_kit(self) -> VoiceKit:
        """The run's microphone, recogniser and speech program."""
        return self.main_app.context.voice

    def _settings(self) -> Mapping[str, Any] | None:
        from simulator.services.voice_session import voice_settings

        settings: Mapping[str, Any] | None = voice_settings(self.main_app.context.config.extra)
        return settings

    def _bar(self) -> RecordingBar:
        return self.query_one("#recording-bar", RecordingBar)

    # --- hooks for the interview screen ---------------------------------------------------

    def voice_shown(self, step: Step, asides: Sequence[tuple[str, str]]) -> None:
        """The screen was redrawn for ``step``: the recording line fits the answer shown,
        and the interviewer says what is new."""
        if self.voice_state in ("idle", "recovering"):
            self._show_note()
        clarifications = [text for label, text in asides if label == "Clarification"]
        self.interviewer.shown(step, clarifications)

    def voice_holds_step(self) -> bool:
        """Whether speaking keeps the answer from moving on now (the user is told why)."""
        if self.voice_state == "idle":
            return False
        self.notify(BUSY[self.voice_state], markup=False)
        return True

    def interviewer_voice_changed(self, on: bool) -> None:
        """The interviewer's voice was turned on (say this step now) or off (stop)."""
        if on:
            self.interviewer.again()
            self.refresh_view()
        else:
            self.interviewer.quiet()

    # --- mounting and leaving -------------------------------------------------------------

    @on(events.Mount)
    def _voice_mounted(self) -> None:
        self._meter = self.set_interval(0.1, self._voice_tick, pause=True)
        journal = self.main_app.journal
        if journal is not None and not self.voice_kit.unavailable():
            from simulator.services.voice_session import time_limits

            self.voice_state = "recovering"
            session = self.practice.session
            self._recover(journal, session.id, time_limits(session), self._settings())

    @on(events.Unmount)
    def _voice_unmounted(self) -> None:
        # A recording stopped here keeps its file; the next resume transcribes it.
        self._closing = True
        spoken, self._spoken = self._spoken, None
        if spoken is not None:
            spoken.leave()
        self.interviewer.quiet()

    # --- the key --------------------------------------------------------------------------

    def action_speak(self) -> None:
        """Start recording the answer, or stop and transcribe it."""
        if self.voice_state == "recording":
            self._stop_recording()
            return
        if self.voice_state != "idle":
            self.notify(BUSY[self.voice_state], markup=False)
            return
        current = self.practice.session.current_answer()
        if current is None:
            return
        hint = self.voice_kit.unavailable()
        if hint:
            self.notify(hint, markup=False)
            return
        answer_id = current["id"]
        if answer_id in self._kept or self._has_file(answer_id):
            ask(self.app, RECORD_AGAIN, lambda: self._start_recording(answer_id))
            return
        self._start_recording(answer_id)

    def _has_file(self, answer_id: str) -> bool:
        from simulator.journal import JournalError

        journal = self.main_app.journal
        try:
            return (
                journal is not None
                and journal.recording_path(self.practice.session.id, answer_id).is_file()
            )
        except JournalError:
            return False

    def _start_recording(self, answer_id: str) -> None:
        current = self.practice.session.current_answer()
        journal = self.main_app.journal
        if current is None or current["id"] != answer_id or self.voice_state != "idle":
            return
        if journal is None:
            self.notify(self.main_app.journal_error or "One moment: still loading.")
            return
        self.interviewer.paused = True
        self.interviewer.quiet()
        self.voice_state = "starting"
        self._bar().show_busy("Starting the microphone…")
        limit = int(current["time_limit"])
        self._open_microphone(journal, self.practice.session.id, answer_id, limit)

    @work(thread=True, exclusive=True, group="voice")
    def _open_microphone(
        self, journal: Journal, session_id: str, answer_id: str, limit: int
    ) -> None:
        from simulator.journal import JournalError
        from simulator.voice.engines import VoiceConfigError
        from simulator.voice.extra import VoiceUnavailable

        kit, settings = self.voice_kit, self._settings()
        try:
            spoken = kit.spoken_answer(journal, session_id, answer_id, settings, limit)
            spoken.start()
        except VoiceUnavailable as error:
            self.post_message(VoiceFailed(microphone_hint(str(error))))
            return
        except (VoiceConfigError, JournalError, OSError) as error:
            self.post_message(VoiceFailed(f"Recording could not start: {error}"))
            return
        if self._closing:  # the screen went away meanwhile
            spoken.leave()
            return
        self.post_message(RecordingStarted(answer_id, spoken))

    @on(RecordingStarted)
    def _recording_started(self, message: RecordingStarted) -> None:
        self._spoken, self._spoken_for = message.spoken, message.answer_id
        self.voice_state = "recording"
        self._voice_tick()
        if self._meter is not None:
            self._meter.resume()

    def _voice_tick(self) -> None:
        """Move the level meter and the time on."""
        spoken = self._spoken
        if spoken is None or self.voice_state != "recording":
            return
        if spoken.elapsed >= MAX_RECORDING_SECONDS:
            self.notify("The recording stopped by itself: it reached 20 minutes.")
            self._stop_recording()
            return
        self._bar().show_recording(spoken.level, spoken.elapsed, spoken.time_limit, VOICE_KEY)

    def _stop_recording(self) -> None:
        spoken, self._spoken = self._spoken, None
        if spoken is None:
            return
        if self._meter is not None:
            self._meter.pause()
        self.voice_state = "transcribing"
        self._bar().show_busy("Transcribing what you said…")
        self._transcribe(spoken, self._spoken_for)

    @work(thread=True, exclusive=True, group="voice")
    def _transcribe(self, spoken: SpokenAnswer, answer_id: str) -> None:
        from simulator.voice.extra import VoiceUnavailable

        try:
            heard = spoken.stop()
        except (TimeoutError, VoiceUnavailable, OSError, ValueError) as error:
            self.post_message(
                VoiceFailed(
                    f"Your recording is kept but could not be transcribed ({error}); it is "
                    "tried again when this session is next resumed."
                )
            )
            return
        self.post_message(AnswerHeard(answer_id, heard))

    # --- what comes back ------------------------------------------------------------------

    @on(AnswerHeard)
    def _answer_heard(self, message: AnswerHeard) -> None:
        self.voice_state = "idle"
        self.interviewer.paused = False
        self._keep(message.answer_id, message.heard)
        text = message.heard.transcript.text
        if not text.strip():
            self._show_note()
            self.notify(
                f"Nothing was heard in the recording. Type your answer, or press {VOICE_KEY} "
                "to try again (check the microphone first).",
                severity="warning",
            )
        elif not self._fill_editor(message.answer_id, text):
            self._show_note()
            self.notify("The recording and its transcript were kept with their answer.")
        self.query_one("#answer", AnswerEditor).focus()

    @on(VoiceFailed)
    def _voice_failed(self, message: VoiceFailed) -> None:
        self.voice_state = "idle"
        self.interviewer.paused = False
        self._spoken = None
        if self._meter is not None:
            self._meter.pause()
        self._show_note()
        self.notify(message.reason, severity="warning", markup=False)

    def _keep(self, answer_id: str, heard: Heard) -> None:
        """Keep the recording with its answer, through the journal writer."""
        from simulator.services.spoken_answer import keep

        self._kept.add(answer_id)
        writer = self.main_app.writer
        session_id = self.practice.session.id

        def write(journal: Journal) -> None:
            keep(journal, session_id, answer_id, heard)

        if writer is not None:
            writer.submit(write)

    def _fill_editor(self, answer_id: str, transcript: str) -> bool:
        """Put the transcript into the answer box, if it shows that answer; whether it did."""
        editor = self.query_one("#answer", AnswerEditor)
        if editor.slot != answer_slot(answer_id):
            return False
        text = with_transcript(editor.text, transcript)
        if text != editor.text:
            # One edit, so ctrl+z takes the transcript out again; saved as a draft at once.
            editor.replace(text, (0, 0), editor.document.end)
            editor.move_cursor(editor.document.end)
            editor.flush()
        self._transcribed.add(answer_id)
        self._show_note()
        return True

    def _show_note(self) -> None:
        """Under the box: the note that it holds a transcript, or nothing."""
        current = self.practice.session.current_answer()
        if current is not None and current["id"] in self._transcribed:
            self._bar().show_transcribed(VOICE_KEY)
        else:
            self._bar().hide()

    # --- recordings left behind -----------------------------------------------------------

    @work(thread=True, group="voice-recovery")
    def _recover(
        self,
        journal: Journal,
        session_id: str,
        limits: dict[str, int],
        settings: Mapping[str, Any] | None,
    ) -> None:
        from simulator.journal import JournalError
        from simulator.services.voice_session import recover
        from simulator.voice.engines import VoiceConfigError
        from simulator.voice.extra import VoiceUnavailable

        writer, kit = self.main_app.writer, self.voice_kit
        if writer is not None:
            writer.flush()  # a recording being kept is not left behind
        try:
            found = recover(journal, session_id, lambda: kit.recogniser(settings), limits)
        except (JournalError, VoiceConfigError, VoiceUnavailable, OSError) as error:
            self.post_message(VoiceFailed(f"A recording from before could not be read: {error}"))
            return
        self.post_message(RecordingsRecovered(found))

    @on(RecordingsRecovered)
    def _recordings_recovered(self, message: RecordingsRecovered) -> None:
        self.voice_state = "idle"
        filled = False
        for item in message.found:
            self._keep(item.answer_id, item.heard)
            filled = self._fill_editor(item.answer_id, item.heard.transcript.text) or filled
        if message.found:
            where = " and its transcript is in your answer" if filled else ""
            self.notify(
                f"A recording made when mock-interview stopped was kept with its answer{where}.",
                title="Recording recovered",
                timeout=8,
            )
        self._show_note()
