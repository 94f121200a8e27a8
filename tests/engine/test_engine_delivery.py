"""Delivery measures of a spoken answer: pure functions on timed words and loud stretches."""

from __future__ import annotations

import pytest

from simulator.engine.insights.delivery import (
    Activity,
    Span,
    TimedWord,
    count_fillers,
    delivery,
    delivery_from_json,
    find_pauses,
    longest_stretch,
    sound,
)


def spoken(text: str, start: float = 0.0, pace: float = 0.4) -> list[TimedWord]:
    """Words one after another, each ``pace`` seconds long."""
    return [
        TimedWord(word, round(start + i * pace, 2), round(start + (i + 1) * pace, 2))
        for i, word in enumerate(text.split())
    ]


def test_a_gap_of_two_seconds_between_words_is_a_pause() -> None:
    words = spoken("i led a team", 1.0) + spoken("we shipped it", 4.0 + 2.5)
    measured = delivery(words, duration=10.0, time_limit=60)
    assert measured.pauses == (Span(2.6, 6.5),)
    assert measured.speaking_time == pytest.approx(6.5 + 1.2 - 1.0)
    assert measured.longest_without_pause == pytest.approx(1.6)
    assert measured.word_count == 7
    assert measured.words_per_minute == pytest.approx(7 / (6.7 / 60), abs=0.1)


def test_shorter_gaps_and_the_quiet_before_and_after_are_no_pauses() -> None:
    words = spoken("one two", 3.0) + spoken("three four", 3.8 + 1.9)
    measured = delivery(words, duration=20.0)
    assert measured.pauses == ()
    assert measured.longest_without_pause == measured.speaking_time


def test_sound_heard_where_no_word_was_fills_the_gap() -> None:
    # The recogniser heard nothing in 2-5 s, but the sound there was loud: no pause.
    words = spoken("first", 1.0) + spoken("second", 5.0)
    quiet = Activity((Span(1.0, 1.4), Span(5.0, 5.4)), snr_db=40)
    loud = Activity((Span(1.0, 5.4),), snr_db=40)
    assert len(delivery(words, 6.0, activity=quiet).pauses) == 1
    assert delivery(words, 6.0, activity=loud).pauses == ()


def test_pauses_are_found_between_merged_stretches() -> None:
    spans = sound([TimedWord("a", 0, 1), TimedWord("b", 0.5, 1.5)], Activity((Span(4, 5),), 30))
    assert spans == [Span(0, 1.5), Span(4, 5)]
    assert find_pauses(spans) == [Span(1.5, 4)]
    assert find_pauses(spans, minimum=3) == []
    assert longest_stretch(spans, find_pauses(spans)) == 1.5
    assert longest_stretch([], []) == 0.0


def test_time_against_the_limit() -> None:
    words = spoken("a " * 100)  # 40 s of speech
    assert delivery(words, 41, time_limit=30).over_limit == pytest.approx(10)
    assert delivery(words, 41, time_limit=60).over_limit == 0
    assert delivery(words, 41, time_limit=0).over_limit == 0


def test_fillers_are_counted_as_heard_and_left_out_of_the_pace() -> None:
    words = spoken("um so i basically um built it uh you know")
    assert count_fillers(words) == {"basically": 1, "um": 2, "uh": 1, "you know": 1}
    measured = delivery(words, 5)
    assert measured.word_count == 7
    assert measured.fillers_per_minute == pytest.approx(5 / (4.0 / 60), abs=0.1)


def test_each_measure_says_what_it_measured_and_how_sure_it_is() -> None:
    words = spoken("a " * 30)
    clear = delivery(words, 13, 60, Activity((Span(0, 12),), snr_db=35))
    noisy = delivery(words, 13, 60, Activity((Span(0, 12),), snr_db=12))
    loud_room = delivery(words, 13, 60, Activity((Span(0, 12),), snr_db=4))
    guessed = delivery(words, 13, 60)
    by_name = {measure.name: measure for measure in clear.measures}
    assert list(by_name) == [
        "speaking_time",
        "words_per_minute",
        "pauses",
        "fillers_per_minute",
        "longest_without_pause",
    ]
    assert all(measure.measured and measure.why for measure in clear.measures)
    assert by_name["pauses"].certainty == "high"
    assert by_name["fillers_per_minute"].certainty == "low"
    assert "as far as the recogniser hears them" in by_name["fillers_per_minute"].measured
    assert by_name["words_per_minute"].certainty == "medium"
    assert {m.name: m.certainty for m in noisy.measures}["pauses"] == "medium"
    assert {m.name: m.certainty for m in loud_room.measures}["pauses"] == "low"
    assert {m.name: m.certainty for m in guessed.measures}["pauses"] == "medium"
    few = delivery(spoken("a few words"), 2)
    assert {m.name: m.certainty for m in few.measures}["words_per_minute"] == "low"


def test_nothing_heard_measures_nothing() -> None:
    measured = delivery([], duration=5.0, time_limit=30)
    assert measured.speaking_time == 0
    assert measured.words_per_minute == 0
    assert measured.pauses == ()
    assert measured.fillers == {}
    assert measured.longest_without_pause == 0


def test_json_round_trip() -> None:
    words = spoken("i led a team", 1.0) + spoken("um we shipped it", 6.0)
    measured = delivery(words, 9.0, 60, Activity((Span(1, 2.6), Span(6, 7.6)), 50))
    data = measured.to_json()
    assert data["pauses"] == [{"start": 2.6, "end": 6.0}]
    assert data["fillers"] == {"um": 1}
    assert delivery_from_json(data) == measured
