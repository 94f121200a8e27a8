"""The progress screen: trends, weakest areas, streak, due questions and review sessions.

The snapshots use a fixed journal of 60 sessions over ten weeks, built from the built-in
packs with a seeded random source and saved with Journal.save_session, on a fixed clock
and in UTC.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import DataTable, Static, TabbedContent

from simulator.engine.answers import prompt_hash
from simulator.engine.review import INTERVAL_DAYS
from simulator.engine.snapshot import SNAPSHOT_VERSION, AnswerSnapshot, SessionSnapshot
from simulator.journal import Journal
from simulator.packs.library import Library
from simulator.services.context import Context
from simulator.services.progress_report import REVIEW_LIMIT, review_options
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.persona_chooser import PersonaChooser
from simulator.tui.screens.progress import ProgressScreen
from simulator.tui.widgets.trend_table import TrendTable, bar, sparkline

from tui_helpers import START, settle

MakeApp = Callable[..., MockInterviewApp]
DAY = 86_400.0


BEHAVIORAL = [
    ("core-behavioral", "conflict-over-technical-approach"),
    ("core-behavioral", "disagreed-with-manager"),
    ("core-behavioral", "biggest-professional-mistake"),
    ("core-behavioral", "competing-priorities"),
    ("core-behavioral", "developed-someone"),
    ("core-behavioral", "influenced-without-authority"),
]
TECHNICAL = [
    ("core-technical", "design-url-shortener"),
    ("core-technical", "database-indexes"),
    ("core-technical", "async-vs-threads"),
    ("core-technical", "flaky-tests"),
]
CRITERIA = {  # criterion id: (score at the start, change over the ten weeks)
    "situation": (3.0, 1.2),
    "action": (2.6, 1.6),
    "result": (1.6, 1.4),
    "reflection": (2.2, 2.0),
    "delivery": (3.8, -0.9),
    "accuracy": (3.0, 1.0),
    "reasoning": (2.0, 0.8),
    "structure": (2.8, 1.5),
    "experience": (2.5, 0.4),
    "candour": (3.4, 0.6),
}


def pick(library: Library, keys: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """Keys that are installed: the ones listed, else the first of their packs."""
    installed = {ref.key for ref in library.questions()}
    found = [key for key in keys if key in installed]
    for pack in dict.fromkeys(pack for pack, _ in keys):
        for ref in sorted(library.questions(), key=lambda ref: ref.key):
            if len(found) >= count:
                break
            if ref.pack.id == pack and ref.key not in found:
                found.append(ref.key)
    return found[:count]


def seeded_sessions(library: Library, count: int = 60, seed: int = 2024) -> list[SessionSnapshot]:
    """``count`` finished sessions over ten weeks up to START, scores slowly improving."""
    rng = random.Random(seed)
    behavioral = pick(library, BEHAVIORAL, 6)
    technical = pick(library, TECHNICAL, 4)
    days_ago = [*sorted(rng.sample(range(1, 70), count - 1), reverse=True), 0]
    personas = [("rigorous-tech-lead", "Priya"), ("hiring-manager", "Marcus")]
    sessions: list[SessionSnapshot] = []
    for number, ago in enumerate(days_ago):
        created = START - ago * DAY - 3 * 3600 + rng.randrange(0, 3600)
        answers: list[AnswerSnapshot] = []
        chosen = rng.sample(behavioral, 2) + rng.sample(technical, 1)
        for position, key in enumerate(chosen):
            ref = library.question(*key)
            assert ref is not None
            rubric = library.rubric_for(ref)
            started = created + 300 + position * 240
            progress = number / (count - 1)
            scores: dict[str, int] = {}
            for criterion in rubric.criteria:
                start, change = CRITERIA.get(criterion.id, (2.8, 1.0))
                value = round(start + change * progress + rng.gauss(0, 0.6))
                scores[criterion.id] = max(1, min(5, value))
            answers.append(
                {
                    "id": f"{number:03d}-{position}",
                    "stage_index": 2,
                    "source": "question",
                    "parent_id": None,
                    "pack_id": key[0],
                    "question_id": key[1],
                    "prompt": ref.question.prompt,
                    "prompt_hash": prompt_hash(ref.question.prompt),
                    "kind": ref.kind,
                    "tags": list(ref.tags),
                    "text": "An answer.",
                    "started_at": started,
                    "submitted_at": started + 150,
                    "time_limit": 180,
                    "time_used": 150.0,
                    "skipped": False,
                    "clarifications": 0,
                    "hints_shown": 0,
                    "rubric_id": rubric.id,
                    "scores": scores,
                    "checklist": {},
                }
            )
        persona_id, persona_name = personas[number % 2]
        sessions.append(
            {
                "version": SNAPSHOT_VERSION,
                "id": f"session-{number:03d}",
                "persona_id": persona_id,
                "persona_name": persona_name,
                "pack_ids": [],
                "seed": number,
                "created_at": created,
                "updated_at": created + 1200,
                "finished_at": created + 1100,
                "phase": "done",
                "stage_index": 0,
                "drawn": {},
                "answers": answers,
                "current_answer_id": None,
                "prep_notes": "",
                "prep_checklist": {},
                "candidate_questions": [],
                "reflection": {
                    "went_well": "",
                    "say_differently": "",
                    "topics": [],
                    "interviewer_notes": "",
                },
                "thank_you_drafts": {},
                "reminders": [],
                "score_index": 0,
            }
        )
    return sessions


def seed_journal(count: int = 60) -> list[SessionSnapshot]:
    """Write the seeded sessions into the test home's journal, before the app starts."""
    library = Context.create().load_library()
    sessions = seeded_sessions(library, count)
    with Journal.open() as journal:
        for snapshot in sessions:
            journal.save_session(snapshot)
    return sessions


async def open_progress(app: MockInterviewApp, pilot: Pilot[int], tab: str = "criteria") -> None:
    await settle(app, pilot)
    assert app.journal is not None
    app.push_screen(ProgressScreen(app.journal, app.library, tab=tab))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ProgressScreen)
    assert screen.loaded


def text_of(app: MockInterviewApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


# --- the widget -----------------------------------------------------------------------------


def test_bars_use_one_scale_for_every_row() -> None:
    assert bar(1) == "▁"
    assert bar(5) == "█"
    assert bar(3) == bar(3.0)
    assert bar(0) == "▁" and bar(9) == "█"
    flat = sparkline([3.0, 3.2, 3.0], 6).plain
    assert flat == "   " + bar(3.0) + bar(3.2) + bar(3.0)
    assert len(set(flat.strip())) == 1  # a flat line looks flat, not like a climb
    assert sparkline([1, 2, 3, 4, 5, 1, 2], 3).plain == bar(5) + bar(1) + bar(2)


# --- the screen -----------------------------------------------------------------------------


async def test_empty_journal_says_what_to_do(make_app: MakeApp, utc: None) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(app, pilot)
        assert "Nothing is self-scored yet" in text_of(app, "#progress-weakest")
        assert "Streak 0 days" in text_of(app, "#progress-streak")
        table = app.screen.query_one("#criteria-table", TrendTable)
        assert table.trends == ()
        assert "No scores yet" in str(table.render())
        await pilot.press("d")
        await pilot.pause()
        assert "Nothing is due for review" in text_of(app, "#review-status")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_trends_weakest_areas_and_streak(make_app: MakeApp, utc: None) -> None:
    seed_journal()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_progress(app, pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        result = screen.result
        assert result is not None
        assert result.totals.sessions == 60
        assert result.totals.answers == 180
        assert result.streak.today
        assert result.streak.current >= 1
        labels = [item.label for item in result.criteria]
        assert "Result (STAR story)" in labels
        assert all(len(item.points) >= 2 for item in result.criteria)
        # The seeded scores improve over time.
        assert all(item.points[-1] >= 1 for item in result.criteria)
        assert sum(1 for item in result.criteria if item.direction == "up") >= 1
        weakest = text_of(app, "#progress-weakest")
        assert weakest.startswith("Work on: ")
        assert result.weakest_criteria[0].label in weakest
        assert "Weakest topics: " in weakest
        streak = text_of(app, "#progress-streak")
        assert "60 sessions (60 finished)" in streak
        rendered = str(screen.query_one("#criteria-table", TrendTable).render())
        assert "Sessions, oldest → newest" in rendered
        await pilot.press("t")
        await pilot.pause()
        tags = screen.query_one("#topics-table", TrendTable)
        assert tags.trends and tags.trends[0].kind == "tag"


async def test_due_questions_are_listed_most_urgent_first(make_app: MakeApp, utc: None) -> None:
    seed_journal(20)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_progress(app, pilot, tab="review")
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert screen.reviews
        boxes = [item.schedule.box for item in screen.reviews]
        assert boxes == sorted(boxes)
        assert all(item.schedule.due_at <= START for item in screen.reviews)
        table = screen.query_one("#review-table", DataTable)
        assert table.row_count == len(screen.reviews)
        first = [str(cell) for cell in table.get_row_at(0)]
        assert f"{INTERVAL_DAYS[boxes[0]]} d" == first[2]
        assert text_of(app, "#review-status").startswith(f"{len(screen.reviews)} questions due")


async def test_a_changed_question_keeps_its_history_and_is_marked(
    make_app: MakeApp, utc: None
) -> None:
    sessions = seed_journal(20)
    answer = sessions[0]["answers"][0]
    key = (answer["pack_id"], answer["question_id"])
    with Journal.open() as journal:  # the pack's wording was different back then
        for snapshot in sessions:
            for old in snapshot["answers"]:
                if (old["pack_id"], old["question_id"]) == key:
                    old["prompt"] = "An older wording of the question."
                    old["prompt_hash"] = prompt_hash(old["prompt"])
            journal.save_session(snapshot)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_progress(app, pilot, tab="review")
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        changed = [item for item in screen.reviews if item.changed]
        assert [item.key for item in changed] == [key]
        assert changed[0].schedule.reviews >= 1  # its history is kept
        table = screen.query_one("#review-table", DataTable)
        row = table.get_row(f"{key[0]}/{key[1]}")
        assert "(changed since)" in str(row[0])


async def test_review_asks_for_an_interviewer(make_app: MakeApp, utc: None) -> None:
    seed_journal(20)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_progress(app, pilot, tab="review")
        await pilot.press("v")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, PersonaChooser)
        assert all(entry.usable for entry in chooser.entries)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert app.practice is None


async def test_review_session_asks_the_due_questions(make_app: MakeApp, utc: None) -> None:
    seed_journal(20)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_progress(app, pilot, tab="review")
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        due = [item.key for item in screen.reviews[:REVIEW_LIMIT]]
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PersonaChooser)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.practice is not None
        session = app.practice.session
        drawn = [ref.key for index in range(20) for ref in session.drawn(index)]
        assert drawn == due


def test_review_options_follow_start_options() -> None:
    options = review_options("rigorous-tech-lead", [("core-behavioral", "failed-project")])
    assert options.persona_id == "rigorous-tech-lead"
    assert options.question_keys == (("core-behavioral", "failed-project"),)


async def test_home_keys_open_the_new_screens(make_app: MakeApp, utc: None) -> None:
    from simulator.tui.screens.real_interview import RealInterviewsScreen
    from simulator.tui.screens.reminders import RemindersScreen
    from simulator.tui.screens.study_list import StudyListScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for key, kind in (
            ("g", ProgressScreen),
            ("v", ProgressScreen),
            ("s", StudyListScreen),
            ("l", RealInterviewsScreen),
            ("f", RemindersScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, kind), key
            if key == "v":
                assert app.screen.query_one(TabbedContent).active == "review"
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


# --- snapshots ------------------------------------------------------------------------------


def progress_snapshot(
    snap_compare: Callable[..., bool], make_app: MakeApp, size: tuple[int, int]
) -> bool:
    seed_journal()

    async def ready(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await open_progress(app, pilot)

    return snap_compare(make_app(), terminal_size=size, run_before=ready)


def test_progress_snapshot_80x24(
    snap_compare: Callable[..., bool], make_app: MakeApp, utc: None
) -> None:
    assert progress_snapshot(snap_compare, make_app, (80, 24))


def test_progress_snapshot_120x40(
    snap_compare: Callable[..., bool], make_app: MakeApp, utc: None
) -> None:
    assert progress_snapshot(snap_compare, make_app, (120, 40))


def test_long_names_are_shown_whole_when_there_is_room() -> None:
    long_name = "Reasoning and trade-offs (Technical explanation, technical)"
    from simulator.engine.progress import trend

    table = TrendTable("Criterion", empty="No scores yet")
    table.trends = (trend("criterion", "technical/reasoning", long_name, [[3.0], [4.0]]),)
    assert long_name in table.row(table.trends[0], 120).plain
    narrow = table.row(table.trends[0], 60).plain
    assert len(narrow) <= 60 and "…" in narrow  # cut only when the screen is too narrow
