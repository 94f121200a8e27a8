"""The scrolling box that holds what the interviewer says."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import VerticalScroll


class Conversation(VerticalScroll):
    """What the interviewer said, scrollable; a click does not take the keyboard from the
    answer, so text typed after clicking the question still goes into the answer."""

    FOCUS_ON_CLICK: ClassVar[bool] = False
