"""The rules of answering out loud: where a transcript goes, what the interviewer says,
recordings left behind by a crash, the voice setting, the delivery rows and the kit."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from simulator.common import locations
from simulator.engine.insights.delivery import Activity, Span, TimedWord, delivery
from simulator.engine.views import QuestionView, Step
from simulator.journal import Journal
from simulator.journal.recordings import AnswerRecording
from simulator.services.config import Config, ConfigError
from simulator.services.delivery_view import delivery_rows, recorded_answer
from simulator.services.voice_kit import VoiceKit
from simulator.services.voice_session import InterviewerLines, recover, with_transcript
from simulator.services.voice_setting import (
    interviewer_speaks,
    save_interviewer_speaks,
    set_interviewer_speaks,
)
from simulator.voice.extra import INSTALL_HINT
from simulator.voice.transcript import Transcript

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "journal"))
from journal_samples import finished_session

SESSION = "f" * 32


@pytest.mark.parametrize(
    ("typed", "heard", "expected"),
    [
        ("", "we shipped it", "we shipped it"),
        ("  \n", " we shipped it ", "we shipped it"),
        ("First, context.\n", "we shipped it", "First, context.\n\nwe shipped it"),
        ("Kept as typed.", "  ", "Kept as typed."),
    ],
)
def test_a_transcript_fills_an_empty_box_and_follows_typed_text(
    typed: str, heard: str, expected: str
) -> None:
    assert with_transcript(typed, heard) == expected


def question(answer_id: str, prompt: str) -> QuestionView:
    return QuestionView(
        answer_id=answer_id,
        source="question",
        prompt=prompt,
        kind="",
        tags=(),
        difficulty=None,
        time_limit=120,
        started=True,
        text="",
        clarifications=0,
        hints_total=0,
        hints_shown=(),
        checklist={},
        parent_prompt="",
        installed=True,
    )


def step(line: str, asked: QuestionView | None = None, stage: int = 1) -> Step:
    return Step(
        phase="stages",
        stage_index=stage,
        stage_count=4,
        stage_kind="questions",
        stage_title="Questions",
        speaker="Priya",
        speaker_role="",
        line=line,
        question=asked,
        number=1,
        total=2,
        progress="",
        complete=False,
        last_stage=False,
    )


def test_the_interviewer_says_each_line_once() -> None:
    lines = InterviewerLines()
    first = step("Next part: fundamentals.", question("a1", "What is Big O?"))
    assert lines.next(first, [], []) == "Next part: fundamentals.\nWhat is Big O?"
    assert lines.next(first, [], []) == ""  # redrawn: nothing new
    assert lines.next(first, ["It means growth."], []) == "It means growth."
    assert lines.next(first, ["It means growth."], []) == ""
    probe = step("", question("a2", "And the worst case?"))
    assert lines.next(probe, ["It means growth."], []) == "And the worst case?"
    lines.forget()
    assert lines.next(probe, [], []) == "And the worst case?"
    asking = step("Your turn: what would you like to ask?", stage=2)
    assert lines.next(asking, [], []) == "Your turn: what would you like to ask?"
    assert lines.next(asking, [], ["We deploy daily."]) == "We deploy daily."


def test_the_voice_setting_is_off_until_turned_on(home: Path) -> None:
    config = Config(extra={"voice": {"engine": "pocketsphinx"}})
    assert not interviewer_speaks(config)
    set_interviewer_speaks(config, True)
    assert interviewer_speaks(config)
    assert config.extra["voice"] == {"engine": "pocketsphinx", "interviewer_speaks": True}
    with pytest.raises(ConfigError, match="voice must be an object"):
        set_interviewer_speaks(Config(extra={"voice": "loud"}), True)


def test_saving_the_setting_keeps_the_rest_of_the_file(home: Path) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"theme": "nord", "voice": {"engine": "pocketsphinx"}}))
    save_interviewer_speaks(True, lambda: True)
    saved = json.loads(path.read_text())
    assert saved["theme"] == "nord"
    assert saved["voice"] == {"engine": "pocketsphinx", "interviewer_speaks": True}
    save_interviewer_speaks(False, lambda: True)  # a newer choice: not written over it
    assert json.loads(path.read_text())["voice"]["interviewer_speaks"] is True


def words(text: str, gap_after: int = -1, gap: float = 3.0) -> list[TimedWord]:
    found, at = [], 0.0
    for index, word in enumerate(text.split()):
        found.append(TimedWord(word, at, at + 0.3))
        at += 0.4 + (gap if index == gap_after else 0.0)
    return found


def test_delivery_rows_say_what_was_found_and_how_sure() -> None:
    heard = words("um so we rebuilt the payment system you know in two months", gap_after=5)
    voiced = Activity((Span(0.0, 2.3), Span(5.3, 7.0)), snr_db=30.0)
    rows = {row.label: row for row in delivery_rows(delivery(heard, 8.0, 5, voiced))}
    assert list(rows) == ["Speaking", "Pace", "Pauses", "Fillers said", "Longest run"]
    assert rows["Speaking"].value == "0:08 of 0:05, 0:03 over"
    assert rows["Speaking"].warning and rows["Speaking"].certainty == "high"
    assert rows["Pauses"].value == "1 (at 0:02)"
    assert rows["Fillers said"].value.endswith(": um, you know")
    assert rows["Fillers said"].certainty == "low"
    assert "as far as the recogniser hears them" in rows["Fillers said"].measured
    assert rows["Pace"].certainty == "low"  # too few words for a steady pace


def test_stored_measures_that_cannot_be_read_leave_the_recording_playable() -> None:
    broken = AnswerRecording(
        SESSION, "a2", Path("x.wav"), 3.0, {"text": "hello"}, {"duration": "?"}, 0.0
    )
    shown = recorded_answer(broken)
    assert shown.rows == () and shown.transcript == "hello" and shown.length == "0:03"


class Heard:
    """A recogniser that hears the same words in anything."""

    name = "fake"

    def __init__(self) -> None:
        self.calls = 0

    def transcribe(self, samples: Any, rate: int) -> Transcript:
        self.calls += 1
        return Transcript(tuple(words("we shipped it")), len(samples) / rate, "fake")

    def start(self) -> Any:
        raise NotImplementedError


def test_a_recording_left_behind_is_mended_and_transcribed(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy", reason="the voice extra is not installed")
    from simulator.voice.wavfile import WavWriter

    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        journal.save_session(finished_session(SESSION))
        cut = journal.recording_path(SESSION, "a2")
        writer = WavWriter(cut, 16000)
        writer.write(np.zeros(8000, dtype=np.int16).tobytes())
        writer.flush()
        writer.write(np.zeros(8000, dtype=np.int16).tobytes())  # after the last flush
        writer._file.flush()  # type: ignore[attr-defined]  # as far as a kill -9 leaves it
        empty = journal.recording_path(SESSION, "a3")
        WavWriter(empty, 16000).close()
        busy = journal.recording_path(SESSION, "a1")
        WavWriter(busy, 16000).close()
        recogniser = Heard()
        found = recover(journal, SESSION, lambda: recogniser, {"a1": 60, "a2": 5, "a3": 60}, "a1")
        assert [item.answer_id for item in found] == ["a2"]
        assert found[0].heard.transcript.text == "we shipped it"
        assert found[0].heard.delivery.duration == pytest.approx(1.0)
        assert found[0].heard.delivery.time_limit == 5
        assert not empty.exists() and busy.exists()
        assert recover(journal, "e" * 32, lambda: recogniser, {}) == []
        assert recogniser.calls == 1


def test_the_kit_says_when_the_extra_is_missing_and_makes_one_recogniser() -> None:
    made: list[object] = []

    def make(settings: Any) -> Any:
        made.append(settings)
        return Heard()

    kit = VoiceKit(make_recogniser=make, missing=lambda: ["pocketsphinx"])
    assert kit.unavailable() == INSTALL_HINT
    assert kit.recogniser({"engine": "x"}) is kit.recogniser(None)
    assert made == [{"engine": "x"}]
    assert VoiceKit(missing=list).unavailable() == ""
