"""Every key a footer shows is in the key table (simulator/tui/keys.py), and says the same.

The footer shows a screen's bindings with ``show=True``: its own, its base classes' (Textual
merges them along the MRO, ``inherit_bindings=False`` cutting the chain), those of the
focused widget, and the app's. They are read here statically, from the classes, the way
Textual merges them (``DOMNode._merge_bindings``). A screen's ``check_action`` only hides a
binding (``False``) or dims it (``None``); it never shows one that is ``show=False`` or adds
a key, so the static ``show=True`` bindings are every key any footer state can show, and
all of them are checked.

Keys are compared after normalising both sides:

* a binding's ``"f1,question_mark"`` is two keys (Textual splits on commas);
* Textual's names are written as the table writes them: ``question_mark`` is ``?``;
* a table key ``"a/b"`` is the keys ``a`` and ``b`` (``up/down``, ``pageup/pagedown``,
  ``home/end``, ``0/backspace``, ``delete/backspace``);
* a table key ``"1-5"`` is the digits ``1`` to ``5``;
* keys named in the description as ``"(f1 and ? too)"`` or ``"(enter too)"`` are keys of
  that row as well.

Where a key is looked up: the screen's own place first, then (for the screens of a practice
session) :data:`SESSION`, then :data:`EVERYWHERE`; the first place whose rows list the key
is the one that describes it there (a place's own row overrides the general one, as on the
help screen).

"Agrees" means: every word of the footer's label, apart from little words such as "a" or
"the", is in the description of one of those rows, a word counting as there when the two
share their first five letters (or all of the shorter one): "Clarify" agrees with "Ask for
clarification", "Criteria" with "Trends per rubric criterion", "Snooze a week" with "Snooze
it for a week" but not with "Snooze it for a day". Labels are only compared on screens that
have a footer: a modal without one (confirm, error, help...) never shows its labels, so
only its keys are checked.

Every binding, shown or not, has an id (the name a ``keymap`` in config.json gives it
other keys by), and that id is one of those of the row that describes its key; every id
in the table belongs to a binding. And no action is reachable only through keys a web
browser keeps for itself (:data:`BROWSER_KEYS`).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from types import ModuleType

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

import simulator.tui.screens
import simulator.tui.widgets
from simulator.tui.app import MockInterviewApp
from simulator.tui.keys import (
    BINDING_IDS,
    BROWSER_KEYS,
    EVERYWHERE,
    FOLLOW_UP,
    FOLLOW_UPS,
    HELP,
    HISTORY,
    HOME,
    INTERVIEW,
    KEYS,
    PACK_BROWSER,
    PROGRESS,
    REAL_INTERVIEWS,
    REFLECTION,
    SELF_SCORE,
    SESSION,
    SESSION_VIEW,
    STUDY_LIST,
    SUMMARY,
    KeyHelp,
)

SCREEN_PLACES: dict[str, tuple[str, ...]] = {
    "screens.command_palette.SafeCommandPalette": (),
    "screens.confirm.ConfirmScreen": (),
    "screens.error.ErrorScreen": (),
    "screens.follow_up.FollowUpScreen": (FOLLOW_UP, SESSION),
    "screens.help.HelpScreen": (HELP,),
    "screens.history.HistoryScreen": (HISTORY,),
    "screens.home.HomeScreen": (HOME,),
    "screens.interview.InterviewScreen": (INTERVIEW, SESSION),
    "screens.pack_browser.PackBrowserScreen": (PACK_BROWSER,),
    "screens.prep.PrepScreen": (SESSION,),
    "screens.persona_chooser.PersonaChooser": (PROGRESS,),
    "screens.progress.ProgressScreen": (PROGRESS,),
    "screens.real_interview.RealInterviewsScreen": (REAL_INTERVIEWS,),
    "screens.real_interview_form.RealInterviewForm": (REAL_INTERVIEWS,),
    "screens.reflection.ReflectionScreen": (REFLECTION, SESSION),
    "screens.reminders.RemindersScreen": (FOLLOW_UPS,),
    "screens.self_score.SelfScoreScreen": (SELF_SCORE, SESSION),
    "screens.session_screen.SessionScreen": (SESSION,),
    "screens.session_view.SessionViewScreen": (SESSION_VIEW,),
    "screens.study_list.StudyListScreen": (STUDY_LIST,),
    "screens.topic_prompt.TopicPrompt": (STUDY_LIST,),
    "screens.summary.SummaryScreen": (SUMMARY, SESSION),
}
"""Every screen and modal class in simulator/tui/screens/, by module and name, to the places
whose keys it shows, most specific first (:data:`EVERYWHERE` always comes last). Modals
opened from anywhere (confirm, error, the command palette) have only :data:`EVERYWHERE`."""

WIDGET_SCREENS: dict[str, str] = {
    "screens.follow_up.ReminderTable": "screens.follow_up.FollowUpScreen",
    "screens.reflection.TopicList": "screens.reflection.ReflectionScreen",
    "screens.self_score.RubricPane": "screens.self_score.SelfScoreScreen",
}
"""Widgets with keys shown in the footer (when they have the focus), to the screen they sit
on: their keys are that screen's."""

SHOWN_AS = {"question_mark": "?"}
"""Textual key names the table writes differently."""

LITTLE_WORDS = frozenset(
    {"a", "an", "the", "to", "of", "and", "or", "it", "its", "this", "in", "on", "for", "too"}
)
"""Words a label may have that its row need not."""

TOO = re.compile(r"\(([^()]*?) too\)")
"""Keys a row's description names as working too: "(f1 and ? too)"."""


def short_name(cls: type) -> str:
    return cls.__module__.removeprefix("simulator.tui.") + "." + cls.__qualname__


def modules(package: ModuleType) -> list[ModuleType]:
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]


def classes_in(package: ModuleType) -> dict[str, type]:
    """The classes each module of ``package`` defines (not the ones it imports)."""
    found: dict[str, type] = {}
    for module in modules(package):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                found[short_name(cls)] = cls
    return found


SCREENS = {
    name: cls for name, cls in classes_in(simulator.tui.screens).items() if issubclass(cls, Screen)
}
WIDGETS = {
    name: cls
    for package in (simulator.tui.screens, simulator.tui.widgets)
    for name, cls in classes_in(package).items()
    if issubclass(cls, Widget) and not issubclass(cls, Screen)
}


def shown_bindings(cls: type[DOMNode]) -> list[tuple[str, Binding]]:
    """(key, binding) for each binding of ``cls`` a footer shows, merged along the MRO as
    Textual merges them; a binding of several keys comes once per key."""
    merged = cls._merge_bindings()
    return [
        (key, binding)
        for key, bindings in merged.key_to_bindings.items()
        for binding in bindings
        if binding.show
    ]


def has_footer(cls: type[Screen[object]]) -> bool:
    """Whether the screen composes a footer (Textual's or :class:`KeyFooter`)."""
    return "Footer(" in inspect.getsource(cls.compose)


def row_keys(entry: KeyHelp) -> set[str]:
    """The keys one row of the table stands for (see the module docstring)."""
    keys: set[str] = set()
    for part in entry.key.split("/"):
        if span := re.fullmatch(r"(\d)-(\d)", part):
            keys.update(str(digit) for digit in range(int(span[1]), int(span[2]) + 1))
        else:
            keys.add(part)
    for also in TOO.findall(entry.what):
        keys.update(re.split(r",\s*|\s+and\s+", also))
    return keys


def words(text: str) -> list[str]:
    return [word for word in re.findall(r"[a-z0-9]+", text.lower()) if word not in LITTLE_WORDS]


def same_word(one: str, other: str) -> bool:
    length = min(len(one), len(other), 5)
    return one[:length] == other[:length]


def agrees(label: str, what: str) -> bool:
    """Whether every word of the footer's ``label`` is in the row's ``what``."""
    said = words(what)
    return all(any(same_word(word, there) for there in said) for word in words(label))


def check(owner: str, cls: type[DOMNode], places: tuple[str, ...], labels: bool) -> list[str]:
    """What is wrong with the footer keys of ``cls``, shown in ``places``."""
    problems = []
    for key, binding in shown_bindings(cls):
        shown = SHOWN_AS.get(key, key)
        for place in (*places, EVERYWHERE):
            rows = [entry for entry in KEYS if entry.where == place and shown in row_keys(entry)]
            if rows:
                break
        else:
            problems.append(f"{owner}: {shown!r} ({binding.description}) is not in the table")
            continue
        if labels and not any(agrees(binding.description, row.what) for row in rows):
            said = " / ".join(repr(row.what) for row in rows)
            problems.append(
                f"{owner}: {shown!r} says {binding.description!r}, the table ({place}): {said}"
            )
    return problems


def test_every_screen_and_widget_with_footer_keys_has_a_place() -> None:
    assert set(SCREENS) == set(SCREEN_PLACES), "map new screens in SCREEN_PLACES"
    with_keys = {name for name, cls in WIDGETS.items() if shown_bindings(cls)}
    assert with_keys == set(WIDGET_SCREENS), "map widgets with footer keys in WIDGET_SCREENS"


def test_footers_are_found() -> None:
    """The label check relies on spotting a footer in ``compose``."""
    with_footer = {name for name, cls in SCREENS.items() if has_footer(cls)}
    assert "screens.home.HomeScreen" in with_footer
    assert "screens.confirm.ConfirmScreen" not in with_footer
    assert all(has_footer(SCREENS[screen]) for screen in WIDGET_SCREENS.values())


@pytest.mark.parametrize("name", sorted(SCREEN_PLACES))
def test_screen_footer_keys_are_in_the_table(name: str) -> None:
    screen = SCREENS[name]
    problems = check(name, screen, SCREEN_PLACES[name], has_footer(screen))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(WIDGET_SCREENS))
def test_widget_footer_keys_are_in_the_table(name: str) -> None:
    host = WIDGET_SCREENS[name]
    problems = check(name, WIDGETS[name], SCREEN_PLACES[host], has_footer(SCREENS[host]))
    assert not problems, "\n".join(problems)


def test_app_footer_keys_are_in_the_table() -> None:
    """The app's keys show on every screen; the footer also shows the palette's key."""
    problems = check("app", MockInterviewApp, (), labels=True)
    assert not problems, "\n".join(problems)
    palette = SHOWN_AS.get(MockInterviewApp.COMMAND_PALETTE_BINDING)
    palette = palette or MockInterviewApp.COMMAND_PALETTE_BINDING
    assert any(
        palette in row_keys(entry) and agrees("palette", entry.what)
        for entry in KEYS
        if entry.where == EVERYWHERE
    )


def all_bindings(cls: type[DOMNode]) -> list[tuple[str, Binding]]:
    """(key, binding) for every binding of ``cls`` written in simulator/, shown or not,
    merged along the MRO (Textual's own, such as a list's arrows, are left out)."""
    ours = [
        binding
        for base in cls.__mro__
        if base.__module__.startswith("simulator.")
        for binding in base.__dict__.get("BINDINGS", [])
    ]
    merged = cls._merge_bindings()
    return [
        (key, binding)
        for key, bindings in merged.key_to_bindings.items()
        for binding in bindings
        if any(same_binding(binding, our_binding) for our_binding in ours)
    ]


def same_binding(one: Binding, written: Binding) -> bool:
    """Whether ``one`` (a single key) comes from ``written`` (which may list several)."""
    keys = [key.strip() for key in written.key.split(",")]
    return one.key in keys and one.action == written.action and one.id == written.id


def rows_for(key: str, places: tuple[str, ...]) -> list[KeyHelp]:
    """The rows describing ``key`` where it is bound: the first place that lists it."""
    shown = SHOWN_AS.get(key, key)
    for place in (*places, EVERYWHERE):
        rows = [entry for entry in KEYS if entry.where == place and shown in row_keys(entry)]
        if rows:
            return rows
    return []


def id_problems(owner: str, cls: type[DOMNode], places: tuple[str, ...]) -> list[str]:
    """Bindings of ``cls`` without an id, or with one its row does not name."""
    problems = []
    for key, binding in all_bindings(cls):
        if cls is MockInterviewApp and binding.system:
            continue  # Textual's own (ctrl+c explains how to quit)
        ids = {found for row in rows_for(key, places) for found in row.ids}
        if binding.id is None:
            problems.append(f"{owner}: {key!r} ({binding.action}) has no id")
        elif binding.id not in ids:
            problems.append(f"{owner}: {key!r} has id {binding.id!r}, the table {sorted(ids)}")
    return problems


def owners() -> list[tuple[str, type[DOMNode], tuple[str, ...]]]:
    """Every screen, widget with keys and the app, with the places their keys are in."""
    found: list[tuple[str, type[DOMNode], tuple[str, ...]]] = [("app", MockInterviewApp, ())]
    found += [(name, SCREENS[name], places) for name, places in SCREEN_PLACES.items()]
    found += [(name, WIDGETS[name], SCREEN_PLACES[host]) for name, host in WIDGET_SCREENS.items()]
    return found


@pytest.mark.parametrize(("name", "cls", "places"), owners(), ids=lambda value: str(value))
def test_every_binding_has_the_id_of_its_row(
    name: str, cls: type[DOMNode], places: tuple[str, ...]
) -> None:
    problems = id_problems(name, cls, places)
    assert not problems, "\n".join(problems)


def test_widgets_with_hidden_keys_have_a_place_too() -> None:
    with_keys = {name for name, cls in WIDGETS.items() if all_bindings(cls)}
    assert with_keys == set(WIDGET_SCREENS)


def test_every_id_in_the_table_belongs_to_a_binding() -> None:
    used = {b.id for _, cls, _ in owners() for _, b in all_bindings(cls)}
    assert BINDING_IDS - used == set()


def test_no_action_has_only_keys_a_browser_keeps() -> None:
    """ctrl+t and ctrl+n never reach an app in a browser: hint and skip have other keys."""
    for _, cls, _ in owners():
        by_action: dict[tuple[str, str | None], set[str]] = {}
        for key, binding in all_bindings(cls):
            by_action.setdefault((binding.action, binding.id), set()).add(key)
        for (action, _id), keys in by_action.items():
            if action in {"quit", "app.quit"}:
                continue  # Quit is in the palette (tests/tui/test_commands.py)
            assert not keys <= BROWSER_KEYS, f"{cls.__name__}: {action} has only {keys}"


def function_key_actions() -> dict[str, set[str]]:
    """Each function key in the key table, with every binding id it stands for anywhere."""
    found: dict[str, set[str]] = {}
    for entry in KEYS:
        parts = entry.key.split("/")
        ids = entry.ids if len(entry.ids) == len(parts) else entry.ids * len(parts)
        for key, binding_id in zip(parts, ids, strict=False):
            if re.fullmatch(r"f\d+", key):
                found.setdefault(key, set()).add(binding_id)
    return found


def test_a_function_key_does_one_thing_on_every_screen() -> None:
    """f2 speaks an answer; someone who has learnt that presses it elsewhere to speak too,
    so it must not copy a box there (nor any other function key mean two things)."""
    twice = {key: ids for key, ids in function_key_actions().items() if len(ids) > 1}
    assert not twice
    assert function_key_actions()["f2"] == {"speak"}
