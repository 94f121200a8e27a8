"""Focus for an app that starts without it, as it does in a browser.

Served with ``mock-interview serve``, Textual's web driver tells the app at once that it
has no focus, until the page says it has. A screen mounted meanwhile skips its automatic
focus, and Textual, when focus comes back, restores only a widget that had it before the
blur. So home (painted from the kept listing) would wait with nothing focused: arrows and
enter would do nothing until a click or tab. When the app gains focus with nothing focused,
the widget the screen would have focused by itself gets it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import App


def follow(app: App[Any]) -> None:
    """Watch ``app``'s focus from now on (call from its ``on_mount``)."""
    app.watch(app, "app_focus", partial(give_focus, app), init=False)


def give_focus(app: App[Any], has_focus: bool) -> None:
    """When the app has focus and its screen nothing focused, focus the screen's first
    widget for automatic focus (its ``AUTO_FOCUS``, or the app's)."""
    if not has_focus:
        return
    screen = app.screen
    if screen.focused is not None:
        return
    selector = app.AUTO_FOCUS if screen.AUTO_FOCUS is None else screen.AUTO_FOCUS
    if not selector:
        return
    for widget in screen.query(selector):
        if widget.focusable:
            screen.set_focus(widget, scroll_visible=False)
            return
