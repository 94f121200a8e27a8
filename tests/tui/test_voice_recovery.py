"""kill -9 while an answer is recorded: what was said up to the last flush (half a second
before) is in the file, and resuming the session attaches it to its answer, transcribes it
and puts the transcript into the answer's draft."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="the voice extra is not installed")

from voice_fakes import AUDIO, Fakes, until

from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.widgets.answer_editor import AnswerEditor
from simulator.voice.wavfile import read_wav

from tui_helpers import burst, settle, to_first_question

MakeApp = Callable[..., MockInterviewApp]
REPO = Path(__file__).resolve().parents[2]
SPOKEN = 3.0
"""Seconds pushed into the microphone before the recorder's process is killed."""

RECORD_THEN_DIE = f"""
import os, signal, sys, time
import numpy as np
from pathlib import Path
from simulator.voice.recorder import Recorder
from simulator.voice.wavfile import read_wav

streams = []
class Microphone:
    def __init__(self, rate, callback):
        self.samplerate, self.callback = float(rate), callback
    def start(self): pass
    def stop(self): pass
    def close(self): pass

def open_stream(rate, callback):
    streams.append(Microphone(rate, callback))
    return streams[-1]

audio = read_wav(Path({str(AUDIO / "pause.wav")!r}))
pcm = np.round(audio.samples * 32768).clip(-32768, 32767).astype(np.int16)
recorder = Recorder(Path(sys.argv[1]), open_stream=open_stream)
recorder.start()
block = 800  # 50 ms, pushed in real time as PortAudio would
for start in range(0, round({SPOKEN} * 16000), block):
    streams[0].callback(pcm[start : start + block].reshape(-1, 1), block, None, None)
    time.sleep(0.05)
time.sleep(0.6)  # at least one flush after the last block
os.kill(os.getpid(), signal.SIGKILL)
"""


def record_and_get_killed(path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RECORD_THEN_DIE, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


async def test_a_recording_cut_by_kill_9_comes_back_on_resume(make_app: MakeApp) -> None:
    pytest.importorskip("pocketsphinx", reason="the voice extra is not installed")
    from simulator.voice.sphinx import PocketSphinx

    fakes = Fakes(recogniser=PocketSphinx())
    context = Context.create()
    context.voice = fakes.kit()
    app = make_app(context)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        await burst(pilot, *"Typed before the crash.")
        assert app.practice is not None and app.journal is not None
        session_id = app.practice.session.id
        current = app.practice.session.current_answer()
        assert current is not None
        answer_id = current["id"]
        app.screen.collect_typed_text()  # type: ignore[attr-defined]
        app.practice.saved()
        app.end_session()  # as after a crash: the session is in the journal, unfinished
        await settle(app, pilot)
        path = app.journal.recording_path(session_id, answer_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        record_and_get_killed(path)
        assert read_wav(path).duration >= SPOKEN - 1.0  # the header is behind; the data not

        app.resume_practice(session_id)
        await until(pilot, lambda: getattr(app.screen, "voice_state", "") == "idle", 60)
        await until(
            pilot,
            lambda: app.journal is not None and bool(app.journal.recording(session_id, answer_id)),
        )
        recording = app.journal.recording(session_id, answer_id)
        assert recording is not None
        assert recording.duration >= SPOKEN - 1.0
        heard = recording.transcript_text
        assert "team" in heard and "engineers" in heard, heard
        editor = app.screen.query_one("#answer", AnswerEditor)
        assert editor.text == f"Typed before the crash.\n\n{heard}"
        writer, journal = app.writer, app.journal
        assert writer is not None

        def drafted() -> bool:
            # The box asks for its draft by a message, handled on the app's next turn.
            writer.flush()
            return journal.drafts(session_id).get(f"answer:{answer_id}") == editor.text

        await until(pilot, drafted)
        assert app.journal.unclaimed_recordings() == []
