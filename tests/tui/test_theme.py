"""The chosen theme is kept in the settings file and used at the next start."""

from __future__ import annotations

import json
from collections.abc import Callable

from simulator.common import locations
from simulator.tui.app import MockInterviewApp

from tui_helpers import settle

MakeApp = Callable[..., MockInterviewApp]


async def test_theme_is_saved_and_used_next_time(make_app: MakeApp) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pack_folders": [], "future_key": 1}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme != "nord"
        app.theme = "nord"
        await pilot.pause()
        await app.workers.wait_for_complete()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["theme"] == "nord"
    assert saved["future_key"] == 1  # the rest of the file is kept

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_nothing_is_written_when_the_theme_does_not_change(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
    assert not locations.config_file().exists()


async def test_an_unknown_theme_in_the_settings_is_ignored(make_app: MakeApp) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"theme": "no-such-theme"}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme != "no-such-theme"
    assert json.loads(path.read_text(encoding="utf-8"))["theme"] == "no-such-theme"


async def test_an_unreadable_settings_file_is_not_overwritten(make_app: MakeApp) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == "{not json"
