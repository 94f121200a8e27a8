"""Shared fixtures: every test runs with its own MOCK_INTERVIEW_HOME."""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Workers for ``-n auto``: one more than there are processors, since Pilot tests spend
    part of their time waiting on timers (on two cores: 3 min 40 s instead of 4 min 50 s)."""
    return (os.cpu_count() or 1) + 1


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


@pytest.fixture(autouse=True)
def home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty home for data, config and cache, so no test touches the real ones."""
    folder = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(folder))
    return folder
