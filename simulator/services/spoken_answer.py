"""Answering out loud: record an answer into the journal's recordings folder while it is
transcribed, then keep the recording, its transcript and its delivery with the answer.

For the interview screen: :meth:`SpokenAnswer.start` when the record key is pressed,
:attr:`SpokenAnswer.level` and :attr:`SpokenAnswer.elapsed` for the indicator,
:meth:`SpokenAnswer.stop` (in a worker: it waits for the last utterance) for the transcript
and the delivery measures, then :func:`keep` to store them. Nothing here imports the voice
extra until :meth:`SpokenAnswer.start`.
"""

from __future__ import annotations

from typing import Any

from simulator.journal import AnswerRecording
from simulator.journal.recordings import RecordingStore
from simulator.voice.analysis import SpokenAnswer as Heard
from simulator.voice.analysis import hear
from simulator.voice.audio import Samples
from simulator.voice.live import LiveTranscriber
from simulator.voice.recorder import OpenInput, Recorder, open_microphone
from simulator.voice.transcript import Recogniser

TRANSCRIPT_WAIT = 30.0
"""Seconds :meth:`SpokenAnswer.stop` waits for the transcript before giving up."""


class SpokenAnswer:
    """One answer being spoken: recorded into the journal's recordings folder and
    transcribed as it goes."""

    def __init__(
        self,
        journal: RecordingStore,
        session_id: str,
        answer_id: str,
        recogniser: Recogniser,
        *,
        time_limit: int = 0,
        open_stream: OpenInput = open_microphone,
    ) -> None:
        """Prepare to record ``answer_id`` of ``session_id`` (raises JournalError for ids
        that cannot name a file); ``time_limit`` is the question's, in seconds."""
        self.session_id = session_id
        """The session."""
        self.answer_id = answer_id
        """The answer spoken."""
        self.time_limit = time_limit
        """The question's time limit in seconds (0: none)."""
        self._recogniser = recogniser
        self._live: LiveTranscriber | None = None
        self._recorder = Recorder(
            journal.recording_path(session_id, answer_id), listener=self, open_stream=open_stream
        )

    @property
    def level(self) -> float:
        """How loud the voice is now, 0 to 1."""
        return self._recorder.level

    @property
    def elapsed(self) -> float:
        """Seconds recorded so far."""
        return self._recorder.elapsed

    @property
    def recording(self) -> bool:
        """Whether recording is going on."""
        return self._recorder.recording

    def feed(self, samples: Samples, rate: int) -> None:
        """The recorder's listener: each block goes on to the transcriber."""
        if self._live is not None:
            self._live.feed(samples, rate)

    def start(self) -> None:
        """Start recording and transcribing. Raises VoiceUnavailable (no extra, no
        microphone) or OSError."""
        live = LiveTranscriber(self._recogniser.start())
        self._live = live
        try:
            self._recorder.start()
        except BaseException:
            self._live = None
            live.cancel()
            raise

    def cancel(self) -> None:
        """Stop recording and throw the recording away (its file too)."""
        live, self._live = self._live, None
        if live is not None:
            live.cancel()
        try:
            if self._recorder.recording:
                self._recorder.stop()
        finally:
            self._recorder.path.unlink(missing_ok=True)

    def leave(self) -> None:
        """Stop recording without waiting for the transcript, keeping the file: the screen
        is going away, and the next resume transcribes what was said
        (:func:`simulator.services.voice_session.recover`)."""
        live, self._live = self._live, None
        if live is not None:
            live.cancel()
        if self._recorder.recording:
            self._recorder.stop()

    def stop(self, timeout: float = TRANSCRIPT_WAIT) -> Heard:
        """Stop recording; the transcript and the delivery measures, once the last
        utterance is decoded (raises TimeoutError after ``timeout`` seconds)."""
        recording = self._recorder.stop()
        live, self._live = self._live, None
        assert live is not None
        transcript = live.finish(timeout)
        return hear(transcript, recording.duration, self.time_limit)


def keep(
    journal: RecordingStore, session_id: str, answer_id: str, heard: Heard
) -> AnswerRecording:
    """Store a spoken answer's recording with its answer (the recorder wrote the file
    where the journal keeps it). Raises JournalError."""
    data: dict[str, Any] = heard.delivery.to_json()
    return journal.save_recording(
        session_id,
        answer_id,
        duration=heard.delivery.duration,
        transcript=heard.transcript.to_json(),
        delivery=data,
    )
