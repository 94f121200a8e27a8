"""Shared fixtures: every test runs with its own MOCK_INTERVIEW_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty home for data, config and cache, so no test touches the real ones."""
    folder = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(folder))
    return folder
