"""The issue's acceptance, in the app: a spoken answer (a committed recording played into a
fake microphone, heard by the real pocketsphinx), transcribed and corrected, is in the
journal with its audio, its transcript, the edited text and its delivery insights, and
self-scoring shows that delivery."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("pocketsphinx", reason="the voice extra is not installed")
np = pytest.importorskip("numpy", reason="the voice extra is not installed")

from voice_fakes import Fakes, app_with, ready_to_speak, until  # noqa: E402
from voice_helpers import manifest  # noqa: E402

from simulator.engine.clock import FakeClock  # noqa: E402
from simulator.tui.app import MockInterviewApp  # noqa: E402
from simulator.tui.screens.self_score import SelfScoreScreen  # noqa: E402
from simulator.tui.widgets.answer_editor import AnswerEditor  # noqa: E402
from simulator.tui.widgets.labelled_rows import LabelledRows  # noqa: E402
from simulator.voice.accuracy import word_error_rate  # noqa: E402
from simulator.voice.sphinx import PocketSphinx  # noqa: E402
from simulator.voice.wavfile import read_wav  # noqa: E402

from tui_helpers import burst, drive  # noqa: E402

MakeApp = Callable[..., MockInterviewApp]


async def test_a_spoken_answer_reaches_the_journal_and_self_scoring(
    make_app: MakeApp, clock: FakeClock
) -> None:
    fakes = Fakes(recogniser=PocketSphinx())
    app = app_with(make_app, fakes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready_to_speak(app, pilot)
        assert app.practice is not None and app.journal is not None and app.writer is not None
        session = app.practice.session
        current = session.current_answer()
        assert current is not None
        answer_id = current["id"]
        await pilot.press("f2")
        await until(pilot, lambda: screen.voice_state == "recording")
        seconds = fakes.speak_file("pause.wav")
        spoken = screen._spoken
        assert spoken is not None
        await until(pilot, lambda: spoken.elapsed >= seconds - 0.01)
        await pilot.press("f2")
        await until(pilot, lambda: screen.voice_state == "idle", 60)
        editor = screen.query_one("#answer", AnswerEditor)
        heard = editor.text
        said = manifest()["pause.wav"]["text"]
        assert word_error_rate(said, heard) <= 0.2, heard
        await burst(pilot, *" Then we cut costs.")  # the correction, typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.writer.flush()

        recording = app.journal.recording(session.id, answer_id)
        assert recording is not None
        audio = read_wav(recording.path)  # the audio, as it was played in
        assert audio.duration == pytest.approx(seconds, abs=0.01)
        assert recording.transcript_text == heard  # the transcript, as heard
        stored = app.journal.load_session(session.id)
        assert stored is not None
        answer = next(item for item in stored["answers"] if item["id"] == answer_id)
        assert answer["text"] == f"{heard} Then we cut costs."  # the edited text
        delivery = recording.delivery  # its delivery insights
        assert len(delivery["pauses"]) == 1
        assert {m["name"]: m["certainty"] for m in delivery["measures"]}["pauses"] in (
            "high",
            "medium",
        )

        drive(app.practice, clock, "self-score")
        app.show_session()
        await until(pilot, lambda: isinstance(app.screen, SelfScoreScreen))
        scoring = app.screen
        assert isinstance(scoring, SelfScoreScreen)
        await until(pilot, lambda: answer_id in scoring.recordings)
        await pilot.pause()
        rows = scoring.query_one("#score-insights", LabelledRows)
        shown = " ".join(str(cell.render()) for cell in rows.children if cell.display)
        assert "Pauses" in shown and "1 (at 0:0" in shown
