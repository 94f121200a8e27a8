"""Turning plain text from packs and errors into display content, never markup."""

from __future__ import annotations

from textual.content import Content


def plain(text: str) -> Content:
    """Text shown exactly as written: brackets and all."""
    return Content(text)


def styled(text: str, style: str) -> Content:
    """Text shown exactly as written, in one style from our own code."""
    return Content.assemble((text, style))
