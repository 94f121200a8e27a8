"""SVG snapshots of every screen not pictured elsewhere, at 80x24 and 120x40.

Each screen is reached the way the user reaches it and shows realistic content: a finished
session with scores, a reflection and your questions; a logged real interview; study topics;
follow-ups due. Everything runs on the fake clock at START, in UTC, with fixed ids, so the
pictures never depend on the day or the machine. Cursors are kept from blinking, so a
picture taken half a second later is the same picture.

The home, prep, question, self-score, reflection and progress (by criterion) screens have
their snapshots next to their other tests.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import cycle
from pathlib import Path

import pytest
from test_progress import seed_journal
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from simulator.common import locations
from simulator.engine.clock import FakeClock
from simulator.journal.interviews import new_interview
from simulator.journal.models import InterviewQuestion
from simulator.services.practice import Practice, StartOptions
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.confirm import ConfirmScreen
from simulator.tui.screens.error import ErrorScreen
from simulator.tui.screens.follow_up import FollowUpScreen, ReminderTable
from simulator.tui.screens.help import HelpScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.pack_browser import PackBrowserScreen
from simulator.tui.screens.persona_chooser import PersonaChooser
from simulator.tui.screens.progress import ProgressScreen
from simulator.tui.screens.real_interview import RealInterviewsScreen
from simulator.tui.screens.real_interview_form import RealInterviewForm
from simulator.tui.screens.reminders import RemindersScreen
from simulator.tui.screens.session_view import SessionViewScreen
from simulator.tui.screens.study_list import StudyListScreen
from simulator.tui.screens.summary import SummaryScreen
from simulator.tui.screens.topic_prompt import TopicPrompt

from tui_helpers import START, burst, settle

MakeApp = Callable[..., MockInterviewApp]
SnapCompare = Callable[..., bool]
Ready = Callable[[Pilot[int]], object]
HOUR = 3600.0
DAY = 24 * HOUR

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

ANSWERS = [
    "At my last job two teams wanted different queues. I wrote both designs up, we ran a "
    "one-day spike on each, and picked the one that halved our p99 latency.",
    "I would add an index on (customer_id, created_at) and check the plan with EXPLAIN "
    "before and after.",
    "Threads share memory and the GIL; asyncio suits many slow sockets, processes suit CPU work.",
    "I shipped a migration without a rollback plan. It failed at 2 a.m.; since then every "
    "change has a tested way back.",
]
"""What the candidate answers, in turn."""

MINUTES = [95, 140, 210, 60, 120]
"""How long each answer takes, in seconds, in turn (210 runs over a three-minute limit)."""

SCORES = [4, 3, 5, 2, 3, 4]
"""Self-scores given criterion by criterion, in turn."""

YOUR_QUESTIONS = [
    "What does a good first month look like in this role?",
    "How does the team decide what to build next?",
]

REFLECTION = {
    "went_well": "Stayed calm on the design question and drew the queue before talking.",
    "say_differently": "Lead the failure story with the result and what changed after.",
    "topics": ["Consistent hashing", "Postgres query plans"],
    "interviewer_notes": "Priya likes numbers: latencies, sizes, dates.",
}

THANK_YOU = (
    "Subject: Thank you for today\n\nHi Priya,\n\nThank you for the conversation about the "
    "queueing design. I enjoyed it, and I am still thinking about your point on back-pressure."
)


# --- building the journal ---------------------------------------------------------------------


async def changed(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    """Let messages arrive and background reads finish, twice over (a read can start one)."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def ready_app(app: MockInterviewApp, pilot: Pilot[int]) -> FakeClock:
    """Wait for packs and journal; the journal then dates what it writes on the fake clock."""
    await settle(app, pilot)
    assert app.library is not None and app.writer is not None and app.journal is not None
    clock = app.clock
    assert isinstance(clock, FakeClock)
    app.journal._clock = clock.now  # study topics and due follow-ups: the fake "now"
    return clock


def practise(app: MockInterviewApp, clock: FakeClock, until: str = "done") -> Practice:
    """A session with Priya answered, scored, reflected on and (by default) finished.

    ``until`` stops it at "follow-up" or "summary" instead, with the thank-you note drafted.
    """
    assert app.library is not None and app.writer is not None
    practice = Practice.start(
        app.library, app.writer, StartOptions("rigorous-tech-lead", seed=3), clock=clock
    )
    session = practice.session
    answers, seconds = cycle(ANSWERS), cycle(MINUTES)
    while session.phase == "stages":
        step = session.step()
        if step.question is not None:
            session.begin_answer()
            clock.advance(next(seconds))
            session.set_answer_text(next(answers))
            session.submit()
        elif step.stage_kind == "your-questions" and not session.candidate_questions:
            for question in YOUR_QUESTIONS:
                session.add_candidate_question(question)
        else:
            clock.advance(30)
            session.advance()
    scores = cycle(SCORES)
    for item in session.score_items():
        for criterion in item.rubric.criteria:
            session.score(criterion.id, next(scores), answer_id=item.answer["id"])
    session.advance()  # to the reflection
    session.set_reflection(**REFLECTION)  # type: ignore[arg-type]
    session.advance()  # to the follow-up plan
    for recipient in session.thank_you_recipients():
        session.set_thank_you_draft(recipient, THANK_YOU)
    if until != "follow-up":
        session.advance()  # to the summary
    if until == "done":
        session.finish()
    practice.saved()
    return practice


def log_interview(app: MockInterviewApp, held_at: float) -> str:
    """A panel interview at Northwind, with its questions, reflection and one note drafted."""
    assert app.journal is not None
    interview = new_interview(
        interview_id="northwind-panel",
        company="Northwind Traders",
        role="Senior data engineer",
        held_at=held_at,
        format="panel",
        interviewers=["Ana Lima", "Ben Ode"],
        questions=[
            InterviewQuestion("How would you design a rate limiter for our public API?"),
            InterviewQuestion("Tell me about a time a project failed.", notes="Too long."),
            InterviewQuestion("Why do you want to work here?"),
        ],
        how_it_went="Friendly, but deep on the design question; ran out of time at the end.",
        reflection={
            "went_well": "The token-bucket sketch.",
            "say_differently": "Give the failure story a result.",
            "topics": ["Token buckets", "STAR results"],
            "interviewer_notes": "Ben cares about tests; Ana about on-call.",
        },
        thank_you_drafts={"Ana Lima": "Dear Ana, thank you for walking me through on-call."},
        now=held_at + 2 * HOUR,
    )
    app.journal.save_real_interview(interview)
    return interview.id


async def full_journal(app: MockInterviewApp, pilot: Pilot[int]) -> FakeClock:
    """A real interview a day before START; at START a finished session with Priya, then an
    unfinished one with Marcus; now is a day and a half after START, so the thank-you notes
    (due within 24 hours) are overdue and the rest of the plans are to come."""
    clock = await ready_app(app, pilot)
    assert app.library is not None and app.writer is not None and app.journal is not None
    log_interview(app, START - DAY)
    practise(app, clock)
    clock.advance(HOUR)
    unfinished = Practice.start(
        app.library, app.writer, StartOptions("hiring-manager", seed=4), clock=clock
    )
    unfinished.saved()
    app.writer.flush()
    clock.set(START + 36 * HOUR)
    return clock


def steady_cursors(app: MockInterviewApp) -> None:
    """No blinking: a cursor shown is shown in every picture."""
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False


def check(app: MockInterviewApp, kind: type[object]) -> None:
    """The picture is of the intended screen, not of an error or a loading one."""
    assert isinstance(app.screen, kind), type(app.screen).__name__
    assert not app.contained_errors, app.contained_errors
    steady_cursors(app)


def snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int], ready: Ready
) -> bool:
    return snap_compare(make_app(), terminal_size=size, run_before=ready)


@pytest.fixture
def packs_where_they_are(monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in packs by a path relative to the checkout, so the pack browser's "From:"
    line reads the same in every clone (CI's is not the developer's)."""
    builtin = locations.builtin_packs_dir()
    monkeypatch.chdir(builtin.parent)
    monkeypatch.setattr(locations, "builtin_packs_dir", lambda: Path(builtin.name))


# --- the session's last screens -----------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_follow_up_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        clock = await ready_app(app, pilot)
        app.practice = practise(app, clock, until="follow-up")
        app.practice.session.mark_reminder_done(app.practice.session.reminders[0]["id"])
        app.show_session()
        await changed(app, pilot)
        check(app, FollowUpScreen)
        assert app.screen.query_one(ReminderTable).row_count == 6

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_close_process_confirm_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        clock = await ready_app(app, pilot)
        app.practice = practise(app, clock, until="follow-up")
        app.show_session()
        await changed(app, pilot)
        app.screen.query_one(ReminderTable).focus()
        await pilot.press("c")
        await changed(app, pilot)
        check(app, ConfirmScreen)

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_summary_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        clock = await ready_app(app, pilot)
        app.practice = practise(app, clock, until="summary")
        app.show_session()
        await changed(app, pilot)
        check(app, SummaryScreen)

    assert snapshot(snap_compare, make_app, size, ready)


# --- history -------------------------------------------------------------------------------------


async def open_history(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    await pilot.press("h")
    await changed(app, pilot)
    check(app, HistoryScreen)


@pytest.mark.parametrize("size", SIZES)
def test_history_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await full_journal(app, pilot)
        await open_history(app, pilot)
        assert app.screen.query_one("#history-table", DataTable).row_count == 2

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_history_empty_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await open_history(app, pilot)

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_session_view_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await full_journal(app, pilot)
        await open_history(app, pilot)
        await pilot.press("down", "enter")  # the finished session, below the unfinished one
        await changed(app, pilot)
        check(app, SessionViewScreen)

    assert snapshot(snap_compare, make_app, size, ready)


# --- packs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_pack_browser_snapshot(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    packs_where_they_are: None,
    size: tuple[int, int],
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await pilot.press("b")
        await changed(app, pilot)
        check(app, PackBrowserScreen)

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_pack_browser_question_snapshot(
    snap_compare: SnapCompare,
    make_app: MakeApp,
    packs_where_they_are: None,
    size: tuple[int, int],
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await pilot.press("b")
        await changed(app, pilot)
        await pilot.press("enter", "down")  # to the questions, the second one's details
        await changed(app, pilot)
        check(app, PackBrowserScreen)

    assert snapshot(snap_compare, make_app, size, ready)


# --- progress: the tabs besides "By criterion" (pictured in test_progress) -----------------------


async def open_progress(app: MockInterviewApp, pilot: Pilot[int], key: str) -> None:
    await ready_app(app, pilot)
    assert app.journal is not None
    app.push_screen(ProgressScreen(app.journal, app.library))
    await changed(app, pilot)
    await pilot.press(key)
    await changed(app, pilot)
    check(app, ProgressScreen)
    screen = app.screen
    assert isinstance(screen, ProgressScreen) and screen.loaded


@pytest.mark.parametrize("size", SIZES)
def test_progress_topics_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    seed_journal()

    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await open_progress(app, pilot, "t")

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_progress_review_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    seed_journal(20)  # fewer, earlier sessions: some questions are due for review

    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await open_progress(app, pilot, "d")
        screen = app.screen
        assert isinstance(screen, ProgressScreen) and screen.reviews

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_review_chooser_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    seed_journal(20)  # fewer, earlier sessions: some questions are due for review

    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await open_progress(app, pilot, "d")
        await pilot.press("v")
        await changed(app, pilot)
        check(app, PersonaChooser)

    assert snapshot(snap_compare, make_app, size, ready)


# --- study list, real interviews, follow-ups -----------------------------------------------------


async def open_study(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    assert app.journal is not None
    app.push_screen(StudyListScreen(app.journal))
    await changed(app, pilot)
    check(app, StudyListScreen)


@pytest.mark.parametrize("size", SIZES)
def test_study_list_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await full_journal(app, pilot)
        assert app.journal is not None
        app.journal.add_study_item("Reading a flame graph")
        await open_study(app, pilot)
        await pilot.press("space")  # the first topic ticked off: it goes to the bottom
        await changed(app, pilot)
        assert app.screen.query_one("#study-table", DataTable).row_count == 5

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_study_topic_prompt_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await full_journal(app, pilot)
        await open_study(app, pilot)
        await pilot.press("a", *"Bloom filters")
        await changed(app, pilot)
        check(app, TopicPrompt)

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_study_list_empty_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await open_study(app, pilot)

    assert snapshot(snap_compare, make_app, size, ready)


async def open_interviews(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    assert app.journal is not None
    app.push_screen(RealInterviewsScreen(app.journal))
    await changed(app, pilot)
    check(app, RealInterviewsScreen)


@pytest.mark.parametrize("size", SIZES)
def test_real_interviews_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        clock = await full_journal(app, pilot)
        assert app.journal is not None
        app.journal.save_real_interview(
            new_interview(
                interview_id="globex-screen",
                company="Globex",
                role="Platform engineer",
                held_at=clock.now() - 9 * DAY,
                format="phone-screen",
                interviewers=["Dana Ruiz"],
                questions=[InterviewQuestion("Walk me through your resume.")],
                now=clock.now() - 9 * DAY,
            )
        )
        await open_interviews(app, pilot)
        assert app.screen.query_one("#interviews-table", DataTable).row_count == 2

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_real_interviews_empty_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await open_interviews(app, pilot)

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_real_interview_form_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await full_journal(app, pilot)
        await open_interviews(app, pilot)
        await pilot.press("enter")  # the logged interview, opened in its form
        await changed(app, pilot)
        check(app, RealInterviewForm)
        form = app.screen
        assert isinstance(form, RealInterviewForm)
        assert form.query_one("#field-company", Input).value == "Northwind Traders"

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_real_interview_new_form_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await open_interviews(app, pilot)
        await pilot.press("n")
        await changed(app, pilot)
        check(app, RealInterviewForm)

    assert snapshot(snap_compare, make_app, size, ready)


async def open_reminders(app: MockInterviewApp, pilot: Pilot[int]) -> None:
    assert app.journal is not None
    app.push_screen(RemindersScreen(app.journal))
    await changed(app, pilot)
    check(app, RemindersScreen)


@pytest.mark.parametrize("size", SIZES)
def test_reminders_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await full_journal(app, pilot)
        await open_reminders(app, pilot)
        await pilot.press("p")  # the practice session's drills too
        await changed(app, pilot)
        assert app.screen.query_one("#reminders-table", DataTable).row_count >= 3

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_reminders_empty_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, utc: None, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await open_reminders(app, pilot)

    assert snapshot(snap_compare, make_app, size, ready)


# --- help and the modals -------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_help_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await pilot.press("f1")
        await changed(app, pilot)
        check(app, HelpScreen)

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_error_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        # Pushed as the app pushes it after a failed worker (which the make_app fixture
        # would count as a failure): a fixed summary and log path.
        app.push_screen(
            ErrorScreen(
                "OSError: [Errno 28] No space left on device",
                "/home/sam/.local/share/mock-interview/logs/errors.log",
            )
        )
        await changed(app, pilot)
        check(app, ErrorScreen)

    assert snapshot(snap_compare, make_app, size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_command_palette_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await ready_app(app, pilot)
        await pilot.press("ctrl+p")
        await changed(app, pilot)
        await burst(pilot, *"start")
        for _ in range(20):  # the palette searches in the background
            await pilot.pause(0.05)
            if app.screen.query_one(CommandList).option_count:
                break
        await changed(app, pilot)
        check(app, CommandPalette)
        app.screen.query_one(CommandInput).cursor_blink = False
        assert app.screen.query_one(CommandList).option_count

    assert snapshot(snap_compare, make_app, size, ready)
