"""The recorder with a fake microphone: the file, the level, the time, the listener, and
what survives ``kill -9``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy", reason="the voice extra is not installed")

from voice_helpers import FakeInputStream  # noqa: E402

from simulator.voice.recorder import Recorder  # noqa: E402
from simulator.voice.wavfile import read_wav, repair_wav  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class Microphone:
    """Opens fake streams and remembers the last one."""

    def __init__(self, device_rate: int | None = None) -> None:
        self.device_rate = device_rate
        self.stream: FakeInputStream | None = None

    def __call__(self, rate: int, callback: Any) -> FakeInputStream:
        self.stream = FakeInputStream(self.device_rate or rate, callback)
        return self.stream


class Heard:
    def __init__(self) -> None:
        self.blocks: list[tuple[Any, int]] = []

    def feed(self, samples: Any, rate: int) -> None:
        self.blocks.append((samples, rate))


def block(start: int, count: int, loud: float = 0.5) -> Any:
    values = loud * np.sin(np.arange(start, start + count) / 10)
    return (values * 32767).astype(np.int16).reshape(-1, 1)


def test_a_recording_is_written_level_and_time_kept(tmp_path: Path) -> None:
    microphone, heard = Microphone(), Heard()
    recorder = Recorder(tmp_path / "s1" / "a1.wav", listener=heard, open_stream=microphone)
    recorder.start()
    stream = microphone.stream
    assert stream is not None and stream.started and recorder.recording
    for number in range(20):
        stream.push(block(number * 800, 800))
    wait_until(lambda: recorder.elapsed >= 1.0)
    assert recorder.level > 0.8  # a half-scale tone is about -9 dB
    stream.push(block(0, 800, loud=0.0))
    wait_until(lambda: recorder.level == 0.0)
    done = recorder.stop()
    assert stream.stopped and stream.closed and not recorder.recording
    assert done.path == tmp_path / "s1" / "a1.wav"
    assert done.duration == pytest.approx(16800 / 16000)
    assert done.rate == 16000
    audio = read_wav(done.path)
    assert len(audio.samples) == 16800
    expected = np.concatenate([block(n * 800, 800)[:, 0] for n in range(20)]) / 32768
    assert np.max(np.abs(audio.samples[:16000] - expected)) < 1e-4
    assert [rate for _, rate in heard.blocks] == [16000] * 21
    assert sum(len(samples) for samples, _ in heard.blocks) == 16800


def test_a_device_that_keeps_its_own_rate(tmp_path: Path) -> None:
    microphone = Microphone(device_rate=44100)
    recorder = Recorder(tmp_path / "a.wav", open_stream=microphone)
    recorder.start()
    assert recorder.rate == 44100
    assert microphone.stream is not None
    microphone.stream.push(block(0, 4410))
    done = recorder.stop()
    assert done.rate == 44100 and done.duration == pytest.approx(0.1)
    assert read_wav(done.path).rate == 44100


def test_start_and_stop_only_once(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path / "a.wav", open_stream=Microphone())
    with pytest.raises(RuntimeError, match="not recording"):
        recorder.stop()
    recorder.start()
    with pytest.raises(RuntimeError, match="already recording"):
        recorder.start()
    recorder.stop()
    with pytest.raises(RuntimeError, match="not recording"):
        recorder.stop()


def test_a_file_that_cannot_be_written_releases_the_microphone(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    microphone = Microphone()
    recorder = Recorder(blocked / "a.wav", open_stream=microphone)
    with pytest.raises(OSError):
        recorder.start()
    assert microphone.stream is not None and microphone.stream.closed
    assert not recorder.recording


def test_an_error_while_writing_is_raised_by_stop(tmp_path: Path) -> None:
    class Broken:
        def feed(self, samples: Any, rate: int) -> None:
            raise ValueError("the listener broke")

    microphone = Microphone()
    recorder = Recorder(tmp_path / "a.wav", listener=Broken(), open_stream=microphone)
    recorder.start()
    assert microphone.stream is not None
    microphone.stream.push(block(0, 800))
    with pytest.raises(ValueError, match="the listener broke"):
        recorder.stop()
    assert microphone.stream.closed


RECORDING_PROGRAM = """
import sys, time
import numpy as np
sys.path.insert(0, {repo!r})
from simulator.voice.recorder import Recorder

class Stream:
    def __init__(self, rate, callback):
        self.samplerate, self.callback = float(rate), callback
    def start(self): pass
    def stop(self): pass
    def close(self): pass

streams = []
def open_stream(rate, callback):
    streams.append(Stream(rate, callback))
    return streams[0]

recorder = Recorder({path!r}, open_stream=open_stream)
recorder.start()
pushed = 0
while True:  # 50 ms blocks in real time, each sample its own number (mod 30000)
    block = (np.arange(pushed, pushed + 800) % 30000).astype(np.int16).reshape(-1, 1)
    streams[0].callback(block, 800, None, None)
    pushed += 800
    print(pushed, flush=True)
    time.sleep(0.05)
"""


def test_kill_9_keeps_what_was_recorded_up_to_a_second_before(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    program = RECORDING_PROGRAM.format(repo=str(REPO), path=str(path))
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(program)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        pushed = 0
        while pushed < 16000 * 2.5:  # two and a half seconds into the answer
            line = child.stdout.readline()
            assert line, "the recording program ended early"
            pushed = int(line)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    audio = read_wav(path)
    kept = len(audio.samples)
    assert kept >= pushed - 16000, f"{kept} of {pushed} samples kept"
    expected = (np.arange(kept) % 30000).astype(np.int16) / 32768
    assert np.array_equal(audio.samples, expected.astype(np.float32))
    repair_wav(path)
    assert len(read_wav(path).samples) == kept
