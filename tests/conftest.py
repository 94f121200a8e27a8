"""Shared fixtures: every test runs with its own MOCK_INTERVIEW_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Workers for ``-n auto``: one more than there are processors, since Pilot tests spend
    part of their time waiting on timers (on two cores: 3 min 40 s instead of 4 min 50 s)."""
    return (os.cpu_count() or 1) + 1


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty home for data, config and cache, so no test touches the real ones."""
    folder = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(folder))
    return folder
