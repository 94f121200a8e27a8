"""Discovery, shadowing by id, and persona resolution."""

from __future__ import annotations

import os
from pathlib import Path

from simulator.packs.cache import PackCache
from simulator.packs.discovery import find_pack_files
from simulator.packs.library import LoadProgress, PackFolders, load_library

QUESTIONS = """\
format: 1
id: {id}
title: {title}
kind: technical
questions:
  - id: q1
    prompt: Explain a hash map.
    tags: [data-structures]
  - id: q2
    prompt: Explain a queue.
    tags: [data-structures]
"""

PERSONA = """\
format: 1
id: {id}
title: Personas
personas:
  - id: tester
    name: Tess
    plan:
      - stage: intro
      - stage: questions
        count: {count}
        packs: [{packs}]
"""


def folders(builtin: Path, user: Path | None = None, *extra: Path) -> PackFolders:
    return PackFolders(builtin=builtin, user=user, extra=list(extra))


def test_later_source_shadows_and_says_so(tmp_path: Path) -> None:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    builtin.mkdir()
    user.mkdir()
    (builtin / "a.yaml").write_text(QUESTIONS.format(id="shared", title="Built in"))
    (user / "a.yaml").write_text(QUESTIONS.format(id="shared", title="Mine"))
    library = load_library(folders(builtin, user), PackCache(None))
    assert [loaded.pack.title for loaded in library.packs] == ["Mine"]
    (shadow,) = library.shadowed
    assert shadow.shadowed_path == builtin / "a.yaml"
    assert shadow.path == user / "a.yaml"


def test_broken_pack_is_left_out_with_its_error(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(QUESTIONS.format(id="good", title="Good"))
    (tmp_path / "bad.yaml").write_text("format: 1\nid: bad\n")
    library = load_library(folders(tmp_path), PackCache(None))
    assert [loaded.pack.id for loaded in library.packs] == ["good"]
    assert library.errors[0].path == tmp_path / "bad.yaml"


def test_progress_is_reported_after_every_file_with_what_it_read(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(QUESTIONS.format(id="good", title="Good"))
    (tmp_path / "b.yaml").write_text("format: 1\nid: bad\n")
    (tmp_path / "c.yaml").write_text(PERSONA.format(id="people", count=1, packs="good"))
    steps: list[LoadProgress] = []
    library = load_library(folders(tmp_path), PackCache(None), on_pack=steps.append)
    assert [(step.done, step.total) for step in steps] == [(1, 3), (2, 3), (3, 3)]
    first, refused, people = (step.loaded for step in steps)
    assert first is not None and first.pack.id == "good"
    assert refused is None  # its problem is in the library's errors
    assert people is not None and [persona.id for persona in people.pack.personas] == ["tester"]
    assert [entry.persona.id for entry in library.personas] == ["tester"]


def test_persona_usable_short_and_unusable(tmp_path: Path) -> None:
    (tmp_path / "q.yaml").write_text(QUESTIONS.format(id="tech", title="Tech"))
    (tmp_path / "p.yaml").write_text(PERSONA.format(id="people", count=5, packs="tech"))
    library = load_library(folders(tmp_path), PackCache(None))
    entry = library.persona("tester")
    assert entry is not None and entry.usable
    assert entry.notes == ("stage 2 (questions) asks 2 question(s) instead of 5",)

    (tmp_path / "p.yaml").write_text(PERSONA.format(id="people", count=1, packs="missing"))
    library = load_library(folders(tmp_path), PackCache(None))
    entry = library.persona("tester")
    assert entry is not None and not entry.usable
    assert "matches no installed question" in entry.reason
    assert "missing" in entry.reason


def test_hidden_folders_and_other_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yml").write_text("on: push\n")
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "x.yml").write_text(QUESTIONS.format(id="x", title="X"))
    files, problems = find_pack_files(tmp_path, "extra")
    assert [pack_file.path.name for pack_file in files] == ["x.yml"]
    assert not problems


def test_symlink_loop_is_followed_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.yaml").write_text(QUESTIONS.format(id="p", title="P"))
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    files, _problems = find_pack_files(tmp_path, "extra")
    assert [pack_file.path.name for pack_file in files] == ["p.yaml"]


def test_missing_extra_folder_is_reported(tmp_path: Path) -> None:
    library = load_library(folders(tmp_path, None, tmp_path / "nope"), PackCache(None))
    assert library.errors[0].message == "this pack folder does not exist"
