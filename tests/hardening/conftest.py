"""Fixtures for the hardening tests: the app-driving helpers of tests/tui, shared.

Every test already runs with its own MOCK_INTERVIEW_HOME (the ``home`` fixture of
tests/conftest.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

TUI_TESTS = Path(__file__).resolve().parent.parent / "tui"
if str(TUI_TESTS) not in sys.path:
    sys.path.insert(0, str(TUI_TESTS))

from tui_helpers import START, clock, drive, make_app, open_session, settle  # noqa: E402

__all__ = ["START", "clock", "drive", "make_app", "open_session", "settle"]
