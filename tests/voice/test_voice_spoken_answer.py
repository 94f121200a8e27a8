"""The whole path: a committed recording played into a fake microphone, recorded into the
journal's folder while it is transcribed, its delivery measured, kept with its answer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pocketsphinx", reason="the voice extra is not installed")
np = pytest.importorskip("numpy", reason="the voice extra is not installed")

from voice_helpers import AUDIO, FakeInputStream  # noqa: E402

from simulator.journal import Journal  # noqa: E402
from simulator.services.spoken_answer import SpokenAnswer, keep  # noqa: E402
from simulator.voice.accuracy import word_error_rate  # noqa: E402
from simulator.voice.sphinx import PocketSphinx  # noqa: E402
from simulator.voice.wavfile import read_wav  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "journal"))
from journal_samples import finished_session  # noqa: E402

SESSION = "f" * 32


def test_a_spoken_answer_ends_up_in_the_journal(
    tmp_path: Path, recordings: dict[str, Any]
) -> None:
    streams: list[FakeInputStream] = []

    def microphone(rate: int, callback: Any) -> FakeInputStream:
        streams.append(FakeInputStream(rate, callback))
        return streams[-1]

    source = read_wav(AUDIO / "pause.wav")
    pcm = np.round(source.samples * 32768).clip(-32768, 32767).astype(np.int16)
    with Journal.open(tmp_path / "data" / "journal.sqlite3") as journal:
        journal.save_session(finished_session(SESSION))
        spoken = SpokenAnswer(
            journal, SESSION, "a2", PocketSphinx(), time_limit=5, open_stream=microphone
        )
        spoken.start()
        assert spoken.recording
        for start in range(0, len(pcm), 800):  # 50 ms blocks, as PortAudio hands them over
            streams[0].push(pcm[start : start + 800].reshape(-1, 1))
        heard = spoken.stop()
        assert not spoken.recording
        expected = recordings["pause.wav"]
        assert word_error_rate(expected["text"], heard.transcript.text) <= 0.2
        assert len(heard.delivery.pauses) == 1
        assert heard.delivery.over_limit > 0
        stored = keep(journal, SESSION, "a2", heard)
        assert stored.path == tmp_path / "data" / "recordings" / SESSION / "a2.wav"
        again = read_wav(stored.path)
        assert np.array_equal(again.samples, pcm / np.float32(32768))
        assert journal.recording(SESSION, "a2") == stored
        assert stored.transcript_text == heard.transcript.text
        assert stored.delivery == heard.delivery.to_json()
        assert stored.duration == pytest.approx(expected["duration"], abs=0.01)
        assert journal.delete_session(SESSION)
        assert not stored.path.exists()


def test_a_cancelled_answer_leaves_no_file(tmp_path: Path) -> None:
    streams: list[FakeInputStream] = []

    def microphone(rate: int, callback: Any) -> FakeInputStream:
        streams.append(FakeInputStream(rate, callback))
        return streams[-1]

    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        journal.save_session(finished_session(SESSION))
        spoken = SpokenAnswer(journal, SESSION, "a2", PocketSphinx(), open_stream=microphone)
        spoken.start()
        streams[0].push(np.zeros((800, 1), dtype=np.int16))
        path = journal.recording_path(SESSION, "a2")
        assert path.exists()
        spoken.cancel()
        assert not path.exists() and not spoken.recording
        assert streams[0].closed


def test_no_microphone_is_said_and_nothing_is_left_running(tmp_path: Path) -> None:
    from simulator.voice.extra import VoiceUnavailable

    def no_microphone(rate: int, callback: Any) -> FakeInputStream:
        raise VoiceUnavailable("the microphone cannot be opened: no device")

    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        spoken = SpokenAnswer(journal, SESSION, "a2", PocketSphinx(), open_stream=no_microphone)
        with pytest.raises(VoiceUnavailable, match="no device"):
            spoken.start()
        assert not spoken.recording
        assert not journal.recording_path(SESSION, "a2").exists()
