"""Fixtures for app tests; the driving helpers live in tui_helpers (importable by tests)."""

from __future__ import annotations

from tui_helpers import START, clock, drive, make_app, open_session, settle, utc

__all__ = ["START", "clock", "drive", "make_app", "open_session", "settle", "utc"]
