"""``mock-interview serve``: the app in a browser, from a page that loads nothing from outside.

The tests that start the server need the serve extra (textual-serve); they talk to it on
127.0.0.1 only. The others fake textual-serve, so they run without it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from simulator.cli import build_parser, main
from simulator.commands import serve
from simulator.services.context import Context

NEEDS_EXTRA = "textual-serve is not installed (pip install -e '.[serve]')"

PACK = """\
format: 1
id: served-pack
title: Served
kind: behavioral
questions:
  - id: q1
    prompt: Tell me about a time you helped a colleague.
personas:
  - id: served-interviewer
    name: Served Interviewer
    plan:
      - stage: questions
        packs: [served-pack]
"""


@dataclass
class Served:
    """A running ``mock-interview serve``."""

    port: int
    process: subprocess.Popen[str]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of ``url`` (always on 127.0.0.1)."""
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=10) as reply:
        return reply.status, reply.headers.get("Content-Type", ""), reply.read()


@contextlib.contextmanager
def serving(tmp_path: Path, folder: str = "mypacks") -> Iterator[Served]:
    """``mock-interview serve`` in a subprocess, on a free port, with an extra pack folder
    ``folder`` given as a relative path."""
    pytest.importorskip("textual_serve", reason=NEEDS_EXTRA)
    (tmp_path / folder).mkdir(parents=True)
    (tmp_path / folder / "served.yaml").write_text(PACK, encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "simulator", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--packs", folder],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = Served(port, process)
    try:
        wait_until_up(running)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def served(home: Path, tmp_path: Path) -> Iterator[Served]:
    """``mock-interview serve`` with the pack folder ``mypacks``."""
    with serving(tmp_path) as running:
        yield running


def test_a_pack_folder_named_like_markup_is_served(home: Path, tmp_path: Path) -> None:
    """textual-serve prints the command line it runs as Rich markup: a folder such as
    ``my[/b]packs`` stopped ``serve`` with a markup error before it listened."""
    with serving(tmp_path, "my[/b]packs") as running:
        status, _, _ = fetch(running.url())
        assert status == 200
        running.process.terminate()
        output, _ = running.process.communicate(timeout=20)
    assert "Serving" in output and "my[/b]packs" in "".join(output.split())  # wrapped
    assert "error" not in output.lower()


def wait_until_up(running: Served) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            output = running.process.stdout.read() if running.process.stdout else ""
            raise AssertionError(f"serve stopped: {output}")
        try:
            fetch(running.url())
        except OSError:
            time.sleep(0.2)
        else:
            return
    raise AssertionError("serve never answered")


class Addresses(HTMLParser):
    """Every address a page names: in attributes, in style sheets and in scripts."""

    ATTRIBUTES = frozenset({"src", "href", "action", "poster", "data", "srcset", "formaction"})

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in self.ATTRIBUTES:
                self.loaded.append(value)
            self.texts.append(value)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
ANY_URL = re.compile(r"""\b[a-z][a-z0-9+.-]*://[^\s'"<>)]*""", re.IGNORECASE)


def css_addresses(text: str) -> list[str]:
    return [first or second for first, second in CSS_URL.findall(text)]


def is_this_server(address: str, port: int) -> bool:
    """Relative (same host), or naming this server outright."""
    parts = urlsplit(address)
    if not parts.scheme and not parts.netloc:
        return True
    return parts.netloc == f"127.0.0.1:{port}" and parts.scheme in {"http", "ws"}


def test_the_page_names_no_other_host_and_its_files_are_served_here(served: Served) -> None:
    status, _, body = fetch(served.url())
    assert status == 200
    page = body.decode("utf-8")
    parser = Addresses()
    parser.feed(page)
    text = "\n".join(parser.texts)
    loaded = [*parser.loaded, *css_addresses(text)]
    assert loaded, "the page should load its script, style sheet and font"
    for address in [*loaded, *ANY_URL.findall(page)]:
        assert is_this_server(address, served.port), f"the page names {address!r}"
    assert "googleapis" not in page
    for address in loaded:
        status, kind, content = fetch(urljoin(served.url(), address))
        assert status == 200 and content, address
        if "css" in kind:
            for inner in css_addresses(content.decode("utf-8")):
                assert is_this_server(inner, served.port), f"{address} names {inner!r}"
                assert fetch(urljoin(served.url(address), inner))[0] == 200


async def test_the_served_app_uses_the_same_home_and_pack_folders(
    served: Served, home: Path
) -> None:
    aiohttp = pytest.importorskip("aiohttp", reason=NEEDS_EXTRA)
    listing = home / "cache" / "home-listing.json"
    async with (
        aiohttp.ClientSession() as client,
        client.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=100&height=30") as socket_,
    ):
        deadline = time.monotonic() + 45
        while not listing.is_file() and time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                await socket_.receive(timeout=0.5)  # the app's screen, as it draws
    assert listing.is_file(), "the app in the browser did not start in this home"
    assert "served-interviewer" in json.dumps(json.loads(listing.read_text("utf-8")))


# --- without a server ----------------------------------------------------------------------


@pytest.fixture
def fake_textual_serve(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """textual-serve replaced by a Server that records how it was made and serves nothing."""
    made: list[dict[str, Any]] = []

    class Console:
        def print(self, *objects: Any, **options: Any) -> None:
            made[-1].setdefault("printed", []).append((objects, options))

    class Server:
        def __init__(self, command: str, **options: Any) -> None:
            made.append({"command": command, **options})
            self.command = command
            self.console = Console()

        def serve(self, debug: bool = False) -> None:
            self.console.print(f"Serving {self.command!r} on http://localhost")
            self.console.print("\n[cyan]Press Ctrl+C to quit")
            made[-1]["served"] = True

    package, module = ModuleType("textual_serve"), ModuleType("textual_serve.server")
    module.Server = Server  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "textual_serve", package)
    monkeypatch.setitem(sys.modules, "textual_serve.server", module)
    return made


def test_the_host_is_this_computer_only_unless_asked(
    fake_textual_serve: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert main(["serve", "--port", "8123"]) == 0
    (made,) = fake_textual_serve
    assert made["host"] == "127.0.0.1" and made["port"] == 8123 and made["served"]
    # The command line is printed as plain text, the rest as textual-serve writes it.
    (serving, serving_options), (press, press_options) = made["printed"]
    assert serving[0].startswith("Serving ") and serving_options == {"markup": False}
    assert press == ("\n[cyan]Press Ctrl+C to quit",) and press_options == {}
    assert Path(made["templates_path"], "app_index.html").is_file()
    assert "warning" not in capsys.readouterr().err


def test_another_host_is_served_with_a_warning(
    fake_textual_serve: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", "0.0.0.0"]) == 0
    assert fake_textual_serve[0]["host"] == "0.0.0.0"
    assert "reachable from other computers" in capsys.readouterr().err


def test_the_served_command_carries_the_pack_folders_cache_and_home(
    fake_textual_serve: list[dict[str, Any]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", "relative-home")
    assert main(["--no-cache", "serve", "--packs", "mine"]) == 0
    command = fake_textual_serve[0]["command"]
    expected = [sys.executable, "-m", "simulator", "--no-cache", "--packs", str(tmp_path / "mine")]
    assert command == serve.shell_line(expected)
    # Each browser tab's app inherits the environment, with the home made absolute.
    assert os.environ["MOCK_INTERVIEW_HOME"] == str(tmp_path / "relative-home")


def test_app_arguments_keep_the_cache_when_it_is_on() -> None:
    context = Context(extra_pack_dirs=[], use_cache=True)
    assert serve.app_arguments(context, "python") == ["python", "-m", "simulator"]


def test_without_the_extra_one_line_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # makes the import fail
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert 'pip install "mock-interview[serve]"' in error


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_port_out_of_range_is_refused(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--port", port])
    assert stopped.value.code == 2
    assert "is not a port number" in capsys.readouterr().err
