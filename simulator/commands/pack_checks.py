"""Checks that span several pack files: what ``packs validate`` and ``packs install`` see
when they look at the given files as one installation would.

A pack file can be valid alone and still clash with the others: two files with the same
pack id or persona id cannot be installed together, and a persona whose id matches an
installed one hides it. A persona whose questions stage matches no question among the
installed packs and the files given cannot be started, and a closing that a later one for
the same kind of session replaces is never said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from simulator.packs.errors import PackError, Problem
from simulator.packs.library import Library, LoadedPack, stage_label
from simulator.packs.records import Pack, Persona, Stage
from simulator.packs.yamlread import PathKey, Tree, parse, read_text


@dataclass
class Findings:
    """What the cross-file checks found."""

    problems: list[Problem] = field(default_factory=list)
    """Clashes that stop the files being installed together."""
    warnings: list[Problem] = field(default_factory=list)
    """Things worth knowing that do not stop anything."""


class _Marks:
    """Where fields are in the given files, read again only when a finding needs it."""

    def __init__(self) -> None:
        self._trees: dict[Path, Tree | None] = {}

    def at(self, path: Path, where: PathKey, message: str) -> Problem:
        if path not in self._trees:
            try:
                self._trees[path] = parse(path, read_text(path), record=True)
            except PackError:
                self._trees[path] = None
        tree = self._trees[path]
        line, column = tree.mark(where) if tree is not None else (1, 1)
        return Problem(path, line, column, message)


def _same(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first == second


def _clashes(given: Sequence[LoadedPack], marks: _Marks, findings: Findings) -> None:
    """Two given files with the same pack id, or the same persona id."""
    packs: dict[str, Path] = {}
    personas: dict[str, Path] = {}
    for loaded in given:
        pack, path = loaded.pack, loaded.path
        if pack.id in packs:
            findings.problems.append(
                marks.at(
                    path,
                    ("id",),
                    f"id: the pack id {pack.id} is also used by {packs[pack.id]}; one "
                    "installation holds one pack per id, so only one of them would be used",
                )
            )
            continue
        packs[pack.id] = path
        for index, persona in enumerate(pack.personas):
            if persona.id in personas:
                findings.problems.append(
                    marks.at(
                        path,
                        ("personas", index, "id"),
                        f"personas[{index}].id: the persona id {persona.id} is also used by "
                        f"{personas[persona.id]}; persona ids are unique across installed "
                        "packs",
                    )
                )
            else:
                personas[persona.id] = path


def _shadowing(
    given: Sequence[LoadedPack], installed: Library, marks: _Marks, findings: Findings
) -> None:
    """Given personas (and packs) that would hide installed ones of the same id."""
    given_ids = {loaded.pack.id for loaded in given}
    given_paths = [loaded.path for loaded in given]
    for loaded in given:
        other = installed.pack(loaded.pack.id)
        if (
            other is not None
            and other.source == "built-in"
            and not any(_same(other.path, path) for path in given_paths)
        ):
            findings.warnings.append(
                marks.at(
                    loaded.path,
                    ("id",),
                    f"id: the pack id {loaded.pack.id} is the built-in pack's in {other.path}; "
                    "installed, this pack replaces it",
                )
            )
        for index, persona in enumerate(loaded.pack.personas):
            entry = installed.persona(persona.id)
            if (
                entry is None
                or entry.pack_id in given_ids  # that pack is replaced by a given one
                or any(_same(entry.path, path) for path in given_paths)
            ):
                continue
            findings.warnings.append(
                marks.at(
                    loaded.path,
                    ("personas", index, "id"),
                    f"personas[{index}].id: the persona id {persona.id} is already used by "
                    f"{entry.path} (pack {entry.pack_id}); installed, this persona replaces "
                    "that one",
                )
            )


def _repeated_closings(given: Sequence[LoadedPack], marks: _Marks, findings: Findings) -> None:
    """A persona with two closings for the same kind of session: only the last is said."""
    for loaded in given:
        for index, persona in enumerate(loaded.pack.personas):
            last: dict[str, int] = {}
            for position, closing in enumerate(persona.closings):
                last[closing.when] = position
            for position, closing in enumerate(persona.closings):
                if last[closing.when] != position:
                    findings.warnings.append(
                        marks.at(
                            loaded.path,
                            ("personas", index, "closings", position, "when"),
                            f"personas[{index}].closings[{position}].when: {persona.id} has "
                            f"another closing for {closing.when} sessions after this one, "
                            "and only the last is said",
                        )
                    )


def _together(given: Sequence[LoadedPack], installed: Library) -> Library:
    """The installation the given files would make: installed packs, then the given ones
    (each replacing an installed pack of the same id)."""
    given_ids = {loaded.pack.id for loaded in given}
    kept = [loaded for loaded in installed.packs if loaded.pack.id not in given_ids]
    first: dict[str, LoadedPack] = {}
    for loaded in given:
        first.setdefault(loaded.pack.id, loaded)
    return Library(packs=[*kept, *first.values()])


def _stage_findings(library: Library, stage: Stage) -> list[tuple[PathKey, str]]:
    """What is wrong with what a questions stage draws: (where under the stage, message)."""
    found = library.matching(stage)
    if not found:
        return [((), "matches no question among the installed packs and the files given")]
    faults: list[tuple[PathKey, str]] = []
    if len(found) < stage.count:
        faults.append(
            ((), f"asks {stage.count} question(s) but only {len(found)} match, so it asks fewer")
        )
    if len(stage.tags) > 1:
        for index, tag in enumerate(stage.tags):
            folded = tag.casefold()
            if not any(folded in (own.casefold() for own in ref.tags) for ref in found):
                faults.append(
                    (
                        ("tags", index),
                        f"never draws on its tag {tag}: no question that fits the stage has it",
                    )
                )
    return faults


def _coverage(
    given: Sequence[LoadedPack], library: Library, marks: _Marks, findings: Findings
) -> None:
    """Given personas whose questions stages draw nothing, or less than they promise."""
    for loaded in given:
        for index, persona in enumerate(loaded.pack.personas):
            _persona_coverage(loaded.path, index, persona, library, marks, findings)


def _persona_coverage(
    path: Path,
    index: int,
    persona: Persona,
    library: Library,
    marks: _Marks,
    findings: Findings,
) -> None:
    for position, stage in enumerate(persona.plan):
        if stage.stage != "questions":
            continue
        where: PathKey = ("personas", index, "plan", position)
        for under, message in _stage_findings(library, stage):
            name = f"personas[{index}].plan[{position}]"
            if under:
                name += f".tags[{under[1]}]"
            text = f"{name}: {persona.id}'s {stage_label(position, stage)} {message}"
            if not under and "no question" in message:
                text += "; this interviewer cannot be started"
            findings.warnings.append(marks.at(path, (*where, *under), text))


def check_together(given: Sequence[tuple[Path, Pack]], installed: Library) -> Findings:
    """Check valid pack files as one installation: clashes between them are problems;
    hiding an installed persona, or a stage that draws nothing, are warnings."""
    loaded = [LoadedPack(pack, path, "extra") for path, pack in given]
    findings = Findings()
    marks = _Marks()
    _clashes(loaded, marks, findings)
    _shadowing(loaded, installed, marks, findings)
    _repeated_closings(loaded, marks, findings)
    _coverage(loaded, _together(loaded, installed), marks, findings)
    return findings
