"""How an interviewer is introduced on screen: the name with the role, and a panel's members."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.packs.records import Persona


def persona_heading(persona: Persona) -> str:
    """ "Priya, senior engineer": the name, then the role when there is one."""
    return persona.name + (f", {persona.role}" if persona.role else "")


def panel_members(persona: Persona) -> str:
    """A panel's members, each with their role, in one line ("" for no panel)."""
    return ", ".join(
        member.name + (f" ({member.role})" if member.role else "")
        for member in persona.panel or ()
    )
