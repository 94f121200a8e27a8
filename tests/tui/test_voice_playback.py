"""A spoken answer after the interview: its delivery beside the other insights in
self-scoring, and p to play it back there and in a past session (fake speakers)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Static

np = pytest.importorskip("numpy", reason="the voice extra is not installed")

from voice_fakes import Fakes, app_with, notices, ready_to_speak, record, until, wait_until  # noqa: E402

from simulator.engine.clock import FakeClock  # noqa: E402
from simulator.tui.app import MockInterviewApp  # noqa: E402
from simulator.tui.screens.self_score import SelfScoreScreen  # noqa: E402
from simulator.tui.screens.session_view import SessionViewScreen  # noqa: E402
from simulator.tui.widgets.labelled_rows import LabelledRows  # noqa: E402
from simulator.voice.wavfile import read_wav  # noqa: E402

from tui_helpers import drive  # noqa: E402

MakeApp = Callable[..., MockInterviewApp]


def insight_text(app: MockInterviewApp) -> str:
    found = app.screen.query("#score-insights")
    if not found:
        return ""  # not composed yet
    rows = found.only_one(LabelledRows)
    return "\n".join(str(cell.render()) for cell in rows.query(Static) if cell.display)


async def spoken_then_scoring(
    app: MockInterviewApp, pilot: object, fakes: Fakes, clock: FakeClock, seconds: float
) -> str:
    """Speak the first answer, submit it, answer the rest, and open self-scoring."""
    await ready_to_speak(app, pilot)  # type: ignore[arg-type]
    assert app.practice is not None
    current = app.practice.session.current_answer()
    assert current is not None
    await record(app, pilot, fakes, seconds)  # type: ignore[arg-type]
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    drive(app.practice, clock, "self-score")
    app.show_session()
    await until(pilot, lambda: isinstance(app.screen, SelfScoreScreen))  # type: ignore[arg-type]
    return str(current["id"])


async def test_self_scoring_shows_the_delivery_and_plays_it(
    make_app: MakeApp, clock: FakeClock
) -> None:
    fakes = Fakes(words=["um", "we", "cut", "the", "build", "time", "you", "know", "in", "half"])
    app = app_with(make_app, fakes)
    async with app.run_test(size=(120, 40)) as pilot:
        answer_id = await spoken_then_scoring(app, pilot, fakes, clock, 1.5)
        screen = app.screen
        assert isinstance(screen, SelfScoreScreen)
        item = screen.current_item()
        assert item is not None and item.answer["id"] == answer_id
        await until(pilot, lambda: "Recording" in insight_text(app))
        shown = insight_text(app)
        for label in ("Speaking", "Pace", "Pauses", "Fillers said", "Longest run"):
            assert label in shown
        assert "certainty" in shown and "as far as the recogniser hears them" in shown
        assert "um, you know" in shown
        await pilot.press("p")
        await until(pilot, lambda: bool(fakes.speakers))
        assert any("Playing your recording (0:02)" in text for text in notices(app))
        player = app.context.voice.player()
        assert wait_until(lambda: not player.playing)
        played = np.concatenate(list(fakes.speakers[0].played))
        assert app.journal is not None and app.practice is not None
        recorded = read_wav(app.journal.recording_path(app.practice.session.id, answer_id))
        assert np.allclose(played[: len(recorded.samples)], recorded.samples)


async def test_p_stops_what_is_playing(make_app: MakeApp, clock: FakeClock) -> None:
    fakes = Fakes(paced=True)
    app = app_with(make_app, fakes)
    async with app.run_test(size=(120, 40)) as pilot:
        await spoken_then_scoring(app, pilot, fakes, clock, 3.0)
        await until(pilot, lambda: "Recording" in insight_text(app))
        await pilot.press("p")
        player = app.context.voice.player()
        await until(pilot, lambda: player.playing)
        await pilot.press("p")
        await until(pilot, lambda: not player.playing)
        assert "Stopped playing." in notices(app)
        assert fakes.speakers[0].closed


async def test_an_answer_typed_shows_no_play_key(make_app: MakeApp, clock: FakeClock) -> None:
    fakes = Fakes()
    app = app_with(make_app, fakes)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready_to_speak(app, pilot)
        assert app.practice is not None
        drive(app.practice, clock, "self-score")
        app.show_session()
        await until(pilot, lambda: isinstance(app.screen, SelfScoreScreen))
        await pilot.pause(0.2)
        assert app.screen.check_action("play", ()) is False
        assert "Recording" not in insight_text(app)
        await pilot.press("p")
        assert not fakes.speakers


async def test_a_past_session_plays_its_spoken_answer(make_app: MakeApp, clock: FakeClock) -> None:
    fakes = Fakes()
    app = app_with(make_app, fakes)
    async with app.run_test(size=(120, 40)) as pilot:
        answer_id = await spoken_then_scoring(app, pilot, fakes, clock, 1.0)
        assert app.journal is not None and app.practice is not None and app.writer is not None
        app.writer.flush()
        snapshot = app.journal.load_session(app.practice.session.id)
        assert snapshot is not None
        app.push_screen(SessionViewScreen(snapshot, app.library))
        await until(pilot, lambda: isinstance(app.screen, SessionViewScreen))
        screen = app.screen
        assert isinstance(screen, SessionViewScreen)
        await until(pilot, lambda: bool(screen.query(".recorded")))
        note = str(screen.query_one(".recorded", Static).render())
        assert "Spoken answer" in note and "p plays" in note
        recording = screen.recording_to_play()
        assert recording is not None and recording.answer_id == answer_id
        await pilot.press("p")
        await until(pilot, lambda: bool(fakes.speakers))
        assert any("Playing your recording" in text for text in notices(app))
