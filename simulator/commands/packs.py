"""``mock-interview packs ...``: list, validate, schema, new and install."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import TextIO

from simulator.commands.pack_checks import check_together
from simulator.commands.parsing import add_group
from simulator.common import locations
from simulator.common.safetext import one_line
from simulator.packs.cache import PackCache
from simulator.packs.discovery import find_pack_files
from simulator.packs.errors import PackError, Problem
from simulator.packs.library import Library, load_file
from simulator.packs.records import ID_PATTERN, KINDS, Kind, Pack
from simulator.packs.template import starter_pack
from simulator.services.context import Context

# What these commands print reaches the terminal through simulator.common.safetext.for_terminal
# (simulator.cli writes through TerminalStream); lines made of pack text are kept to one line.


def library_json(library: Library) -> dict[str, object]:
    """The stable JSON shape of ``packs list --json``."""
    return {
        "packs": [
            {
                "id": loaded.pack.id,
                "title": loaded.pack.title,
                "version": loaded.pack.version,
                "path": str(loaded.path),
                "source": loaded.source,
                "questions": loaded.kind_counts(),
                "personas": [persona.id for persona in loaded.pack.personas],
            }
            for loaded in library.packs
        ],
        "personas": [
            {
                "id": entry.persona.id,
                "name": entry.persona.name,
                "role": entry.persona.role,
                "pack": entry.pack_id,
                "usable": entry.usable,
                "reason": entry.reason,
                "notes": list(entry.notes),
            }
            for entry in library.personas
        ],
        "errors": [problem.to_json() for problem in library.errors],
        "shadowed": [
            {
                "kind": item.kind,
                "id": item.id,
                "path": str(item.path),
                "shadowed_path": str(item.shadowed_path),
            }
            for item in library.shadowed
        ],
    }


def print_library(library: Library, out: TextIO) -> None:
    """The installed packs, personas and problems as readable text."""
    out.write(f"Packs ({len(library.packs)}):\n")
    for loaded in library.packs:
        counts = ", ".join(f"{count} {kind}" for kind, count in loaded.kind_counts().items())
        out.write(
            f"  {loaded.pack.id} {loaded.pack.version} [{loaded.source}] "
            f"{counts or 'no questions'}\n    {loaded.path}\n"
        )
    out.write(f"\nPersonas ({len(library.personas)}):\n")
    for entry in library.personas:
        state = "ready" if entry.usable else f"cannot start: {entry.reason}"
        role = f", {one_line(entry.persona.role)}" if entry.persona.role else ""
        name = one_line(entry.persona.name)
        out.write(f"  {entry.persona.id}: {name}{role} ({one_line(state)})\n")
        for note in entry.notes:
            out.write(f"    note: {note}\n")
    if library.shadowed:
        out.write("\nReplaced by a later pack with the same id:\n")
        for item in library.shadowed:
            out.write(f"  {item}\n")
    if library.errors:
        out.write(f"\nLeft out because of errors ({len(library.errors)}):\n")
        for problem in library.errors:
            out.write(f"  {problem}\n")


def run_list(context: Context, args: argparse.Namespace) -> int:
    """Print what is installed."""
    library = context.load_library()
    if args.json:
        json.dump(library_json(library), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_library(library, sys.stdout)
    return 0


def load_paths(paths: list[Path]) -> tuple[int, list[tuple[Path, Pack]], list[Problem]]:
    """Every pack file under ``paths``: (files read, the packs that loaded, the problems)."""
    checked = 0
    seen: set[Path] = set()
    problems: list[Problem] = []
    packs: list[tuple[Path, Pack]] = []
    cache = PackCache(None)
    for path in paths:
        files, folder_problems = find_pack_files(path, "extra")
        problems.extend(folder_problems)
        if path.is_dir() and not files and not folder_problems:
            problems.append(Problem(path, 1, 1, "no pack files (*.yaml, *.yml) in this folder"))
        for pack_file in files:
            if pack_file.path.resolve() in seen:
                continue  # named twice, or a file inside a folder also named
            seen.add(pack_file.path.resolve())
            checked += 1
            try:
                packs.append((pack_file.path, load_file(pack_file, cache)))
            except PackError as error:
                problems.extend(error.problems)
    return checked, packs, problems


def validate_paths(
    paths: list[Path], installed: Library | None = None
) -> tuple[int, list[Problem], list[Problem]]:
    """Check every pack file under ``paths``, alone and as one installation with
    ``installed``: (files checked, problems, warnings)."""
    checked, packs, problems = load_paths(paths)
    findings = check_together(packs, installed if installed is not None else Library())
    return checked, [*problems, *findings.problems], findings.warnings


def run_validate(context: Context, args: argparse.Namespace) -> int:
    """Check pack files; exit 1 if any is invalid (warnings alone exit 0)."""
    checked, problems, warnings = validate_paths(
        [Path(path) for path in args.paths], context.load_library()
    )
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    for warning in warnings:
        sys.stdout.write(
            f"{warning.path}:{warning.line}:{warning.column}: warning: {warning.message}\n"
        )
    noted = f", {len(warnings)} warning(s)" if warnings else ""
    if problems:
        sys.stderr.write(f"{len(problems)} problem(s){noted} in {checked} file(s) checked\n")
        return 1
    sys.stderr.write(f"{checked} pack file(s) valid{noted}\n")
    return 0


def run_schema(context: Context, args: argparse.Namespace) -> int:
    """Print the JSON Schema."""
    # Imported here: the schema needs pydantic, which the other packs commands do not.
    from simulator.packs.schema import pack_schema_text

    sys.stdout.write(pack_schema_text())
    return 0


def run_new(context: Context, args: argparse.Namespace) -> int:
    """Write a starter pack."""
    import re

    if not re.fullmatch(ID_PATTERN, args.id) or len(args.id) > 64:
        sys.stderr.write(
            f"error: {args.id!r} is not a valid pack id: use lowercase letters, digits and "
            "single hyphens, such as data-analyst\n"
        )
        return 2
    kind: Kind = args.kind
    text = starter_pack(args.id, kind)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output) if args.output else Path(f"{args.id}.yaml")
    if target.exists() and not args.force:
        sys.stderr.write(f"error: {target} already exists; use --force to replace it\n")
        return 1
    target.write_text(text, encoding="utf-8")
    sys.stderr.write(
        f"Wrote {target}. Edit it, then check it with: mock-interview packs validate {target}\n"
    )
    return 0


def run_install(context: Context, args: argparse.Namespace) -> int:
    """Validate a pack file or folder, then copy each pack into the user's pack folder.

    Each pack is stored as ``<pack id>.yaml``, so installing a newer version of a pack
    replaces the older one, whatever its file or folder was called.
    """
    source = Path(args.path)
    if not source.exists():
        sys.stderr.write(f"error: {source} does not exist\n")
        return 1
    _checked, loaded, problems = load_paths([source])
    problems.extend(check_together(loaded, Library()).problems)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    if problems:
        sys.stderr.write("Nothing was installed: fix the problems above first.\n")
        return 1
    if not loaded:
        sys.stderr.write(f"error: no pack files in {source}\n")
        return 1
    packs = [(path, pack.id) for path, pack in loaded]
    packs_dir = locations.user_packs_dir()
    packs_dir.mkdir(parents=True, exist_ok=True)
    for path, pack_id in packs:
        target = packs_dir / f"{pack_id}.yaml"
        verb = "Replaced" if target.exists() else "Installed"
        shutil.copyfile(path, target)
        sys.stderr.write(f"{verb} {pack_id} as {target}\n")
    return 0


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``packs`` and its subcommands."""
    verbs = add_group(commands, common, "packs", "list, check, create and install question packs")

    listing = verbs.add("list", run_list, "show installed packs and personas")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")

    validate = verbs.add("validate", run_validate, "check pack files; exit 1 if any is invalid")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="pack files or folders")

    verbs.add("schema", run_schema, "print the pack JSON Schema")

    new = verbs.add("new", run_new, "write a commented starter pack")
    new.add_argument("id", help="the new pack's id, such as data-analyst")
    new.add_argument("--kind", choices=KINDS, default="behavioral", help="the questions' kind")
    new.add_argument("-o", "--output", help="where to write it (default ID.yaml; - for stdout)")
    new.add_argument("--force", action="store_true", help="replace an existing file")

    install = verbs.add("install", run_install, "validate a pack file or folder and install it")
    install.add_argument("path", help="a pack file, or a folder of packs")
