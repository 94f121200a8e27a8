"""The interviewer list kept from the last start: painted at once, ignored when in doubt."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from simulator.packs.library import Library
from simulator.services.context import Context
from simulator.tui import home_cache
from simulator.tui.app import MockInterviewApp, create_app
from simulator.tui.home_cache import ListedPersona

PACK = """\
format: 1
id: extra-pack
title: Extra
kind: behavioral
questions:
  - id: q1
    prompt: Tell me about a time you helped a colleague.
personas:
  - id: extra-interviewer
    name: Extra Interviewer
    track: Data analytics
    plan:
      - stage: questions
        packs: [extra-pack]
"""


def names(app: MockInterviewApp) -> list[str]:
    options = app.screen.query_one("#personas", OptionList)
    found = [options.get_option_at_index(i) for i in range(options.option_count)]
    return [str(option.prompt) for option in found if not option.disabled]


async def start_once(context: Context) -> list[str]:
    """Run the app until its packs are loaded and its listing is written."""
    app = create_app(context)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if app.library is not None and home_cache.listing_file().is_file():
                break
        await app.workers.wait_for_complete()
        return names(app)


async def first_frame_names(
    context: Context, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], list[str]]:
    """The interviewers listed while the packs are held back, then once they are in."""
    release = threading.Event()
    original = Context.load_library

    def held(self: Context, on_pack: Any = None) -> Library:
        release.wait(20)
        return original(self, on_pack=on_pack)

    monkeypatch.setattr(Context, "load_library", held)
    app = create_app(context)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.library is None
            early = names(app)
            release.set()
            for _ in range(200):
                await pilot.pause(0.02)
                if app.library is not None:
                    break
            await pilot.pause()
            return early, names(app)
    finally:
        release.set()


async def test_the_next_start_lists_the_interviewers_before_the_packs_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "extra.yaml").write_text(PACK, encoding="utf-8")
    loaded = await start_once(Context.create([folder]))
    assert any("Extra Interviewer" in name for name in loaded)
    early, later = await first_frame_names(Context.create([folder]), monkeypatch)
    assert early == loaded == later
    assert not any("checking" in name for name in early)


async def test_a_changed_pack_file_means_the_list_waits_for_the_packs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    pack = folder / "extra.yaml"
    pack.write_text(PACK, encoding="utf-8")
    await start_once(Context.create([folder]))
    pack.write_text(PACK.replace("Extra Interviewer", "Renamed Interviewer"), encoding="utf-8")
    early, later = await first_frame_names(Context.create([folder]), monkeypatch)
    assert early == []
    assert any("Renamed Interviewer" in name for name in later)


async def test_without_the_cache_the_kept_list_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await start_once(Context.create())
    early, later = await first_frame_names(Context.create(use_cache=False), monkeypatch)
    assert early == [] and later


def test_a_file_added_removed_or_touched_changes_the_state(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    before = home_cache.folders_state([tmp_path])
    assert before == home_cache.folders_state([tmp_path])
    (tmp_path / ".hidden").write_text("changed", encoding="utf-8")
    assert home_cache.folders_state([tmp_path]) == before  # hidden files are not packs
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.yml").write_text("x", encoding="utf-8")
    added = home_cache.folders_state([tmp_path])
    assert added != before
    os.utime(tmp_path / "b" / "c.yml", ns=(1, 1))
    assert home_cache.folders_state([tmp_path]) != added


def test_a_damaged_or_foreign_listing_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "listing.json"
    state = home_cache.folders_state([tmp_path / "packs"])
    persona = ListedPersona("p", "Pat", "Lead", "", True, (("Pat", "bold"), ("\n", "")))
    home_cache.write_listing(path, state, [persona])
    assert home_cache.read_listing(path, state) == [persona]
    assert home_cache.read_listing(path, [["elsewhere"]]) is None
    text = path.read_text("utf-8")
    for damaged in (text[:-5], "[]", text.replace('"usable":true', '"usable":1'), "{}"):
        path.write_text(damaged, encoding="utf-8")
        found = home_cache.read_listing(path, state)
        assert found is None or not found[0].usable
    path.write_text(text.replace('"details":[', '"details":[[1],'), encoding="utf-8")
    assert home_cache.read_listing(path, state) is None


def test_the_folders_are_the_ones_the_packs_are_loaded_from(tmp_path: Path) -> None:
    context = Context.create([tmp_path / "one", tmp_path / "two"])
    context.config.pack_folders = [str(tmp_path / "configured")]
    folders = context.pack_folders()
    expected = [folders.builtin, folders.user, *folders.extra]
    assert home_cache.pack_folder_paths(context) == expected
