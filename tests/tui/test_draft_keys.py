"""Drafts leaving the app: f8 copies a box (OSC 52), f3 edits it in $EDITOR with the app
suspended, f4 writes a thank-you note as an email after asking."""

from __future__ import annotations

import base64
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot
from textual.widgets import Input

from simulator.common import locations
from simulator.services import mail_draft
from simulator.tui.app import MockInterviewApp
from simulator.tui.draft_screen import NO_EDITOR, NO_SUSPEND
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.follow_up import FollowUpScreen
from simulator.tui.screens.real_interview import RealInterviewsScreen
from simulator.tui.screens.real_interview_form import RealInterviewForm
from simulator.tui.screens.reflection import ReflectionScreen
from simulator.tui.widgets.draft_area import DraftArea
from simulator.tui.widgets.thank_you_notes import ThankYouNotes

from tui_helpers import burst, open_session, settle

MakeApp = Callable[..., MockInterviewApp]

FAKE_EDITOR = """\
import sys
from pathlib import Path

path = Path(sys.argv[-1])
text = path.read_text(encoding="utf-8")
path.write_text(text.replace("Hi", "Dear") + "\\nBest wishes, Sam\\n", encoding="utf-8")
"""


def notices(app: MockInterviewApp) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


async def typed(pilot: Pilot[int], text: str) -> None:
    keys = {" ": "space", "\n": "enter", ":": "colon"}
    await burst(pilot, *[keys.get(char, char) for char in text])


@pytest.fixture
def fake_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR is a small Python script that rewrites the file it is given."""
    script = tmp_path / "editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    return script


@pytest.fixture
def suspendable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The test driver can be suspended, as a terminal's can; records when it is."""
    calls: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "can_suspend", property(lambda self: True))
    monkeypatch.setattr(
        HeadlessDriver, "suspend_application_mode", lambda self: calls.append("suspend")
    )
    monkeypatch.setattr(
        HeadlessDriver, "resume_application_mode", lambda self: calls.append("resume")
    )
    return calls


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Links handed to the desktop, which opens nothing in tests."""
    links: list[str] = []

    def open_link(url: str) -> bool:
        links.append(url)
        return True

    monkeypatch.setattr(mail_draft, "open_link", open_link)
    return links


async def test_f8_copies_the_note_with_osc_52(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        assert isinstance(app.screen, FollowUpScreen)
        written: list[str] = []
        assert app._driver is not None
        app._driver.write = written.append  # type: ignore[method-assign]
        await typed(pilot, "Hi Priya")
        await pilot.press("f8")
        await pilot.pause()
        assert app.clipboard == "Hi Priya"
        encoded = base64.b64encode(b"Hi Priya").decode()
        assert f"\x1b]52;c;{encoded}\a" in written
        assert any("Copied to the clipboard" in message for message in notices(app))


async def test_f8_on_an_empty_box_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        await pilot.press("f8")
        await pilot.pause()
        assert app.clipboard == ""
        assert any("the box is empty" in message for message in notices(app))


async def test_f3_round_trip_through_the_editor(
    make_app: MakeApp, fake_editor: Path, suspendable: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        await typed(pilot, "Hi Priya")
        await pilot.press("f3")
        await pilot.pause()
        assert suspendable == ["suspend", "resume"]
        area = app.screen.query_one("#note-0", DraftArea)
        assert area.text == "Dear Priya\nBest wishes, Sam"
        # Put in as if typed: the session has it, the autosave saves it, undo takes it back.
        assert practice.session.thank_you_drafts["Priya"] == area.text
        await pilot.pause(1.2)
        assert app.writer is not None and app.journal is not None
        app.writer.flush()
        drafts = app.journal.drafts(practice.session.id)
        assert "Dear Priya\nBest wishes, Sam" in drafts.values()
        assert list((locations.cache_dir() / "editing").iterdir()) == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == "Hi Priya"


async def test_f3_edits_a_reflection_box_too(
    make_app: MakeApp, fake_editor: Path, suspendable: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="reflection")
        assert isinstance(app.screen, ReflectionScreen)
        await typed(pilot, "Hi there")
        await pilot.press("f3")
        await pilot.pause()
        assert practice.session.reflection["went_well"] == "Dear there\nBest wishes, Sam"


async def test_f3_without_an_editor_says_how_to_set_one(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, suspendable: list[str]
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        await typed(pilot, "Hi Priya")
        await pilot.press("f3")
        await pilot.pause()
        assert NO_EDITOR in notices(app)
        assert suspendable == []
        assert app.screen.query_one("#note-0", DraftArea).text == "Hi Priya"


async def test_f3_where_the_app_cannot_be_suspended_says_so(
    make_app: MakeApp, fake_editor: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        await typed(pilot, "Hi Priya")
        await pilot.press("f3")
        await pilot.pause()
        assert NO_SUSPEND in notices(app)
        assert app.screen.query_one("#note-0", DraftArea).text == "Hi Priya"


async def test_f3_with_an_editor_that_fails_keeps_the_text(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, suspendable: list[str]
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} -c 'raise SystemExit(3)'")
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        await typed(pilot, "Hi Priya")
        await pilot.press("f3")
        await pilot.pause()
        assert suspendable == ["suspend", "resume"]  # the terminal is given back
        assert any("status 3" in message for message in notices(app))
        assert app.screen.query_one("#note-0", DraftArea).text == "Hi Priya"


async def test_f4_asks_then_opens_the_mail_app(make_app: MakeApp, opened: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        note = "Subject: Thanks for Tuesday\nHi Priya"
        await typed(pilot, note)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Thanks for Tuesday" in app.screen.message
        await pilot.press("escape")  # not now: nothing opens
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert opened == []
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert opened == [mail_draft.mailto_url(note)]
        assert opened[0] == "mailto:?subject=Thanks%20for%20Tuesday&body=Hi%20Priya"


async def test_f4_says_when_no_mail_app_took_it(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mail_draft, "open_link", lambda url: False)
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await open_session(app, pilot, "rigorous-tech-lead", phase="follow-up")
        await typed(pilot, "Hi Priya")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("No mail app took the email" in message for message in notices(app))


async def test_the_real_interview_log_copies_and_mails_the_note_you_are_in(
    make_app: MakeApp, opened: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(app, pilot)
        assert app.journal is not None
        app.push_screen(RealInterviewsScreen(app.journal))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await app.workers.wait_for_complete()
        form = app.screen
        assert isinstance(form, RealInterviewForm)
        form.query_one("#field-interviewers", Input).focus()
        await typed(pilot, "Ana, Ben")
        await pilot.pause()
        notes = form.query_one(ThankYouNotes)
        notes.boxes[1].focus()
        await typed(pilot, "Hi Ben")
        await pilot.press("f8")
        await pilot.pause()
        assert app.clipboard == "Hi Ben"
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert opened == [mail_draft.mailto_url("Hi Ben")]
