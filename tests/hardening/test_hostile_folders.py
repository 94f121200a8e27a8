"""A hostile pack folder through the loader and the whole app.

Thousands of files, a symlink loop, a named pipe, unreadable and undecodable files, file
names that hold escape sequences, packs with escape sequences and right-to-left overrides,
and one accepted pack whose texts are as awkward as the format allows: very long words and
lines, a 2,000-character prompt, emoji and combining characters, markup. The app starts,
lists what it refused, and shows the accepted text literally at 80x24 without the layout
breaking.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, OptionList, Static, TabbedContent

from simulator.packs.library import Library
from simulator.services.context import Context
from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.interview import InterviewScreen
from simulator.tui.screens.pack_browser import PackBrowserScreen
from simulator.tui.widgets.answer_editor import AnswerEditor

from tui_helpers import burst, settle

MakeApp = Callable[..., MockInterviewApp]

TINY_PACKS = 800
OTHER_FILES = 1200
SIZE = (80, 24)

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 6  # 270 characters, no space
TITLE_WORD = "Supercalifragilisticexpialidocious" * 2 + "Overlongtitleword"[:12]  # 80
LONG_LINE = " ".join(f"word{number}" for number in range(900))  # one line of ~6,000
MARKUP = "[@click=app.quit]quit[/] [link=https://example.org]x[/link] [b]bold"
SCRIPTS = (
    "👩\u200d👩\u200d👧\u200d👦 family, 🇺🇳 flag, 👍🏽 thumbs, e\u0301te\u0301, "
    "Z\u0324\u0308a\u0310\u0327lgo, 中文字符, العربية, עברית, हिन्दी, ภาษาไทย"
)
PROMPT_START = "Describe the hardest bug you fixed. "
PROMPT = (PROMPT_START + LONG_WORD + " " + SCRIPTS + " " + MARKUP + " ").ljust(2000, "x")
assert len(PROMPT) == 2000


def quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_pack() -> str:
    """A valid pack whose every text is as awkward as the format allows."""
    return f"""\
format: 1
id: awkward
title: {quoted(TITLE_WORD)}
kind: behavioral
description: {quoted(LONG_LINE)}
authors: [{quoted(SCRIPTS)}]
candidate_questions: [{quoted(LONG_WORD)}]
questions:
  - id: long-prompt
    prompt: {quoted(PROMPT)}
    hints: [{quoted(LONG_WORD)}, {quoted(SCRIPTS)}]
    talking_points: [{quoted(LONG_WORD)}]
    sample_answer: {quoted(SCRIPTS)}
personas:
  - id: awkward-persona
    name: {quoted("Zoë " + SCRIPTS[:20])}
    role: {quoted(MARKUP)}
    description: {quoted(LONG_WORD + " " + LONG_LINE)}
    greeting: {quoted(LONG_WORD)}
    instructions: {quoted(SCRIPTS)}
    plan:
      - stage: prep
      - stage: intro
      - stage: questions
        title: {quoted(LONG_WORD[:60])}
        packs: [awkward]
      - stage: wrap-up
"""


def tiny_pack(number: int) -> str:
    return (
        f"format: 1\nid: tiny-{number:04d}\ntitle: Tiny pack {number}\nkind: technical\n"
        f"questions:\n  - id: q\n    prompt: Tiny question {number}?\n"
    )


def refused_pack(title: str) -> bytes:
    return f"format: 1\nid: refused\ntitle: {title}\n".encode()


def build_folder(root: Path) -> dict[str, str]:
    """Fill ``root``; returns the refused files (shown path: what the refusal says)."""
    for number in range(TINY_PACKS):
        group = root / f"group-{number // 100}"
        group.mkdir(parents=True, exist_ok=True)
        (group / f"tiny-{number:04d}.yaml").write_text(tiny_pack(number), encoding="utf-8")
    junk = root / "junk"
    junk.mkdir()
    for number in range(OTHER_FILES):
        suffix = (".txt", ".md", ".json", ".png")[number % 4]
        data = bytes(range(256)) if suffix == ".png" else b"not a pack: [b]x[/b]\n"
        (junk / f"file-{number:04d}{suffix}").write_bytes(data)
    hidden = root / ".git"
    hidden.mkdir()
    (hidden / "config.yaml").write_bytes(b"\x1b[2J this is never read\n")
    (root / "awkward.yaml").write_text(hostile_pack(), encoding="utf-8")

    refused: dict[str, str] = {}
    bad = root / "bad"
    bad.mkdir()
    (bad / "escape.yaml").write_bytes(refused_pack("Clear \x1b[2J\x1b]0;owned\x07 screen"))
    refused[str(bad / "escape.yaml")] = "control character (U+001B)"
    (bad / "override.yaml").write_bytes(refused_pack("Invoice \u202egpj.exe"))
    refused[str(bad / "override.yaml")] = "formatting character (U+202E)"
    (bad / "binary.yaml").write_bytes(b"format: 1\nid: x\ntitle: \xff\xfe\x00\n")
    refused[str(bad / "binary.yaml")] = "not UTF-8"
    (bad / "loop.yaml").symlink_to("loop.yaml")  # a link to itself
    refused[str(bad / "loop.yaml")] = "cannot read the file"
    (bad / "gone.yaml").symlink_to("nowhere.yaml")
    refused[str(bad / "gone.yaml")] = "cannot read the file"
    (bad / "again").symlink_to("..", target_is_directory=True)  # a folder loop
    (bad / "folder.yaml").mkdir()  # a folder with a pack's name is walked, not read
    (bad / "folder.yaml" / "inside.yaml").write_text(tiny_pack(9999), encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(bad / "pipe.yaml")  # opening it for reading would wait for a writer
        refused[str(bad / "pipe.yaml")] = "not a regular file"
    if os.geteuid() != 0:  # root reads any file, whatever its mode
        (bad / "unreadable.yaml").write_text(tiny_pack(9998), encoding="utf-8")
        (bad / "unreadable.yaml").chmod(0)
        refused[str(bad / "unreadable.yaml")] = "cannot read the file"
    names = {
        "title\x1b]0;owned\x1b\\.yaml": "title\\x1b]0;owned\\x1b\\.yaml",
        "clear\x1b[2J.yaml": "clear\\x1b[2J.yaml",
        "invoice\u202elmay.yaml": "invoice\\u202elmay.yaml",
        "two\nlines.yaml": "two\\x0alines.yaml",
    }
    for name, shown in names.items():
        (bad / name).write_text(tiny_pack(9997), encoding="utf-8")
        refused[str(bad / shown)] = "name holds"
    try:  # an undecodable name (some file systems refuse to create one)
        (bad / os.fsdecode(b"latin-\xe9.yaml")).write_text(tiny_pack(9996), encoding="utf-8")
    except (OSError, UnicodeError):
        pass
    else:
        refused[str(bad / "latin-\\xe9.yaml")] = "not valid UTF-8"
    return refused


def wake_pipe_readers(root: Path) -> None:
    """If a reader is stuck opening the pipe (the protection is gone), let it go, so that a
    failed test does not also hang the test run at its end."""
    with contextlib.suppress(OSError):  # no reader waiting: nothing to do
        os.close(os.open(root / "bad" / "pipe.yaml", os.O_WRONLY | os.O_NONBLOCK))


@pytest.fixture(scope="module")
def hostile_folder(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, dict[str, str]]]:
    root = tmp_path_factory.mktemp("hostile") / "packs"
    root.mkdir()
    refused = build_folder(root)
    yield root, refused
    wake_pipe_readers(root)
    unreadable = root / "bad" / "unreadable.yaml"
    if unreadable.exists():
        unreadable.chmod(0o600)  # so the temporary folder can be removed


def load_within(context: Context, seconds: float) -> Library:
    """Load the library on a thread, failing (not hanging) if it takes too long."""
    found: list[Library] = []
    loader = threading.Thread(target=lambda: found.append(context.load_library()), daemon=True)
    loader.start()
    loader.join(seconds)
    assert not loader.is_alive(), f"loading the packs took over {seconds} s (a hang?)"
    return found[0]


def test_hostile_folder_loads_what_it_can_and_refuses_the_rest(
    hostile_folder: tuple[Path, dict[str, str]],
) -> None:
    root, refused = hostile_folder
    library = load_within(Context.create([root]), 30)
    ids = {loaded.pack.id for loaded in library.packs}
    assert {f"tiny-{number:04d}" for number in range(TINY_PACKS)} <= ids
    assert "awkward" in ids
    assert "tiny-9999" in ids  # inside the folder named folder.yaml
    assert "refused" not in ids
    assert not any(str(loaded.path).count("again") > 1 for loaded in library.packs)
    by_path = {str(problem.path): problem.message for problem in library.errors}
    for path, words in refused.items():
        assert path in by_path, f"{path} is not listed among {sorted(by_path)}"
        assert words in by_path[path], by_path[path]
    # Nothing that reaches the screen or a terminal can drive it: no escape, no override,
    # no undecodable name, and each problem is one line (PATH:LINE:COL: MESSAGE).
    lines = [str(problem) for problem in library.errors]
    lines += [str(loaded.path) for loaded in library.packs]
    assert not [line for line in lines if "\n" in line or "\x1b" in line or "\u202e" in line]
    "".join(lines).encode("utf-8")  # raises if an undecodable name was left in
    assert entry_is_usable(library, "awkward-persona")
    awkward = library.pack("awkward")
    assert awkward is not None
    assert awkward.pack.questions[0].prompt == PROMPT


def entry_is_usable(library: Library, persona_id: str) -> bool:
    entry = library.persona(persona_id)
    return entry is not None and entry.usable


def rendered(widget: Widget) -> list[Strip]:
    """The widget's lines as drawn on the terminal (all of them, scrolled or not)."""
    width, height = widget.size.width, max(widget.virtual_size.height, widget.size.height)
    return list(widget.render_lines(Region(0, 0, width, height)))


def drawn_text(widget: Widget) -> str:
    """The widget's drawn lines joined without line breaks, so a folded word is whole."""
    return "".join(strip.text.rstrip() for strip in rendered(widget))


def assert_layout_intact(app: MockInterviewApp, *ids: str) -> None:
    """Header on top, footer at the bottom, the named widgets on screen and not squeezed
    out, and nothing wider than the terminal."""
    screen = app.screen
    width, height = SIZE
    whole = Region(0, 0, width, height)
    assert screen.query_one(Header).region.y == 0
    footer = screen.query_one(Footer)
    assert footer.region.y == height - 1 and footer.region.height == 1
    for name in ids:
        widget = screen.query_one(f"#{name}")
        region = widget.region
        assert region.width >= 10 and region.height >= 1, (name, region)
        assert whole.contains_region(region), (name, region)
        if widget.is_scrollable and not isinstance(widget, DataTable):  # tables may scroll
            assert widget.max_scroll_x == 0, f"#{name} scrolls sideways: a text did not wrap"
        assert all(strip.cell_length <= region.width for strip in rendered(widget)), name


async def test_hostile_folder_in_the_app_at_80x24(
    make_app: MakeApp, hostile_folder: tuple[Path, dict[str, str]]
) -> None:
    root, refused = hostile_folder
    try:
        await walk_the_hostile_folder(make_app, root, refused)
    finally:
        wake_pipe_readers(root)


async def walk_the_hostile_folder(make_app: MakeApp, root: Path, refused: dict[str, str]) -> None:
    app = make_app(Context.create([root]))
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(settle(app, pilot), 60)  # fails, not hangs, if loading does
        assert app.library is not None and app.is_running
        home = app.screen
        assert isinstance(home, HomeScreen)

        # Home counts the refusals; e lists them, on the pack browser's Problems tab.
        status = str(home.query_one("#status", Static).render())
        assert f"{len(app.library.errors)} problem(s) with packs: press e" in status
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PackBrowserScreen)
        assert app.screen.query_one(TabbedContent).active == "problems"
        problems = str(app.screen.query_one("#browser-problems", Static).render())
        for path in refused:
            assert path in problems, path
        assert "\x1b" not in problems and "\u202e" not in problems
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home

        # The awkward interviewer: every text literal, the long word folded, not cut.
        await choose_persona(app, pilot, "awkward-persona")
        detail = home.query_one("#persona-detail", Static)
        assert LONG_WORD in str(detail.render())
        assert MARKUP in str(detail.render())
        assert LONG_WORD in drawn_text(detail)
        assert_layout_intact(app, "personas", "persona-detail-box", "status")

        # The pack browser: the refusals on its Problems tab, the long texts in its detail.
        await pilot.press("b")
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, PackBrowserScreen)
        assert_layout_intact(app, "browser-status")
        listed = str(browser.query_one("#browser-problems", Static).render())
        for path in refused:
            assert path in listed, path
        packs = browser.query_one("#browser-packs", DataTable)
        row = next(
            index for index, loaded in enumerate(app.library.packs) if loaded.pack.id == "awkward"
        )
        packs.move_cursor(row=row)
        await pilot.pause()
        detail = browser.query_one("#browser-detail", Static)
        assert TITLE_WORD in str(detail.render())
        assert LONG_LINE in str(detail.render())
        await pilot.press("enter")  # to the pack's questions
        await pilot.pause()
        browser.show_question(0)
        await pilot.pause()
        text = str(detail.render())
        assert PROMPT.strip() in text
        assert SCRIPTS in text and MARKUP in text
        assert LONG_WORD in drawn_text(detail)
        assert_layout_intact(app, "browser-detail-box", "browser-questions")
        await pilot.press("e")
        await pilot.pause()
        assert_layout_intact(app, "browser-problems-box")
        await pilot.press("escape")
        await pilot.pause()

        # A session with it: the 2,000-character prompt leaves room to answer.
        assert isinstance(app.screen, HomeScreen)
        await choose_persona(app, pilot, "awkward-persona")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # prep -> greeting
        await pilot.pause()
        assert app.practice is not None
        while app.practice.session.step().question is None:
            await pilot.press("ctrl+s")
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        conversation = str(screen.query_one("#conversation", Static).render())
        assert PROMPT.strip() in conversation
        editor = screen.query_one("#answer", AnswerEditor)
        assert editor.region.height >= 3, editor.region
        assert_layout_intact(app, "conversation-box", "answer", "stage-bar")
        await burst(pilot, *"Fine")
        await pilot.pause()
        assert editor.text == "Fine"
        assert app.is_running


async def choose_persona(app: MockInterviewApp, pilot: Pilot[int], persona_id: str) -> None:
    options = app.screen.query_one("#personas", OptionList)
    options.focus()
    index = next(
        position
        for position in range(options.option_count)
        if options.get_option_at_index(position).id == persona_id
    )
    options.highlighted = index
    await pilot.pause()
