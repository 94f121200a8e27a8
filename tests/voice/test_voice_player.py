"""The player with a fake output stream: it plays the whole recording, then silence, and
closes the stream; stop ends it at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy", reason="the voice extra is not installed")

from voice_helpers import FakeOutputStream  # noqa: E402

from simulator.voice.audio import Audio  # noqa: E402
from simulator.voice.player import Player  # noqa: E402


class Speakers:
    def __init__(self) -> None:
        self.streams: list[FakeOutputStream] = []

    def __call__(self, rate: int, callback: Any) -> FakeOutputStream:
        self.streams.append(FakeOutputStream(rate, callback))
        return self.streams[-1]


def test_a_recording_is_played_whole_then_the_stream_closes(tmp_path: Path) -> None:
    speakers = Speakers()
    player = Player(open_stream=speakers)
    samples = (np.arange(1000) / 1000).astype(np.float32)
    player.play(Audio(samples, 8000))
    assert player.wait(5)
    assert not player.playing
    stream = speakers.streams[0]
    assert stream.samplerate == 8000
    assert stream.stopped and stream.closed
    played = np.concatenate(stream.played)
    assert np.array_equal(played[:1000], samples)
    assert not np.any(played[1000:])  # silence after the end, never stale samples
    assert player.position == pytest.approx(1000 / 8000)


def test_stop_ends_playing_at_once() -> None:
    speakers = Speakers()
    player = Player(open_stream=speakers)
    player.play(Audio(np.ones(10_000_000, dtype=np.float32) * 0.1, 16000))
    assert player.playing
    player.stop()
    assert not player.playing
    assert speakers.streams[0].closed
    assert player.position < 10_000_000 / 16000


def test_playing_again_stops_the_first() -> None:
    speakers = Speakers()
    player = Player(open_stream=speakers)
    player.play(Audio(np.ones(10_000_000, dtype=np.float32), 16000))
    player.play(Audio(np.zeros(100, dtype=np.float32), 16000))
    assert speakers.streams[0].closed
    assert player.wait(5)
    assert speakers.streams[1].closed


def test_a_device_that_cannot_open_leaves_nothing_playing() -> None:
    def broken(rate: int, callback: Any) -> FakeOutputStream:
        raise OSError("no output device")

    player = Player(open_stream=broken)
    with pytest.raises(OSError, match="no output device"):
        player.play(Audio(np.zeros(10, dtype=np.float32), 16000))
    assert not player.playing
    assert player.wait(0)
