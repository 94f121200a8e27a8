"""Offline: nothing is fetched at run time, ever.

Every way out to the network (name lookups, connections, sockets other than the local
pairs asyncio uses, urllib, http.client, webbrowser) is watched while the app runs a session
and its other screens, and while every command runs; any attempt fails the test.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.tui.app import MockInterviewApp
from simulator.tui.screens.home import HomeScreen

from tui_helpers import open_session, settle

MakeApp = Callable[..., MockInterviewApp]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) every attempt to reach the network from this process."""
    attempts: list[str] = []

    def refuse(what: str) -> Callable[..., object]:
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(f"{what}{args[:2]}")
            raise OSError(f"offline test: {what} was called")

        return refused

    original_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if self.family == getattr(socket, "AF_UNIX", None):
            original_connect(self, address)  # local only
            return
        attempts.append(f"connect {address!r}")
        raise OSError("offline test: a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(name))
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", refuse("webbrowser.open"))
    return attempts


async def test_a_whole_session_and_every_screen_stay_offline(
    make_app: MakeApp, no_network: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where the Markdown export goes
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        practice = await open_session(app, pilot, "friendly-recruiter", phase="summary")
        await pilot.press("x")  # export to Markdown
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # finish
        await settle(app, pilot)
        assert practice.session.phase == "done"
        assert isinstance(app.screen, HomeScreen)
        for action in (
            app.action_history,
            app.action_browse_packs,
            app.action_progress,
            app.action_study_list,
            app.action_real_interviews,
            app.action_reminders,
            app.action_help,
        ):
            action()
            await app.workers.wait_for_complete()  # what each screen reads, it has read
            await pilot.pause()
            assert not isinstance(app.screen, HomeScreen)
            await pilot.press("escape")
    assert list(tmp_path.glob("mock-interview-*.md"))
    assert no_network == []


AUDIT = """
import sys

BLOCKED = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyaddr", "urllib.Request", "http.client.connect",
           "webbrowser.open", "ftplib.connect", "smtplib.connect")

def hook(event, args):
    if event in BLOCKED:
        if event == "socket.connect" and getattr(args[0], "family", None) == 1:
            return  # AF_UNIX: local
        sys.stderr.write(f"NETWORK {event} {args!r}\\n")
        raise OSError("offline test: " + event)

sys.addaudithook(hook)
from simulator.cli import main

for argv in (
    ["--version"],
    ["packs", "list", "--json"],
    ["packs", "validate", sys.argv[1]],
    ["packs", "schema"],
    ["packs", "new", "offline-check", "--kind", "technical"],
    ["log", "list", "--json"],
    ["log", "export", "--format", "json"],
):
    try:
        main(argv)
    except SystemExit:
        pass
"""


def test_every_command_stays_offline(home: Path, tmp_path: Path) -> None:
    from simulator.common import locations

    result = subprocess.run(
        [sys.executable, "-c", AUDIT, str(locations.builtin_packs_dir())],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MOCK_INTERVIEW_HOME": str(home)},
        timeout=120,
    )
    assert "NETWORK" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert '"packs"' in result.stdout  # the commands did run
