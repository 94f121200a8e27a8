"""The real-interview log: log one, get its follow-up plan and study topics, keep drafts,
and "Practise this again" into a pack that `mock-interview packs validate` accepts."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Select, Static, TextArea

from simulator.common import locations
from simulator.engine.clock import FakeClock
from simulator.services.interview_log import draft_key, parse_when
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.real_interview import RealInterviewsScreen
from simulator.tui.screens.real_interview_form import RealInterviewForm
from simulator.tui.widgets.thank_you_notes import ThankYouNotes

from tui_helpers import START, burst, settle

MakeApp = Callable[..., MockInterviewApp]
HOUR = 3600.0
DAY = 24 * HOUR

QUESTIONS = (
    "How would you design a rate limiter for an API?",
    "Tell me about a time a project [b]failed[/b].",
    "Why do you want to work here?",
)


async def changed(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def open_list(app: MockInterviewApp, pilot: Pilot[int]) -> RealInterviewsScreen:
    await settle(app, pilot)
    assert app.journal is not None
    app.push_screen(RealInterviewsScreen(app.journal))
    await changed(app, pilot)
    screen = app.screen
    assert isinstance(screen, RealInterviewsScreen)
    assert screen.loaded
    return screen


async def new_form(app: MockInterviewApp, pilot: Pilot[int]) -> RealInterviewForm:
    await pilot.press("n")
    await changed(app, pilot)
    form = app.screen
    assert isinstance(form, RealInterviewForm)
    return form


async def fill_form(form: RealInterviewForm, pilot: Pilot[int], when: str) -> None:
    form.query_one("#field-company", Input).value = "Acme [b]Corp[/b]"
    form.query_one("#field-role", Input).value = "Data engineer"
    form.query_one("#field-held", Input).value = when
    form.query_one("#field-interviewers", Input).value = "Ana Lima, Ben Ode, Ana Lima"
    form.query_one("#field-format", Select).value = "panel"
    form.query_one("#field-questions", TextArea).load_text("\n".join(QUESTIONS) + "\n\n")
    form.query_one("#field-how_it_went", TextArea).load_text("Friendly, but deep on design.")
    form.query_one("#field-went_well", TextArea).load_text("The rate limiter sketch.")
    form.query_one("#field-say_differently", TextArea).load_text("Give the failure a result.")
    form.query_one("#field-topics", TextArea).load_text("Token buckets\nSTAR results\n")
    form.query_one("#field-interviewer_notes", TextArea).load_text("Ben cares about tests.")
    await pilot.pause()  # the thank-you boxes follow the interviewers typed
    notes = form.query_one(ThankYouNotes)
    assert notes.recipients == ["Ana Lima", "Ben Ode"]
    notes.boxes[0].load_text("Dear Ana, thank you…")


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MOCK_INTERVIEW_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_when_is_read_in_local_time() -> None:
    assert parse_when("", START) == START
    noon = parse_when("2026-03-04", START)
    assert parse_when("2026-03-04 12:00", START) == noon
    assert parse_when(" 2026-03-04   09:30 ", START) == noon - 2.5 * HOUR
    try:
        parse_when("next tuesday", START)
    except ValueError as error:
        assert "YYYY-MM-DD" in str(error)
    else:
        raise AssertionError("a date in words is refused")


async def test_log_three_questions_then_practise_them_again(
    make_app: MakeApp, clock: FakeClock, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_list(app, pilot)
        assert app.screen.query_one("#interviews-empty").display
        form = await new_form(app, pilot)
        held = parse_when("2027-01-14 15:00", clock.now())
        await fill_form(form, pilot, "2027-01-14 15:00")
        await pilot.pause()
        plan = str(form.query_one("#form-plan", Static).render())
        assert "Send a thank-you note to Ana Lima" in plan
        assert "Send a thank-you note to Ben Ode" in plan
        await pilot.press("ctrl+s")
        await changed(app, pilot)
        assert app.journal is not None
        [logged] = app.journal.real_interviews()
        assert logged.company == "Acme [b]Corp[/b]"
        assert logged.format == "panel"
        assert logged.held_at == held
        assert logged.interviewers == ("Ana Lima", "Ben Ode")
        assert [question.prompt for question in logged.questions] == list(QUESTIONS)
        assert logged.reflection["topics"] == ["Token buckets", "STAR results"]
        # One draft per interviewer, as the plan has one thank-you per interviewer.
        assert logged.thank_you_drafts == {"Ana Lima": "Dear Ana, thank you…"}
        # The same follow-up plan as a practice session, counted from the interview.
        kinds = [(item["kind"], item["due_at"] - held) for item in logged.reminders]
        assert kinds[:3] == [("thank-you", DAY), ("thank-you", DAY), ("inquiry", 7 * DAY)]
        assert kinds[3] == ("check-in", 21 * DAY)
        study = {item.topic: item for item in app.journal.study_list()}
        assert study["Token buckets"].interview_id == logged.id
        assert not form.dirty
        # Practise this again: a pack in the user's pack folder, loaded into the app.
        await pilot.press("ctrl+o")
        await changed(app, pilot)
        await settle(app, pilot)
        packs = sorted(locations.user_packs_dir().glob("*.yaml"))
        assert len(packs) == 1
        assert packs[0].is_relative_to(home)
        result = run_cli(home, "packs", "validate", str(packs[0]))
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout == ""
        assert app.library is not None
        pack_id = packs[0].stem
        loaded = app.library.pack(pack_id)
        assert loaded is not None
        assert [question.prompt for question in loaded.pack.questions] == list(QUESTIONS)
        persona = app.library.persona(f"{pack_id}-interviewer")
        assert persona is not None and persona.usable
        assert persona.persona.name == "Ana Lima"
        # Saved again after a change: the same pack file is updated, not a second one.
        form.query_one("#field-questions", TextArea).load_text("\n".join(QUESTIONS[:2]))
        await pilot.press("ctrl+o")
        await changed(app, pilot)
        assert sorted(locations.user_packs_dir().glob("*.yaml")) == packs
        assert "Why do you want" not in packs[0].read_text(encoding="utf-8")
        # Back on the list, shown literally.
        await pilot.press("escape")
        await changed(app, pilot)
        assert isinstance(app.screen, RealInterviewsScreen)
        table = app.screen.query_one("#interviews-table", DataTable)
        assert [str(cell) for cell in table.get_row_at(0)][1] == "Acme [b]Corp[/b]"
        assert [str(cell) for cell in table.get_row_at(0)][4] == "2"


async def test_p_on_the_list_makes_the_pack(make_app: MakeApp, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_list(app, pilot)
        form = await new_form(app, pilot)
        await fill_form(form, pilot, "2027-01-14")
        await pilot.press("ctrl+s")
        await changed(app, pilot)
        await pilot.press("escape")
        await changed(app, pilot)
        await pilot.press("p")
        await changed(app, pilot)
        packs = list(locations.user_packs_dir().glob("*.yaml"))
        assert len(packs) == 1
        assert run_cli(home, "packs", "validate", str(packs[0])).returncode == 0


async def test_a_log_needs_a_company_and_a_date_it_can_read(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_list(app, pilot)
        form = await new_form(app, pilot)
        form.query_one("#field-questions", TextArea).load_text("Why us?")
        await pilot.press("ctrl+s")
        await changed(app, pilot)
        assert app.journal is not None
        assert app.journal.real_interviews() == []
        assert form.query_one("#field-company", Input).has_focus
        form.query_one("#field-company", Input).value = "Acme"
        form.query_one("#field-held", Input).value = "last week"
        await pilot.press("ctrl+s")
        await changed(app, pilot)
        assert app.journal.real_interviews() == []
        assert form.query_one("#field-held", Input).has_focus
        assert "YYYY-MM-DD" in str(form.query_one("#form-plan", Static).render())


async def test_typing_is_kept_as_a_draft_and_comes_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_list(app, pilot)
        form = await new_form(app, pilot)
        await burst(pilot, *"Globex")
        form.query_one("#field-questions", TextArea).load_text("What is your biggest weakness?")
        await pilot.pause(0.7)
        assert app.writer is not None and app.journal is not None
        app.writer.flush()
        drafts = app.journal.drafts(draft_key(None))
        assert "Globex" in drafts["form"]
        # Leaving asks; "leave" keeps the draft.
        await pilot.press("escape")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        confirm.query_one("#choice-leave", Button).press()
        await changed(app, pilot)
        assert isinstance(app.screen, RealInterviewsScreen)
        form = await new_form(app, pilot)
        assert form.query_one("#field-company", Input).value == "Globex"
        assert form.query_one("#field-questions", TextArea).text.startswith("What is your")
        # Discarding forgets it.
        await pilot.press("escape")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        confirm.query_one("#choice-discard", Button).press()
        await changed(app, pilot)
        app.writer.flush()
        assert app.journal.drafts(draft_key(None)) == {}
        form = await new_form(app, pilot)
        assert form.query_one("#field-company", Input).value == ""
        # Nothing typed: escape leaves at once.
        await pilot.press("escape")
        await changed(app, pilot)
        assert isinstance(app.screen, RealInterviewsScreen)


async def test_delete_asks_and_keeps_the_study_topics(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_list(app, pilot)
        form = await new_form(app, pilot)
        await fill_form(form, pilot, "2027-01-14")
        await pilot.press("ctrl+s")
        await changed(app, pilot)
        await pilot.press("escape")
        await changed(app, pilot)
        await pilot.press("delete")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        confirm.query_one("#choice-delete", Button).press()
        await changed(app, pilot)
        assert app.journal is not None
        assert app.journal.real_interviews() == []
        assert {item.topic for item in app.journal.study_list()} == {
            "Token buckets",
            "STAR results",
        }


async def test_saving_twice_in_a_row_makes_one_log(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_list(app, pilot)
        form = await new_form(app, pilot)
        await fill_form(form, pilot, "2027-01-14")
        await pilot.press("ctrl+s", "ctrl+s")
        await changed(app, pilot)
        await pilot.press("ctrl+s")
        await changed(app, pilot)
        assert app.journal is not None and app.writer is not None
        assert len(app.journal.real_interviews()) == 1
        await pilot.pause(0.7)
        app.writer.flush()
        assert app.journal.drafts(draft_key(None)) == {}


async def test_each_interviewer_gets_a_thank_you_note_of_their_own(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await open_list(app, pilot)
        form = await new_form(app, pilot)
        await burst(pilot, *"Acme")
        form.query_one("#field-interviewers", Input).focus()
        await burst(pilot, *"Ana, Ben")  # one burst; the boxes follow the names
        await pilot.pause()
        notes = form.query_one(ThankYouNotes)
        assert notes.recipients == ["Ana", "Ben"]
        labels = [str(label.render()) for label in notes.query(".thank-you-label")]
        assert labels == ["To Ana", "To Ben"]
        notes.boxes[1].focus()
        await burst(pilot, *"Hi Ben")
        # Taking Ben off the line and putting him back brings his note back.
        form.query_one("#field-interviewers", Input).focus()
        await pilot.press("end", *["backspace"] * 5)
        await pilot.pause()
        assert notes.recipients == ["Ana"] and len(notes.boxes) == 1
        await burst(pilot, *", Ben")
        await pilot.pause()
        assert [box.text for box in notes.boxes] == ["", "Hi Ben"]
        await pilot.press("ctrl+s")
        await changed(app, pilot)
        assert app.journal is not None
        [logged] = app.journal.real_interviews()
        assert logged.thank_you_drafts == {"Ben": "Hi Ben"}
        # Opened again: each note in its interviewer's box.
        await pilot.press("escape")
        await changed(app, pilot)
        await pilot.press("enter")
        await changed(app, pilot)
        form = app.screen
        assert isinstance(form, RealInterviewForm)
        notes = form.query_one(ThankYouNotes)
        assert notes.notes() == [("Ana", ""), ("Ben", "Hi Ben")]
        assert not form.dirty


async def test_a_single_note_from_before_goes_to_the_first_interviewer(make_app: MakeApp) -> None:
    from simulator.journal.interviews import new_interview

    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(app, pilot)
        assert app.journal is not None
        older = new_interview(
            company="Acme",
            role="",
            held_at=START,
            format="panel",
            interviewers=["Ana", "Ben"],
            thank_you_drafts={"": "Dear Ana and Ben"},
            now=START,
        )
        app.journal.save_real_interview(older)
        await open_list(app, pilot)
        await pilot.press("enter")
        await changed(app, pilot)
        form = app.screen
        assert isinstance(form, RealInterviewForm)
        assert form.query_one(ThankYouNotes).notes() == [("Ana", "Dear Ana and Ben"), ("Ben", "")]
