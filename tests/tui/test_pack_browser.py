"""The pack browser: packs, a question's details, load problems; pack text shown literally."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from simulator.packs.library import Library
from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.pack_browser import PackBrowserScreen

from tui_helpers import settle

MakeApp = Callable[..., MockInterviewApp]

HOSTILE = "[@click=app.quit] [link=file:///etc/passwd]x[/link] [/] [b"
FIELD = f'"{HOSTILE}"'
HOSTILE_PACK = f"""\
format: 1
id: hostile
title: {FIELD}
version: 1.0.0
kind: behavioral
description: {FIELD}
authors: [{FIELD}]
license: {FIELD}
source: {FIELD}
rubrics:
  - id: hostile-rubric
    title: {FIELD}
    description: {FIELD}
    criteria:
      - id: c1
        label: {FIELD}
        description: {FIELD}
        levels: {{1: {FIELD}, 5: {FIELD}}}
questions:
  - id: q1
    prompt: {FIELD}
    clarification: {FIELD}
    hints: [{FIELD}]
    talking_points: [{FIELD}]
    keywords: [{FIELD}]
    follow_ups: [{FIELD}]
    sample_answer: {FIELD}
    checklist: [{FIELD}]
    rubric: hostile-rubric
  - id: q2
    kind: follow-up
    prompt: {FIELD}
    checklist: [{FIELD}]
    due: 24h
candidate_questions: [{FIELD}]
personas:
  - id: hostile-persona
    name: {FIELD}
    role: {FIELD}
    description: {FIELD}
    greeting: {FIELD}
    plan:
      - stage: intro
      - stage: questions
        packs: [hostile]
"""

SHADOWING_PACK = """\
format: 1
id: core-follow-up
title: A replacement
kind: follow-up
questions:
  - id: thanks
    prompt: Write a thank-you note.
    due: 24h
"""


async def open_browser(app: MockInterviewApp, pilot: Pilot[int]) -> PackBrowserScreen:
    await settle(app, pilot)
    await pilot.press("b")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PackBrowserScreen)
    return screen


def detail(app: MockInterviewApp) -> str:
    return str(app.screen.query_one("#browser-detail", Static).render())


def column(app: MockInterviewApp, table_id: str, index: int) -> list[str]:
    table = app.screen.query_one(table_id, DataTable)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_builtin_packs_and_a_questions_details(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_browser(app, pilot)
        library = app.library
        assert isinstance(library, Library)
        assert column(app, "#browser-packs", 0) == [loaded.pack.id for loaded in library.packs]
        first = library.packs[0]
        assert first.source == "built-in"
        assert first.pack.title in detail(app)  # the highlighted pack's details
        counts = column(app, "#browser-packs", 3)[0]
        assert all(f"{n} {kind}" in counts for kind, n in first.kind_counts().items())
        assert column(app, "#browser-questions", 0) == [q.id for q in first.pack.questions]
        await pilot.press("enter")  # to the questions
        await pilot.press("down")
        await pilot.pause()
        question = first.pack.questions[1]
        text = detail(app)
        assert question.prompt.strip() in text
        for hint in question.hints:
            assert hint in text
        for point in question.talking_points:
            assert point in text
        with_sample = next(
            (i for i, q in enumerate(first.pack.questions) if q.sample_answer.strip()), None
        )
        if with_sample is not None:
            app.screen.query_one("#browser-questions", DataTable).move_cursor(row=with_sample)
            await pilot.pause()
            sample = first.pack.questions[with_sample].sample_answer.strip()
            assert "Sample answer" in detail(app) and sample in detail(app)
        await pilot.press("enter")  # to the details
        await pilot.pause()
        assert app.screen.focused is not None
        assert app.screen.focused.id == "browser-detail-box"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PackBrowserScreen)


async def test_a_broken_pack_is_a_problem_with_file_and_line(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    broken = folder / "broken.yaml"
    broken.write_text("format: 1\nid: broken\ntitle: [unclosed\n", encoding="utf-8")
    (folder / "replacement.yaml").write_text(SHADOWING_PACK, encoding="utf-8")
    app = make_app(Context.create([folder]))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(app, pilot)
        problem = screen.library.errors[0]
        assert problem.path == broken
        assert "problem" in str(app.screen.query_one("#browser-status", Static).render())
        await pilot.press("e")
        await pilot.pause()
        text = str(app.screen.query_one("#browser-problems", Static).render())
        assert f"{broken}:{problem.line}:{problem.column}" in text
        assert problem.message in text
        assert "pack core-follow-up" in text  # the shadowed built-in
        assert str(folder / "replacement.yaml") in text
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#browser-packs")


async def test_markup_in_every_field_is_shown_literally(make_app: MakeApp, tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(HOSTILE_PACK, encoding="utf-8")
    app = make_app(Context.create([folder]))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_browser(app, pilot)
        assert not screen.library.errors, screen.library.errors
        ids = column(app, "#browser-packs", 0)
        packs = app.screen.query_one("#browser-packs", DataTable)
        packs.move_cursor(row=ids.index("hostile"))
        await pilot.pause()
        assert column(app, "#browser-packs", 5)[ids.index("hostile")] == HOSTILE
        pack_text = detail(app)
        # title, description, authors, licence, source, rubric, persona, candidate question
        assert pack_text.count(HOSTILE) >= 8, pack_text
        await pilot.click("#browser-detail")
        await pilot.click("#browser-packs")
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause()
        assert column(app, "#browser-questions", 3) == [HOSTILE, HOSTILE]
        question_text = detail(app)
        # prompt, clarification, hints, talking points, keywords, follow-ups, checklist, sample
        assert question_text.count(HOSTILE) == 8, question_text
        await pilot.click("#browser-detail", offset=(2, 0))
        await pilot.click("#browser-questions", offset=(50, 1))
        await pilot.press("down")
        await pilot.pause()
        assert "Due: 24h after the interview" in detail(app)
        await pilot.click("#browser-detail")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, PackBrowserScreen)
