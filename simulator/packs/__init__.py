"""Question packs: the format, the hardened loader, discovery, caching and resolution.

This package never imports Textual: the command line and tests use it without a UI.
"""

from simulator.packs.errors import PackError, Problem
from simulator.packs.library import (
    Library,
    LoadedPack,
    PackFolders,
    PersonaEntry,
    QuestionRef,
    load_library,
    stage_matches,
)
from simulator.packs.loader import load_pack, load_pack_text
from simulator.packs.records import FORMAT_VERSION, Pack, Persona, Question, Rubric, Stage

__all__ = [
    "FORMAT_VERSION",
    "Library",
    "LoadedPack",
    "Pack",
    "PackError",
    "PackFolders",
    "Persona",
    "PersonaEntry",
    "Problem",
    "Question",
    "QuestionRef",
    "Rubric",
    "Stage",
    "load_library",
    "load_pack",
    "load_pack_text",
    "stage_matches",
]
