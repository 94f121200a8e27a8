"""The heading over one part of a screen: our own words in bold accent, never markup."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def heading(
    text: str, note: str = "", *, id: str | None = None, classes: str | None = None
) -> Static:
    """``text`` as a heading, followed by a dim ``note`` when there is one."""
    parts = [(text, "bold $accent")]
    if note:
        parts.append((note, "dim"))
    return Static(Content.assemble(*parts), id=id, classes=classes, markup=False)
