"""Where a recording holds voice, and where the live recogniser cuts it into utterances."""

from __future__ import annotations

from typing import Any

import pytest

np = pytest.importorskip("numpy", reason="the voice extra is not installed")

from simulator.engine.insights.delivery import Span  # noqa: E402
from simulator.voice.activity import (  # noqa: E402
    FRAME,
    LevelCounts,
    Segmenter,
    activity,
    frame_levels,
    level_of,
    threshold,
)
from simulator.voice.live import LiveTranscriber  # noqa: E402
from simulator.voice.transcript import Transcript  # noqa: E402

RATE = 16000


def quiet(seconds: float, hiss: float = 0.0005) -> Any:
    """A quiet room: faint noise."""
    return np.random.default_rng(1).uniform(-hiss, hiss, int(seconds * RATE)).astype(np.float32)


def burst(seconds: float, loud: float = 0.3, hiss: float = 0.0005) -> Any:
    """A tone with syllable-like gaps of 0.1 s every 0.3 s (speech is never one tone), over
    the room's noise."""
    times = np.arange(int(seconds * RATE)) / RATE
    tone = loud * np.sin(2 * np.pi * 220 * times)
    tone[(times % 0.3) > 0.2] = 0
    return (tone + quiet(seconds, hiss)).astype(np.float32)


def test_levels_per_frame() -> None:
    levels = frame_levels(np.concatenate([np.zeros(FRAME), np.full(FRAME + 5, 0.5)]))
    assert len(levels) == 2
    assert levels[0] == -100.0
    assert levels[1] == pytest.approx(20 * np.log10(0.5), abs=0.01)
    assert frame_levels(np.zeros(FRAME - 1)) == []


def test_voice_is_found_between_silences_and_gaps_inside_words_are_bridged() -> None:
    samples = np.concatenate([quiet(1.0), burst(2.0), quiet(2.5), burst(1.0), quiet(0.5)])
    found = activity(frame_levels(samples))
    assert len(found.voiced) == 2
    first, second = found.voiced
    assert first.start == pytest.approx(1.0, abs=0.02) and first.end == pytest.approx(
        2.9, abs=0.11
    )
    assert second.start == pytest.approx(5.5, abs=0.02)
    assert found.snr_db > 40


def test_noise_close_to_the_voice_lowers_the_clarity() -> None:
    samples = np.concatenate(
        [quiet(1.0, hiss=0.05), burst(2.0, loud=0.1, hiss=0.05), quiet(1.0, hiss=0.05)]
    )
    assert activity(frame_levels(samples)).snr_db < 15


def test_silence_holds_no_voice() -> None:
    assert activity(frame_levels(quiet(2.0))).voiced == ()
    assert activity([]).voiced == ()


def test_the_meter() -> None:
    assert level_of(np.zeros(100)) == 0.0
    assert level_of(np.ones(100)) == 1.0
    assert 0.4 < level_of(np.full(100, 0.03)) < 0.6
    assert level_of(np.zeros(0)) == 0.0


def test_utterances_end_at_short_silences() -> None:
    samples = np.concatenate([quiet(0.5), burst(1.5), quiet(0.6), burst(1.0), quiet(1.0)])
    segmenter = Segmenter()
    cuts: list[tuple[int, int]] = []
    levels = frame_levels(samples)
    for start in range(0, len(levels), 10):  # 0.1 s at a time, as recorded
        cuts += segmenter.push(levels[start : start + 10])
    # The first burst's last syllable ends at 1.9 s: 0.4 s of quiet later, the cut is made
    # in the middle of that quiet.
    assert [(round(a / 100, 1), round(b / 100, 1)) for a, b in cuts] == [(0.0, 2.1), (2.1, 3.8)]
    assert segmenter.rest() is None  # only quiet is left
    assert segmenter.levels == levels


def test_a_long_utterance_is_cut_at_its_quietest_moment() -> None:
    samples = np.concatenate([burst(7.0), burst(0.05, loud=0.01), burst(5.0)])
    segmenter = Segmenter()
    cuts = segmenter.push(frame_levels(samples))
    assert len(cuts) == 1
    start, end = cuts[0]
    assert start == 0 and 500 <= end <= 800
    assert segmenter.levels[end - 1] < -50  # in a gap, not inside a sound
    rest = segmenter.rest()
    assert rest is not None and rest[0] == end


class Stream:
    def __init__(self, fail: bool = False) -> None:
        self.fed: list[int] = []
        self.fail = fail

    def feed(self, samples: Any, rate: int) -> None:
        if self.fail:
            raise ValueError("the recogniser broke")
        self.fed.append(len(samples))

    def finish(self) -> Transcript:
        return Transcript((), sum(self.fed) / RATE, "fake")


def test_the_live_transcriber_hears_every_block_in_order() -> None:
    stream = Stream()
    live = LiveTranscriber(stream)
    for size in (10, 20, 30):
        live.feed(np.zeros(size), RATE)
    assert live.finish(timeout=10) == Transcript((), 60 / RATE, "fake")
    assert stream.fed == [10, 20, 30]


def test_the_live_transcriber_hands_on_what_went_wrong() -> None:
    live = LiveTranscriber(Stream(fail=True))
    live.feed(np.zeros(10), RATE)
    with pytest.raises(ValueError, match="the recogniser broke"):
        live.finish(timeout=10)


def test_spans_read_back() -> None:
    assert Span(1.0, 3.5).length == 2.5


def test_counted_levels_give_the_threshold_sorting_gives() -> None:
    samples = np.concatenate([quiet(2.0), burst(3.0), quiet(1.0, hiss=0.002), burst(1.0)])
    levels = frame_levels(samples)
    counts = LevelCounts()
    assert counts.limit() == threshold([])[0]
    for start in range(0, len(levels), 7):
        counts.add(levels[start : start + 7])
    assert counts.limit() == pytest.approx(threshold(levels)[0], abs=0.5)


def test_a_cancelled_live_transcriber_never_finishes_the_stream() -> None:
    class Unfinished(Stream):
        def finish(self) -> Transcript:
            raise AssertionError("finish must not be called")

    stream = Unfinished()
    live = LiveTranscriber(stream)
    live.feed(np.zeros(10), RATE)
    live.cancel()
    live._thread.join(10)
    assert not live._thread.is_alive()
    assert stream.fed == [10]
