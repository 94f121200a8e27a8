"""Fuzzing with hypothesis: mutated built-in packs, and random use of a session.

1. Any mutation of a built-in pack, of its bytes or of its structure, gives a Pack or a
   PackError whose problems name the file, a line and a column: never another exception.
2. Any sequence of user actions on a session built from the built-in library leaves it
   valid, and ``Session.restore(session.snapshot())`` continues it exactly; the journal
   stores and gives back the same snapshot.
"""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from simulator.common import locations
from simulator.engine.clock import FakeClock
from simulator.engine.scoring import is_scorable
from simulator.engine.session import POST_PHASES, Session, SessionError
from simulator.journal import Journal
from simulator.journal.snapshots import check_snapshot
from simulator.packs import Pack, PackError, load_pack, load_pack_text
from simulator.packs.cache import PackCache
from simulator.packs.library import Library, PackFolders, load_library

BUILTIN = sorted(locations.builtin_packs_dir().glob("*.yaml"))
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def builtin_text(path: Path) -> bytes:
    return path.read_bytes()


@cache
def builtin_tree(path: Path) -> dict[str, Any]:
    tree = yaml.safe_load(builtin_text(path))
    assert isinstance(tree, dict)
    return tree


@cache
def builtin_library() -> Library:
    """The built-in packs alone: no user folder, no cache."""
    folders = PackFolders(builtin=locations.builtin_packs_dir(), user=None)
    library = load_library(folders, PackCache(None))
    assert not library.errors, library.errors
    return library


def test_the_seeds_are_the_built_in_packs() -> None:
    assert len(BUILTIN) >= 5
    for path in BUILTIN:
        assert isinstance(load_pack(path), Pack)


def check_outcome(path: Path, load: Any) -> Pack | None:
    """Run ``load``; it may give a Pack or a PackError with usable problems, nothing else."""
    try:
        pack = load()
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == path
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message.strip()
            assert "\n" not in str(problem)
            assert "Traceback" not in problem.message
        return None
    assert isinstance(pack, Pack)
    return pack


# --- bytes ---------------------------------------------------------------------------------

BYTE_BITS = st.sampled_from(
    [
        b"\x00",
        b"\x1b[2J",
        b"\xe2\x80\xae",  # U+202E, right-to-left override
        b"\xff\xfe",
        b"\xc3",  # half a UTF-8 character
        b"\t",
        b"\r",
        b"\n",
        b"  ",
        b": ",
        b"- ",
        b"&a ",
        b"*a",
        b"!!python/object:os.system ",
        b"---\n",
        b"[",
        b"{",
        b'"',
        b"'",
        b"#",
        b"|",
        b"x-note: 1\n",
        b"format: 99\n",
        b"promt: typo\n",
        b"[@click=app.quit]",
    ]
)


@settings(FUZZ, max_examples=120)
@given(st.data())
def test_byte_mutations_of_built_in_packs_give_a_pack_or_a_pack_error(
    data: st.DataObject,
) -> None:
    source = data.draw(st.sampled_from(BUILTIN))
    raw = bytearray(builtin_text(source))
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace", "cut", "repeat"]))
        if action == "insert":
            raw[position:position] = data.draw(BYTE_BITS | st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del raw[position : position + data.draw(st.integers(1, 200))]
        elif action == "replace" and position < len(raw):
            raw[position] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del raw[position:]
        elif action == "repeat":
            length = data.draw(st.integers(1, 400))
            raw[position:position] = raw[position : position + length]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / source.name
        path.write_bytes(bytes(raw))
        check_outcome(path, lambda: load_pack(path))


# --- structure -----------------------------------------------------------------------------

Tree = Any
Address = tuple[str | int, ...]

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "x" * 2001,
            "[@click=app.quit]quit[/]",
            "no",
            "1.10",
            "2020-02-30",
            "24h",
            "0d",
            "Bad Id",
            "core-behavioral",
            "\u202egnp.exe",
        ]
    ),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(
        st.sampled_from(["id", "prompt", "stage", "x-a", "promt"]), st.text(max_size=5), max_size=3
    ),
)


def addresses(tree: Tree, here: Address = ()) -> Iterator[Address]:
    """Every place in a tree: each mapping value and list item, depth first."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield (*here, key)
            yield from addresses(value, (*here, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield (*here, index)
            yield from addresses(value, (*here, index))


def parent_of(tree: Tree, address: Address) -> Tree:
    node = tree
    for part in address[:-1]:
        node = node[part]
    return node


def mutate(tree: Tree, data: st.DataObject) -> None:
    """One structural change somewhere in the tree."""
    places = list(addresses(tree))
    if not places:
        tree["format"] = data.draw(ODD_VALUES)
        return
    address = data.draw(st.sampled_from(places))
    parent = parent_of(tree, address)
    last = address[-1]
    action = data.draw(
        st.sampled_from(["drop", "replace", "duplicate", "rename", "nest", "swap", "add"])
    )
    if action == "drop":
        del parent[last]
    elif action == "replace":
        parent[last] = data.draw(ODD_VALUES)
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(int(last), copy.deepcopy(parent[int(last)]))  # duplicate ids
    elif action == "rename" and isinstance(parent, dict):
        new = data.draw(st.sampled_from([f"{last}s", f"x-{last}", str(last).upper(), "promt"]))
        parent[new] = parent.pop(last)
    elif action == "nest":
        parent[last] = [parent[last]] if data.draw(st.booleans()) else {"value": parent[last]}
    elif action == "swap":
        other = data.draw(st.sampled_from(places))
        shorter = min(len(address), len(other))
        if address[:shorter] != other[:shorter]:  # neither holds the other
            other_parent = parent_of(tree, other)
            parent[last], other_parent[other[-1]] = other_parent[other[-1]], parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.sampled_from(["kind", "rubric", "due", "panel", "x-y", "zz"]))] = (
            data.draw(ODD_VALUES)
        )


@settings(FUZZ, max_examples=120)
@given(st.data())
def test_structure_mutations_of_built_in_packs_give_a_pack_or_a_pack_error(
    data: st.DataObject,
) -> None:
    source = data.draw(st.sampled_from(BUILTIN))
    tree = copy.deepcopy(builtin_tree(source))
    for _ in range(data.draw(st.integers(1, 4))):
        mutate(tree, data)
    try:
        text = yaml.dump(tree, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError, OverflowError):
        return  # not every tree can be written as YAML
    pack = check_outcome(source, lambda: load_pack_text(source, text))
    if pack is not None:  # what loads is consistent
        question_ids = [question.id for question in pack.questions]
        assert len(question_ids) == len(set(question_ids))
        assert all(1 <= question.difficulty <= 5 for question in pack.questions)
        assert all(len(question.prompt) <= 2000 for question in pack.questions)


# --- the engine ----------------------------------------------------------------------------

ACTIONS = [
    "begin",
    "type",
    "clarify",
    "hint",
    "submit",
    "skip",
    "advance",
    "end_interview",
    "go_back",
    "score",
    "clear_score",
    "move_score",
    "reflection",
    "topic",
    "remove_topic",
    "thank_you",
    "tick",
    "tick_prep",
    "prep_notes",
    "ask",
    "remove_ask",
    "mark_done",
    "extend",
    "close",
    "finish",
    "wait",
]
WORDS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(["", "   ", "I led it; we cut 40%.", "[b]x[/b] 👍🏽 e\u0301"])


def act(session: Session, clock: FakeClock, action: str, data: st.DataObject) -> None:
    """Do one user action; SessionError (not allowed now) is a fine outcome."""
    number = data.draw(st.integers(-1, 9))
    if action == "begin":
        session.begin_answer()
    elif action == "type":
        session.set_answer_text(data.draw(WORDS))
    elif action == "clarify":
        session.ask_clarification()
    elif action == "hint":
        session.show_next_hint()
    elif action == "submit":
        session.submit()
    elif action == "skip":
        session.skip()
    elif action == "advance":
        session.advance()
    elif action == "end_interview":
        session.end_interview()
    elif action == "go_back":
        session.go_back()
    elif action == "score":
        item = session.score_item()
        criteria = [criterion.id for criterion in item.rubric.criteria] if item else ["none"]
        session.score(data.draw(st.sampled_from(criteria)), data.draw(st.integers(0, 6)))
    elif action == "clear_score":
        item = session.score_item()
        criteria = [criterion.id for criterion in item.rubric.criteria] if item else ["none"]
        session.clear_score(data.draw(st.sampled_from(criteria)))
    elif action == "move_score":
        session.move_score(number)
    elif action == "reflection":
        field = data.draw(st.sampled_from(["went_well", "say_differently", "interviewer_notes"]))
        session.set_reflection(**{field: data.draw(WORDS)})
    elif action == "topic":
        session.add_topic(data.draw(WORDS))
    elif action == "remove_topic":
        topics = session.reflection["topics"] or ["none"]
        session.remove_topic(data.draw(st.sampled_from(topics)))
    elif action == "thank_you":
        recipients = session.thank_you_recipients() or ["nobody"]
        session.set_thank_you_draft(data.draw(st.sampled_from(recipients)), data.draw(WORDS))
    elif action == "tick":
        current = session.current_answer()
        items = list(current["checklist"]) if current else []
        session.tick(data.draw(st.sampled_from([*items, "none"])), data.draw(st.booleans()))
    elif action == "tick_prep":
        items = list(session.prep_checklist)
        session.tick_prep(data.draw(st.sampled_from([*items, "none"])), data.draw(st.booleans()))
    elif action == "prep_notes":
        session.set_prep_notes(data.draw(WORDS))
    elif action == "ask":
        session.add_candidate_question(data.draw(WORDS))
    elif action == "remove_ask":
        session.remove_candidate_question(number)
    elif action == "mark_done":
        ids = [reminder["id"] for reminder in session.reminders] or ["none"]
        session.mark_reminder_done(data.draw(st.sampled_from(ids)), data.draw(st.booleans()))
    elif action == "extend":
        session.extend_check_ins(number)
    elif action == "close":
        session.close_process()
    elif action == "finish":
        session.finish()
    elif action == "wait":
        clock.advance(data.draw(st.sampled_from([0.5, 30.0, 400.0, 4000.0])))


def assert_valid(session: Session, library: Library) -> None:
    """What must hold after any action."""
    snapshot = session.snapshot()
    check_snapshot(json.loads(json.dumps(snapshot, allow_nan=False)))
    assert snapshot["phase"] in ("stages", *POST_PHASES)
    answers = snapshot["answers"]
    ids = [answer["id"] for answer in answers]
    assert len(ids) == len(set(ids))
    current = snapshot["current_answer_id"]
    if snapshot["phase"] == "stages":
        persona = library.persona(snapshot["persona_id"])
        assert persona is not None
        assert 0 <= snapshot["stage_index"] < len(persona.persona.plan)
        if current is not None:
            answer = next(answer for answer in answers if answer["id"] == current)
            assert answer["submitted_at"] is None
    else:
        assert current is None
        assert snapshot["finished_at"] is not None
        scorable = [answer for answer in answers if is_scorable(answer)]
        assert 0 <= snapshot["score_index"] <= max(0, len(scorable) - 1)
    for answer in answers:
        if answer["id"] != current:
            assert answer["submitted_at"] is not None, answer
        assert answer["time_used"] >= 0
        assert all(1 <= value <= 5 for value in answer["scores"].values())
        if answer["scores"]:
            rubric = session.rubric(answer["id"])
            assert set(answer["scores"]) <= {criterion.id for criterion in rubric.criteria}
    topics = snapshot["reflection"]["topics"]
    assert len(topics) == len(set(topics)) and all(topic.strip() for topic in topics)
    assert all(question.strip() for question in snapshot["candidate_questions"])


def assert_restores_exactly(session: Session, library: Library, clock: FakeClock) -> None:
    snapshot = session.snapshot()
    restored = Session.restore(json.loads(json.dumps(snapshot)), library, clock=clock)
    assert restored.snapshot() == snapshot
    assert restored.step() == session.step()
    if session.phase != "stages":
        assert restored.score_items() == session.score_items()
        assert restored.summary() == session.summary()


@pytest.fixture(scope="module")
def journal_path() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / "journal.sqlite3"


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_any_actions_leave_a_valid_session_that_restores_exactly(
    data: st.DataObject, journal_path: Path
) -> None:
    library = builtin_library()
    usable = [entry.persona.id for entry in library.personas if entry.usable]
    clock = FakeClock(1_800_000_000.0)
    session = Session.start(
        library,
        data.draw(st.sampled_from(usable)),
        seed=data.draw(st.integers(0, 2**31 - 1)),
        clock=clock,
        question_count=data.draw(st.none() | st.integers(1, 3)),
    )
    assert_valid(session, library)
    # Any action, with a lean towards moving on so the later phases are reached as often.
    # Any actions, leaning towards moving on: first while the interview runs, then (most
    # often) after it has ended, so every phase is reached about as often.
    moving_on = st.sampled_from(["type", "submit", "submit", "skip", "advance", "score"])
    actions = st.lists(st.sampled_from(ACTIONS) | moving_on, max_size=40)
    steps = data.draw(actions)
    if data.draw(st.integers(0, 3)):
        steps += ["end_interview", *data.draw(actions)]
    for action in steps:
        before = session.snapshot()
        try:
            act(session, clock, action, data)
        except SessionError:
            # Refused: nothing changed, so a refused key press never damages anything.
            assert session.snapshot() == before, action
        assert_valid(session, library)
        assert_restores_exactly(session, library, clock)
    event(f"ended in phase {session.phase}")
    with Journal.open(journal_path) as journal:
        journal.save_session(session.snapshot())
        assert journal.load_session(session.id) == session.snapshot()
