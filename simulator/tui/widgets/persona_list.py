"""The home screen's interviewer list: grouped under track headings, keyboard first.

Headings are disabled options, so the cursor skips them; t moves to the next track. Text
from packs goes into :class:`~textual.content.Content` as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator.tui.home_cache import ListedPersona

if TYPE_CHECKING:
    from simulator.packs.records import Persona

GENERAL_TRACK = "General"
"""The heading of interviewers whose pack names no track (the core ones: recruiters,
managers, engineers, an informational chat)."""
INDENT = "  "
"""Names under a heading are indented, so headings stand out without colour."""
TRACK_PREFIX = "track:"
"""Heading options' ids start with this (persona ids cannot hold a colon)."""
CANNOT_START = ("(cannot start)", "italic $warning")
CHECKING = ("(checking…)", "italic dim")


def persona_option(
    persona: Persona, mark: tuple[str, str] | None = None, *, with_role: bool = True
) -> Option:
    """An interviewer read while packs still load: name, role and a mark."""
    return _option(persona.id, persona.name, persona.role if with_role else "", mark)


def _option(
    option_id: str, name: str, role: str, mark: tuple[str, str] | None, indent: str = ""
) -> Option:
    parts: list[str | tuple[str, str]] = [indent, (name, "bold")]
    if mark is not None:
        parts += ["  ", mark]
    if role:
        parts += ["\n", (role, "dim")]
    return Option(Content.assemble(*parts), id=option_id)


def track_label(track: str) -> str:
    """The heading an interviewer with this pack track is listed under."""
    return track.strip() or GENERAL_TRACK


def grouped(personas: Sequence[ListedPersona]) -> list[tuple[str, list[ListedPersona]]]:
    """Interviewers by track: the general one first, then the others alphabetically; within
    a track, the ones that can start first, in the packs' order."""
    tracks: dict[str, list[ListedPersona]] = {}
    for persona in personas:
        tracks.setdefault(track_label(persona.track), []).append(persona)
    order = sorted(tracks, key=lambda track: (track != GENERAL_TRACK, track.casefold()))
    return [(track, sorted(tracks[track], key=lambda item: not item.usable)) for track in order]


def heading_option(track: str) -> Option:
    """A track's heading: not selectable, so the cursor skips it."""
    return Option(Content.styled(track, "bold $accent"), id=TRACK_PREFIX + track, disabled=True)


def listing_options(personas: Sequence[ListedPersona]) -> list[Option]:
    """The whole list: under track headings, one line each, when there is more than one
    track (14 interviewers and 7 headings fit at 80x24 with a little scrolling); as name
    and role when there is one."""
    groups = grouped(personas)
    if len(groups) < 2:
        return [
            _option(item.id, item.name, item.role, None if item.usable else CANNOT_START)
            for _, members in groups
            for item in members
        ]
    options: list[Option] = []
    for track, members in groups:
        options.append(heading_option(track))
        options += [
            _option(item.id, item.name, "", None if item.usable else CANNOT_START, INDENT)
            for item in members
        ]
    return options


class PersonaList(OptionList):
    """The interviewer list. Enter with nothing listed yet asks for the first interviewer
    (the home screen starts it once the packs are loaded)."""

    class EnterWhileEmpty(Message):
        """Enter was pressed before any interviewer was listed."""

    def action_select(self) -> None:
        """Choose the highlighted interviewer, or ask for the first one."""
        if self.highlighted is None:
            self.post_message(self.EnterWhileEmpty())
            return
        super().action_select()

    def highlighted_id(self) -> str | None:
        """The id of the option under the cursor."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def next_track(self) -> None:
        """Move to the first interviewer of the next track (after the last, the first)."""
        starts = [
            index + 1
            for index in range(self.option_count - 1)
            if (self.get_option_at_index(index).id or "").startswith(TRACK_PREFIX)
        ]
        if starts:
            current = -1 if self.highlighted is None else self.highlighted
            self.highlighted = next((start for start in starts if start > current), starts[0])
