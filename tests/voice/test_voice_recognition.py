"""The whole path on the committed recordings: WAV, transcript, delivery. Needs the voice
extra (pocketsphinx), nothing else: no microphone, no espeak-ng."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pocketsphinx", reason="the voice extra is not installed")
np = pytest.importorskip("numpy", reason="the voice extra is not installed")
soundfile = pytest.importorskip("soundfile", reason="the voice extra is not installed")

from voice_helpers import AUDIO  # noqa: E402

from simulator.engine.insights.delivery import VOCAL_FILLERS  # noqa: E402
from simulator.voice.accuracy import edit_distance, word_error_rate, words_of  # noqa: E402
from simulator.voice.analysis import transcribe_file  # noqa: E402
from simulator.voice.audio import resample  # noqa: E402
from simulator.voice.live import LiveTranscriber  # noqa: E402
from simulator.voice.sphinx import PocketSphinx  # noqa: E402
from simulator.voice.wavfile import read_wav  # noqa: E402

MOST_WORD_ERRORS = 0.2
"""The target: at most one word in five wrong on the committed recordings."""


@pytest.fixture(scope="module")
def recogniser() -> PocketSphinx:
    found = PocketSphinx()
    found.warm()
    return found


def test_word_error_rate() -> None:
    assert word_error_rate("I led a team.", "i led a team") == 0
    assert word_error_rate("I led a team", "i met a team") == 0.25
    assert word_error_rate("Well, um, we did", "well we did uh") == 0
    assert edit_distance(["a", "b", "c"], ["a", "c", "d", "e"]) == 3
    assert words_of("Don't STOP, uh, now!") == ["don't", "stop", "now"]
    assert word_error_rate("", "") == 0 and word_error_rate("", "noise") == 1


def test_the_committed_recordings_are_heard_well_enough(
    recogniser: PocketSphinx, recordings: dict[str, Any]
) -> None:
    errors = words = 0
    for name, expected in recordings.items():
        heard = transcribe_file(AUDIO / name, recogniser).transcript.text
        reference = words_of(expected["text"])
        errors += edit_distance(reference, words_of(heard))
        words += len(reference)
    assert errors / words <= MOST_WORD_ERRORS, f"{errors} of {words} words wrong"


def test_the_pause_is_found_where_the_silence_is(
    recogniser: PocketSphinx, recordings: dict[str, Any]
) -> None:
    answer = transcribe_file(AUDIO / "pause.wav", recogniser, time_limit=5)
    silence = recordings["pause.wav"]["silences"][0]
    (pause,) = answer.delivery.pauses
    # The pause holds the inserted silence and little more: the words' own edges are quiet.
    assert pause.start <= silence["start"] + 0.05 and pause.end >= silence["end"] - 0.05
    assert pause.end - pause.start <= silence["end"] - silence["start"] + 0.6
    measured = answer.delivery
    duration = recordings["pause.wav"]["duration"]
    assert measured.duration == pytest.approx(duration, abs=0.01)
    assert measured.speaking_time == pytest.approx(duration - 0.6, abs=0.15)
    assert measured.over_limit == pytest.approx(measured.speaking_time - 5)
    assert measured.longest_without_pause == pytest.approx(silence["start"] - 0.3, abs=0.15)
    assert 100 <= measured.words_per_minute <= 200
    certainty = {measure.name: measure.certainty for measure in measured.measures}
    assert certainty["pauses"] == "high"  # digital silence: speech stands far above it


def test_a_filler_is_heard(recogniser: PocketSphinx) -> None:
    answer = transcribe_file(AUDIO / "filler.wav", recogniser)
    assert answer.delivery.fillers.get("um", 0) >= 1
    assert answer.delivery.pauses == ()
    data = answer.to_json()
    assert set(data) >= {"text", "duration", "speaking_time", "words_per_minute", "pauses"}
    assert set(data) >= {"fillers", "words"}
    assert all(set(word) - {"guessed"} == {"word", "start", "end"} for word in data["words"])
    times = [(word["start"], word["end"]) for word in data["words"]]
    assert all(start < end for start, end in times)
    assert times == sorted(times)


def test_fillers_are_counted_as_spoken_on_the_committed_recordings(
    recogniser: PocketSphinx, recordings: dict[str, Any]
) -> None:
    # clean.wav's trailing "too" was once taken for an um; uh.wav's uh is no word to the
    # recogniser, so it is found only as a sound set off by silence.
    for name, expected in recordings.items():
        measured = transcribe_file(AUDIO / name, recogniser).delivery
        vocal = sum(count for word, count in measured.fillers.items() if word in VOCAL_FILLERS)
        assert vocal == expected["fillers"], f"{name}: {measured.fillers}"
    uh = transcribe_file(AUDIO / "uh.wav", recogniser)
    assert uh.delivery.guessed_fillers == 1
    assert [word.guessed for word in uh.transcript.words].count(True) == 1
    why = {measure["name"]: measure["why"] for measure in uh.to_json()["measures"]}
    assert "a guess" in why["fillers_per_minute"]


def test_stereo_at_44_1_khz_is_heard_like_the_original(
    recogniser: PocketSphinx, recordings: dict[str, Any], tmp_path: Path
) -> None:
    original = read_wav(AUDIO / "pause.wav")
    louder = resample(original.samples, 16000, 44100)
    stereo = np.stack([louder, louder * 0.5], axis=1)
    path = tmp_path / "stereo.wav"
    soundfile.write(str(path), stereo, 44100, subtype="PCM_16")
    answer = transcribe_file(path, recogniser)
    assert word_error_rate(recordings["pause.wav"]["text"], answer.transcript.text) <= 0.25
    assert len(answer.delivery.pauses) == 1
    assert answer.delivery.duration == pytest.approx(original.duration, abs=0.01)


def test_live_transcription_gives_the_same_transcript() -> None:
    # Each from a new recogniser: a decoder's word edges move by a frame or so with what
    # it has heard before.
    audio = read_wav(AUDIO / "pause.wav")
    whole = PocketSphinx().transcribe(audio.samples, audio.rate)
    live = LiveTranscriber(PocketSphinx().start())
    block = 1600  # what the recorder hands over: 0.1 s at a time
    for start in range(0, len(audio.samples), block):
        live.feed(audio.samples[start : start + block], audio.rate)
    assert live.finish(timeout=60) == whole
