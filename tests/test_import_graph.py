"""The import graph of simulator/, read from the source with ``ast``: no module imports its
way back to itself (package ``__init__`` re-exports aside), and only the command line
imports the app."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "simulator"


def modules() -> dict[str, tuple[Path, bool]]:
    """Every module's dotted name, with its file and whether it is a package ``__init__``."""
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts = parts[:-1]
        found[".".join(parts)] = (path, package)
    return found


def imported_names(name: str, path: Path, package: bool) -> set[str]:
    """What a module imports, as dotted names (``from a import b`` gives ``a`` and ``a.b``),
    at run time or for the type checker alike."""
    here = name if package else name.rsplit(".", 1)[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Module → the modules of simulator/ it imports, leaving out imports of packages
    (an ``__init__`` that re-exports its modules would close a loop with each)."""
    found = modules()
    return {
        name: {
            other
            for other in imported_names(name, path, package)
            if other in found and other != name and not found[other][1]
        }
        for name, (path, package) in found.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_graph_is_read_whole() -> None:
    graph = import_graph()
    assert "simulator.tui.app" in graph
    assert "simulator.tui.host" in graph["simulator.tui.screens.session_screen"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_its_way_back_to_itself() -> None:
    assert cycles(import_graph()) == []


def test_only_the_command_line_imports_the_app() -> None:
    importers = sorted(
        name for name, imported in import_graph().items() if "simulator.tui.app" in imported
    )
    # Screens reach the app through simulator.tui.host's typed interface instead.
    assert importers == ["simulator.cli"]
