"""Speaking an answer in the app: f2 records, f2 stops, the transcript fills the answer box,
typing corrects it, and the journal keeps the recording with its transcript and delivery.

The microphone, the speakers, the recogniser and the speech program are fakes
(voice_fakes.py); the recorder writing the WAV file is the real one.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

pytest.importorskip("numpy", reason="the voice extra is not installed")

from voice_fakes import Fakes, app_with, bar_text, notices, ready_to_speak, record, until

from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.widgets.answer_editor import AnswerEditor
from simulator.voice.extra import INSTALL_HINT

from tui_helpers import burst

MakeApp = Callable[..., MockInterviewApp]


async def test_record_stop_correct_and_submit_keeps_it_all(make_app: MakeApp) -> None:
    fakes = Fakes()
    app = app_with(make_app, fakes)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready_to_speak(app, pilot)
        assert app.practice is not None and app.journal is not None and app.writer is not None
        session = app.practice.session
        current = session.current_answer()
        assert current is not None
        answer_id = current["id"]
        await record(app, pilot, fakes, 1.0)
        editor = screen.query_one("#answer", AnswerEditor)
        assert editor.text == "we cut the build time in half"
        assert "Transcribed from your recording" in bar_text(app)
        assert editor.has_focus
        await burst(pilot, *" by caching")  # typing stays available: the correction
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.writer.flush()
        recording = app.journal.recording(session.id, answer_id)
        assert recording is not None and recording.path.is_file()
        assert recording.transcript_text == "we cut the build time in half"
        assert recording.duration == pytest.approx(1.0)
        names = [measure["name"] for measure in recording.delivery["measures"]]
        assert names == [
            "speaking_time",
            "words_per_minute",
            "pauses",
            "fillers_per_minute",
            "longest_without_pause",
        ]
        stored = app.journal.load_session(session.id)
        assert stored is not None
        answer = next(item for item in stored["answers"] if item["id"] == answer_id)
        assert answer["text"] == "we cut the build time in half by caching"


async def test_a_transcript_goes_after_what_is_typed(make_app: MakeApp) -> None:
    fakes = Fakes()
    app = app_with(make_app, fakes)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready_to_speak(app, pilot)
        await burst(pilot, *"First I measured.")
        await record(app, pilot, fakes, 0.5)
        editor = screen.query_one("#answer", AnswerEditor)
        assert editor.text == "First I measured.\n\nwe cut the build time in half"
        assert app.practice is not None and app.writer is not None and app.journal is not None
        app.writer.flush()  # the draft is saved at once, not on the next keystroke
        current = app.practice.session.current_answer()
        assert current is not None
        drafts = app.journal.drafts(app.practice.session.id)
        assert drafts[f"answer:{current['id']}"] == editor.text


async def test_recording_again_asks_first_and_adds_the_new_transcript(make_app: MakeApp) -> None:
    fakes = Fakes()
    app = app_with(make_app, fakes)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready_to_speak(app, pilot)
        await record(app, pilot, fakes, 0.5)
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")  # keep the recording
        await until(pilot, lambda: app.screen is screen)
        assert screen.voice_state == "idle" and len(fakes.microphones) == 1
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        fakes.words = ["second", "try"]
        await pilot.click("#choice-record")
        await until(pilot, lambda: screen.voice_state == "recording")
        fakes.speak(0.5)
        await pilot.press("f2")
        await until(pilot, lambda: screen.voice_state == "idle")
        editor = screen.query_one("#answer", AnswerEditor)
        assert editor.text == "we cut the build time in half\n\nsecond try"
        assert app.practice is not None and app.writer is not None and app.journal is not None
        app.writer.flush()
        current = app.practice.session.current_answer()
        assert current is not None
        recording = app.journal.recording(app.practice.session.id, current["id"])
        assert recording is not None and recording.transcript_text == "second try"


async def test_the_answer_waits_while_recording(make_app: MakeApp) -> None:
    fakes = Fakes()
    app = app_with(make_app, fakes)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready_to_speak(app, pilot)
        assert app.practice is not None
        before = app.practice.session.current_answer()
        await pilot.press("f2")
        await until(pilot, lambda: screen.voice_state == "recording")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+n")
        assert app.practice.session.current_answer() == before
        assert any("f2 stops it first" in text for text in notices(app))
        await pilot.press("f2")
        await until(pilot, lambda: screen.voice_state == "idle")


async def test_without_the_extra_the_key_gives_the_install_hint(make_app: MakeApp) -> None:
    fakes = Fakes(missing=["pocketsphinx"])
    app = app_with(make_app, fakes)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready_to_speak(app, pilot)
        footer_keys = [key for key, _ in screen.query_one("KeyFooter").shown_keys()]  # type: ignore[attr-defined]
        assert "f2" in footer_keys
        await pilot.press("f2")
        await pilot.pause()
        assert INSTALL_HINT in notices(app)
        assert not fakes.microphones and screen.voice_state == "idle"
        await burst(pilot, *"typed instead")
        assert screen.query_one("#answer", AnswerEditor).text == "typed instead"


async def test_without_a_microphone_the_key_says_so_in_one_line(make_app: MakeApp) -> None:
    fakes = Fakes(no_microphone="the microphone cannot be opened: no device")
    app = app_with(make_app, fakes)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready_to_speak(app, pilot)
        await pilot.press("f2")
        await until(pilot, lambda: screen.voice_state == "idle" and bool(notices(app)))
        assert (
            "Speaking answers needs microphone: the microphone cannot be opened: no device"
            in notices(app)
        )
        assert not bar_text(app)
        assert app.practice is not None and app.journal is not None
        current = app.practice.session.current_answer()
        assert current is not None
        path = app.journal.recording_path(app.practice.session.id, current["id"])
        assert not path.exists()


def test_recording_snapshot(snap_compare: Callable[..., bool], make_app: MakeApp) -> None:
    fakes = Fakes()

    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        screen = await ready_to_speak(app, pilot)
        await burst(pilot, *"I would start by reproducing it.")
        await pilot.press("f2")
        await until(pilot, lambda: screen.voice_state == "recording")
        fakes.speak(2.0)
        spoken = screen._spoken
        assert spoken is not None
        await until(pilot, lambda: spoken.elapsed >= 2.0)
        await until(pilot, lambda: "0:02" in bar_text(app))

    assert snap_compare(app_with(make_app, fakes), terminal_size=(80, 24), run_before=ready)
