"""The rules of answering out loud in a session, for the interview screen to call.

Where a transcript goes in the answer being written, what the interviewer reads aloud at
each step, and what becomes of a recording left behind when the program stopped while it
was being made. The screen only draws and asks; nothing here knows about the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from simulator.engine.views import Step

if TYPE_CHECKING:
    from simulator.engine.session import Session
    from simulator.journal.recordings import RecordingStore
    from simulator.packs.library import Library
    from simulator.voice.analysis import SpokenAnswer as Heard
    from simulator.voice.transcript import Recogniser

MAX_RECORDING_SECONDS = 20 * 60
"""A recording stops by itself after this long (a forgotten microphone fills no disk)."""

SHORTEST_KEPT = 0.1
"""Seconds: a recording left behind that holds less than this is deleted, not offered."""


def with_transcript(text: str, transcript: str) -> str:
    """The answer's text once a transcript comes in: the transcript itself when nothing is
    written yet, else the text as it is with the transcript after a blank line (nothing
    typed is ever replaced)."""
    heard = transcript.strip()
    if not heard:
        return text
    if not text.strip():
        return heard
    return f"{text.rstrip()}\n\n{heard}"


def voice_settings(extra: Mapping[str, Any]) -> Any:
    """config.json's ``voice`` section as it is written (None when there is none; the
    recogniser says what is wrong with one that is not an object)."""
    return extra.get("voice")


def speech_language(library: Library | None, session: Session) -> str:
    """The language the interviewer speaks: their pack's, else English."""
    persona = session.persona
    if library is None or persona is None:
        return "en"
    entry = library.persona(persona.id)
    loaded = library.pack(entry.pack_id) if entry is not None else None
    return loaded.pack.language if loaded is not None else "en"


class InterviewerLines:
    """What the interviewer says aloud as the interview goes on: the greeting or
    transition and the question when a step is shown, then each clarification and each
    reply to the candidate's questions as it comes. Each is said once."""

    def __init__(self) -> None:
        """Nothing said yet."""
        self._step: tuple[object, ...] | None = None
        self._clarifications = 0
        self._replies = 0

    def forget(self) -> None:
        """Say the current step again when it is next shown (voice was just turned on)."""
        self._step = None

    def next(self, step: Step, clarifications: Sequence[str], replies: Sequence[str]) -> str:
        """What to say now that ``step`` is shown ("" when it was all said already)."""
        question = step.question
        key = (step.stage_index, step.line, question.answer_id if question else None)
        if key != self._step:
            self._step = key
            self._clarifications = len(clarifications)
            self._replies = len(replies)
            parts = [step.line.strip()]
            if question is not None:
                parts.append(question.prompt.strip())
            return "\n".join(part for part in parts if part)
        said = [*clarifications[self._clarifications :], *replies[self._replies :]]
        self._clarifications = len(clarifications)
        self._replies = len(replies)
        return "\n".join(line.strip() for line in said if line.strip())


@dataclass(frozen=True)
class Recovered:
    """A recording left behind, transcribed: it is to be kept with its answer."""

    answer_id: str
    """The answer it was recorded for."""
    heard: Heard
    """Its transcript and delivery."""


def recover(
    journal: RecordingStore,
    session_id: str,
    recogniser: Callable[[], Recogniser],
    time_limits: Mapping[str, int],
    skip: str | None = None,
) -> list[Recovered]:
    """Transcribe the recordings of ``session_id`` that no answer owns: each was being
        made when the program stopped (``kill -9``, a power cut). Their headers are mended
        first; empty ones are deleted. ``skip`` is an answer being recorded now; ``recogniser``
    is asked for only when there is something to transcribe. Store what
        comes back with :func:`~simulator.services.spoken_answer.keep`. Raises
        VoiceUnavailable."""
    from simulator.voice.analysis import transcribe_file
    from simulator.voice.wavfile import WavError, read_wav, repair_wav

    found: list[Recovered] = []
    for owner, answer_id, path in journal.unclaimed_recordings():
        if owner != session_id or answer_id == skip or answer_id not in time_limits:
            continue
        try:
            repair_wav(path)
            if read_wav(path).duration < SHORTEST_KEPT:
                path.unlink(missing_ok=True)
                continue
            heard = transcribe_file(path, recogniser(), time_limits[answer_id])
        except WavError:
            path.unlink(missing_ok=True)  # nothing of it can be heard
            continue
        found.append(Recovered(answer_id, heard))
    return found


def time_limits(session: Session) -> dict[str, int]:
    """Each answer of the session and its time limit, in seconds."""
    return {answer["id"]: int(answer["time_limit"]) for answer in session.answers}
