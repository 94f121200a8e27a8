"""Shared fixtures: every test runs with its own MOCK_INTERVIEW_HOME."""

from __future__ import annotations

import faulthandler
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Workers for ``-n auto``: two a processor, since a Pilot test spends about half its
    time waiting for the app to go idle (on two cores: 3 min 46 s with four workers, 4 min
    6 s with three)."""
    return 2 * (os.cpu_count() or 1)


TEST_TIME_LIMIT = 180.0
"""Seconds one test may take before its worker prints every thread's stack and exits.

A test that hangs (a Pilot test waiting on a worker that never ends, say) would otherwise hold
CI until its own time limit, with nothing saying which test it was. pytest-xdist reports the
exit as a crash of that test and carries on with a new worker."""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    faulthandler.dump_traceback_later(TEST_TIME_LIMIT, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "cold_cache: the test's home starts with no parsed packs in its cache"
    )


@pytest.fixture(scope="session")
def warm_pack_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding every built-in pack, parsed once for the whole run.

    A cold start parses and checks 1.4 MB of YAML (about 70 ms more than a start from the
    cache), and the suite starts the app about a thousand times, each in a new home.
    """
    from simulator.services.context import Context

    folder = tmp_path_factory.mktemp("warm-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOCK_INTERVIEW_HOME", str(folder))
        Context.create().load_library()
    return folder / "cache"


@pytest.fixture(autouse=True)
def home(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """A fresh home for data, config and cache, so no test touches the real ones.

    Its cache already holds the built-in packs, as a user's does after the first start,
    unless the test is marked ``cold_cache``: the cache is checked against each file, so a
    pack a test changes or adds is parsed as usual.
    """
    folder = tmp_path_factory.mktemp("home")
    if request.node.get_closest_marker("cold_cache") is None:
        shutil.copytree(request.getfixturevalue("warm_pack_cache"), folder / "cache")
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(folder))
    return folder
