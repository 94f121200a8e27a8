"""The self-score screen, driven by keys: scoring, ticking, moving between answers, markup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.content import Content
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.reflection import ReflectionScreen
from simulator.tui.screens.self_score import RubricPane, SelfScoreScreen
from simulator.tui.widgets.sheet_row import SheetRow

from tui_helpers import burst, open_session

AppFactory = Callable[..., MockInterviewApp]

HOSTILE = """\
format: 1
id: hostile
title: "[b]x[/b] [@click=app.quit]"
kind: behavioral
rubric: evil
rubrics:
  - id: evil
    title: "[@click=app.quit] [/] [b"
    description: "[link=file:///etc/passwd]x[/link]"
    criteria:
      - id: c1
        label: "[@click=app.quit]"
        description: "[link=file:///etc/passwd]x[/link] [/] [b"
        levels:
          1: "[@click=app.quit]"
          3: "[b"
          5: "[/]"
      - id: c2
        label: "[link=file:///etc/passwd]x[/link] [/] [b"
questions:
  - id: q1
    prompt: "[link=file:///etc/passwd]x[/link] [/] [b"
    tags: [hostile]
    talking_points:
      - "[@click=app.quit]"
      - "[link=file:///etc/passwd]x[/link] [/] [b"
    sample_answer: "[/] [b [@click=app.quit] [link=file:///etc/passwd]x[/link]"
    keywords: ["[b", "[/]"]
    checklist: ["[@click=app.quit] tick me"]
    hints: ["[b"]
    clarification: "[/]"
personas:
  - id: hostile-persona
    name: "[b]x[/b]"
    role: "[@click=app.quit]"
    description: "[link=file:///etc/passwd]x[/link] [/] [b"
    greeting: "[@click=app.quit]"
    closing: "[/]"
    follow_up_rate: 0
    plan:
      - stage: intro
      - stage: questions
        packs: [hostile]
"""


def shown(widget: Widget) -> bool:
    """Whether a widget and everything around it is displayed."""
    node: DOMNode | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True


def screen_text(app: MockInterviewApp) -> str:
    """Everything the current screen's static texts show, as plain text."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if shown(w))


async def test_every_answer_is_scored_with_number_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="self-score")
        session = practice.session
        assert isinstance(app.screen, SelfScoreScreen)
        assert isinstance(app.focused, RubricPane)
        items = session.score_items()
        assert len(items) > 1
        for number, item in enumerate(items):
            assert session.score_index == number
            heading = str(app.screen.query_one("#score-heading", Static).render())
            assert f"Answer {number + 1} of {len(items)}" in heading
            assert item.answer["prompt"] in screen_text(app)
            assert "Score every criterion" in screen_text(app)
            # Each number scores the highlighted criterion and moves to the next one, typed
            # as fast as a terminal delivers them.
            await burst(pilot, *(str(index % 5 + 1) for index in range(len(item.rubric.criteria))))
            scored = session.score_item()
            assert scored is not None and scored.complete
            expected = {c.id: i % 5 + 1 for i, c in enumerate(item.rubric.criteria)}
            assert scored.answer["scores"] == expected
            text = screen_text(app)
            assert "all criteria scored" in text
            assert "Score every criterion" not in text
            if item.sample_answer:
                assert "Sample answer" in text
                assert item.sample_answer.strip()[:60] in text
            for point in item.talking_points:
                assert point in text
            if number < len(items) - 1:
                await pilot.press("pagedown")
                await pilot.pause()
        # The last answer: ctrl+s goes on to the reflection.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session.phase == "reflection"
        assert isinstance(app.screen, ReflectionScreen)
        assert app.writer is not None and app.journal is not None
        app.writer.flush()
        saved = app.journal.load_session(session.id)
        assert saved is not None
        assert saved["phase"] == "reflection"
        for item in items:
            answer = next(a for a in saved["answers"] if a["id"] == item.answer["id"])
            assert answer["scores"] == {
                c.id: i % 5 + 1 for i, c in enumerate(item.rubric.criteria)
            }


async def test_moving_between_criteria_and_answers(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="self-score")
        session = practice.session
        first = session.score_items()[0]
        criteria = [criterion.id for criterion in first.rubric.criteria]
        await pilot.press("4", "2")  # the first two criteria; the cursor moves on each time
        await pilot.press("up", "up", "5")  # back to the first: re-scored
        await pilot.press("down", "1")  # the third
        await pilot.press("up", "backspace")  # the third again: cleared
        assert session.answers[0]["scores"] == {criteria[0]: 5, criteria[1]: 2}
        await pilot.press("home", "3")
        assert session.answers[0]["scores"][criteria[0]] == 3
        await pilot.press("ctrl+s")  # not the last answer: the next one
        assert session.score_index == 1
        # Quick moves back and forth leave exactly one row per criterion on screen.
        await pilot.press("pagedown", "pagedown", "pageup", "pagedown", "pageup", "pageup")
        await pilot.pause()
        assert session.score_index == 1
        rows = [row for row in app.screen.query(SheetRow) if shown(row)]
        item = session.score_item()
        assert item is not None
        assert len(rows) == len(item.rubric.criteria) + len(item.answer["checklist"])
        assert session.phase == "self-score"
        await pilot.press("pageup")
        assert session.score_index == 0
        await pilot.press("pageup")  # already the first: stays
        assert session.score_index == 0
        # Tab to the answer pane: the number keys still score there.
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "answer-pane"
        await pilot.press("3")
        assert session.score_item() is not None
        # Escape offers to leave; staying keeps the screen.
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SelfScoreScreen)


async def test_nothing_to_score_when_everything_was_skipped(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="stages")
        session = practice.session
        while session.phase == "stages":
            if session.step().question is not None:
                session.skip()
            else:
                session.advance()
        practice.saved()
        app.show_session()
        await pilot.pause()
        assert isinstance(app.screen, SelfScoreScreen)
        assert session.score_items() == []
        heading = str(app.screen.query_one("#score-heading", Static).render())
        assert "Nothing to score" in heading
        await pilot.press("3", "space", "pagedown", "down")  # nothing to act on: no harm
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session.phase == "reflection"
        assert isinstance(app.screen, ReflectionScreen)


async def test_markup_in_packs_is_shown_literally_and_clicks_do_nothing(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    app = make_app(Context.create([folder]))
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "hostile-persona", phase="self-score")
        session = practice.session
        assert isinstance(app.screen, SelfScoreScreen)
        text = screen_text(app)
        assert "[link=file:///etc/passwd]x[/link] [/] [b" in text  # prompt, criterion label
        assert "[@click=app.quit]" in text  # criterion label, level anchor
        assert "[@click=app.quit] [/] [b" in text  # rubric title
        # Score both criteria: the talking points and sample answer appear, literally.
        await pilot.press("1", "5")
        item = session.score_item()
        assert item is not None and item.complete
        text = screen_text(app)
        assert "[/] [b [@click=app.quit] [link=file:///etc/passwd]x[/link]" in text
        assert text.count("[@click=app.quit]") >= 3
        # The checklist item: down to it, space ticks it.
        await pilot.press("down", "space")
        assert session.answers[0]["checklist"] == {"[@click=app.quit] tick me": True}
        assert "[x] [@click=app.quit] tick me" in screen_text(app)
        await pilot.press("space")
        assert session.answers[0]["checklist"] == {"[@click=app.quit] tick me": False}
        # Nothing from the pack became a style, a link or an action.
        for widget in app.screen.query(Static):
            visual = widget.render()
            if isinstance(visual, Content):
                for span in visual.spans:
                    assert "@click" not in str(span.style)
                    assert "link" not in str(span.style)
        for selector in ("#score-heading", "#score-prompt", "#score-answer", "#rubric-pane"):
            await pilot.click(selector)
            await pilot.pause()
        for row in app.screen.query(".sheet-row"):
            await pilot.click(row)
        await pilot.click("#reveal-sample")
        await pilot.click("#reveal-points")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, SelfScoreScreen)


def _run_before(phase: str) -> Callable[[Pilot[int]], object]:
    async def run_before(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, MockInterviewApp)
        await open_session(app, pilot, "rigorous-tech-lead", phase=phase)
        await pilot.press("3", "4")
        await pilot.pause()

    return run_before


def test_self_score_snapshot_80x24(
    make_app: AppFactory, snap_compare: Callable[..., bool]
) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_run_before("self-score"))


def test_self_score_snapshot_120x40(
    make_app: AppFactory, snap_compare: Callable[..., bool]
) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_run_before("self-score"))


async def test_moving_on_names_the_criteria_left_unscored(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "rigorous-tech-lead", phase="self-score")
        first = practice.session.score_items()[0]
        labels = [criterion.label for criterion in first.rubric.criteria]
        await pilot.press("4")  # only the first criterion
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert practice.session.score_index == 1
        messages = [n.message for n in app._notifications]
        notice = next(m for m in messages if m.startswith("Left "))
        count = len(labels) - 1
        assert f"Left {count} criteri" in notice
        assert all(label in notice for label in labels[1:])
        assert labels[0] not in notice.split("(", 1)[1]
        assert "pageup comes back" in notice
        # On the last answer the way back is from the reflection, and the notice says so.
        for _ in range(len(practice.session.score_items())):
            await pilot.press("pagedown")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)
        last = [n.message for n in app._notifications][-1]
        assert "escape on the reflection comes back to it" in last
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SelfScoreScreen)


async def test_space_on_a_criterion_goes_to_the_checklist(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        practice = await open_session(app, pilot, "career-coach", phase="self-score")
        session = practice.session
        index = next(i for i, item in enumerate(session.score_items()) if item.answer["checklist"])
        for _ in range(index):
            await pilot.press("pagedown")
        await pilot.pause()
        item = session.score_item()
        assert item is not None
        before = dict(item.answer["checklist"])
        await pilot.press("space")  # on a criterion: moves, ticks nothing
        await pilot.pause()
        assert dict(session.answers[index]["checklist"]) == before
        screen = app.screen
        assert isinstance(screen, SelfScoreScreen)
        assert screen._rows[screen.cursor].kind == "check"
        await pilot.press("space")  # now on the first checklist item: ticks it
        await pilot.pause()
        key = screen._rows[screen.cursor].key
        assert session.answers[index]["checklist"][key] is (not before.get(key, False))


async def test_a_time_is_rounded_the_same_on_screen_and_in_the_export(
    make_app: AppFactory,
) -> None:
    from simulator.engine.clock import FakeClock
    from simulator.journal.markdown import session_markdown

    from tui_helpers import drive, to_first_question

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        clock = app.clock
        assert isinstance(clock, FakeClock) and app.practice is not None
        await burst(pilot, *"I would start by reproducing it.")
        clock.advance(14.78)  # 0:15 to the nearest second, wherever it is shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        practice = app.practice
        drive(practice, clock, "self-score")
        app.show_session()
        await pilot.pause()
        assert isinstance(app.screen, SelfScoreScreen)
        shown = "\n".join(str(widget.render()) for widget in app.screen.query(Static))
        assert "0:15 of " in shown and "0:14" not in shown
        exported = session_markdown(practice.session.snapshot())
        assert "0:15 used" in exported and "0:14" not in exported
