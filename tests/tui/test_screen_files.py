"""One screen per file: each module holds at most one screen the user sees (a screen that
no other screen is built on; the bases, such as the journal lists', sit beside them)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

from textual.screen import Screen

import simulator.tui


def tui_modules() -> list[ModuleType]:
    """Every module of the TUI, imported."""
    found = []
    for info in pkgutil.walk_packages(simulator.tui.__path__, "simulator.tui."):
        found.append(importlib.import_module(info.name))
    return found


def screens_by_module() -> dict[str, list[type[Screen[object]]]]:
    """The screens each module defines that no other screen subclasses."""
    defined: list[type[Screen[object]]] = []
    for module in tui_modules():
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == module.__name__:
                defined.append(value)
    leaves = [
        cls for cls in defined if not any(o is not cls and issubclass(o, cls) for o in defined)
    ]
    by_module: dict[str, list[type[Screen[object]]]] = {}
    for cls in leaves:
        by_module.setdefault(cls.__module__, []).append(cls)
    return by_module


def test_each_module_holds_at_most_one_screen() -> None:
    crowded = {
        module: sorted(cls.__name__ for cls in classes)
        for module, classes in screens_by_module().items()
        if len(classes) > 1
    }
    assert not crowded


def test_the_screens_are_found() -> None:
    found = {cls.__name__ for classes in screens_by_module().values() for cls in classes}
    assert {"HomeScreen", "TopicPrompt", "PersonaChooser", "RealInterviewForm"} <= found
