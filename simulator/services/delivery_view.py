"""What self-scoring and a past session show of a spoken answer: its recording and how it
was delivered, as plain rows of text built from the journal's record.

Each delivery row says what was measured and how sure the measure is (the engine's
:class:`~simulator.engine.insights.delivery.Measure`); the screens only lay the rows out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.engine.insights.delivery import Certainty, Delivery, Measure, delivery_from_json
from simulator.engine.timing import clock_text
from simulator.journal.recordings import AnswerRecording, RecordingStore

LABELS = {
    "speaking_time": "Speaking",
    "words_per_minute": "Pace",
    "pauses": "Pauses",
    "fillers_per_minute": "Fillers said",
    "longest_without_pause": "Longest run",
}
"""Each measure's label, in the order the rows show them."""


@dataclass(frozen=True)
class DeliveryRow:
    """One measure of how the answer was spoken."""

    label: str
    """A short label, such as ``Pace``."""
    value: str
    """What was found, such as ``142 words a minute``."""
    certainty: Certainty
    """How far it can be trusted: ``high``, ``medium`` or ``low``."""
    measured: str
    """What was measured, in a plain sentence."""
    warning: bool = False
    """Whether the value is worth a second look (over the time limit)."""


@dataclass(frozen=True)
class RecordedAnswer:
    """An answer's recording with what the screens show of it."""

    answer_id: str
    """The answer."""
    path: Path
    """The WAV file."""
    duration: float
    """Seconds recorded."""
    transcript: str
    """What the recogniser heard, before any correction."""
    rows: tuple[DeliveryRow, ...]
    """The delivery measures, in order (none when they could not be read)."""

    @property
    def length(self) -> str:
        """The recording's length as m:ss."""
        return clock_text(self.duration)


def _value(measure: Measure, delivery: Delivery) -> tuple[str, bool]:
    """A measure's value in words, and whether it is over the limit."""
    name = measure.name
    if name == "speaking_time":
        used = clock_text(delivery.speaking_time)
        if delivery.time_limit <= 0:
            return used, False
        words = f"{used} of {clock_text(delivery.time_limit)}"
        if delivery.over_limit >= 1:
            return f"{words}, {clock_text(delivery.over_limit)} over", True
        return words, False
    if name == "words_per_minute":
        return f"{measure.value:g} words a minute", False
    if name == "pauses":
        count = len(delivery.pauses)
        if not count:
            return "none of 2 s or more", False
        at = ", ".join(clock_text(pause.start) for pause in delivery.pauses[:5])
        more = "…" if count > 5 else ""
        return f"{count} (at {at}{more})", False
    if name == "fillers_per_minute":
        heard = ", ".join(
            f"{word} ×{times}" if times > 1 else word for word, times in delivery.fillers.items()
        )
        guessed = delivery.guessed_fillers
        guess = f" ({guessed} guessed from sounds)" if guessed else ""
        return f"{measure.value:g} a minute" + (f": {heard}{guess}" if heard else ""), False
    return f"{clock_text(measure.value)} without a pause", False


def delivery_rows(delivery: Delivery) -> tuple[DeliveryRow, ...]:
    """The delivery measures as rows, in :data:`LABELS` order."""
    by_name = {measure.name: measure for measure in delivery.measures}
    rows = []
    for name, label in LABELS.items():
        measure = by_name.get(name)
        if measure is None:
            continue
        value, warning = _value(measure, delivery)
        rows.append(DeliveryRow(label, value, measure.certainty, measure.measured, warning))
    return tuple(rows)


def recorded_answer(recording: AnswerRecording) -> RecordedAnswer:
    """What the screens show of one stored recording (no delivery rows when the stored
    measures cannot be read: the recording still plays)."""
    try:
        rows = delivery_rows(delivery_from_json(recording.delivery))
    except (KeyError, TypeError, ValueError, AttributeError):
        rows = ()
    return RecordedAnswer(
        recording.answer_id, recording.path, recording.duration, recording.transcript_text, rows
    )


def session_recordings(journal: RecordingStore, session_id: str) -> dict[str, RecordedAnswer]:
    """Every recording of a session that is still on disk, by answer id. Raises
    JournalError."""
    return {
        recording.answer_id: recorded_answer(recording)
        for recording in journal.session_recordings(session_id)
        if recording.path.is_file()
    }
