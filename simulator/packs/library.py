"""The installed packs, put together: shadowing by id, questions, rubrics, usable personas."""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from simulator.packs.cache import PackCache
from simulator.packs.discovery import PackFile, Source, find_pack_files
from simulator.packs.errors import PackError, Problem
from simulator.packs.loader import load_pack_text
from simulator.packs.records import Kind, Pack, Persona, Question, Rubric, Stage, merge_tags
from simulator.packs.rubrics import BUILTIN_RUBRICS, DEFAULT_RUBRIC_BY_KIND
from simulator.packs.yamlread import read_text


@dataclass(frozen=True)
class LoadedPack:
    """A pack that loaded, and the file it came from."""

    pack: Pack
    """The pack."""
    path: Path
    """Its file."""
    source: Source
    """Where it was found: built-in, user or extra."""

    def kind_counts(self) -> dict[str, int]:
        """How many questions the pack has of each kind."""
        counts: dict[str, int] = {}
        for question in self.pack.questions:
            kind = self.pack.question_kind(question) or "unknown"
            counts[kind] = counts.get(kind, 0) + 1
        return counts


@dataclass(frozen=True, slots=True)
class QuestionRef:
    """An installed question with what it inherits from its pack."""

    pack: Pack
    """The pack it belongs to."""
    question: Question
    """The question itself."""
    kind: Kind
    """Its kind, from itself or its pack."""
    tags: tuple[str, ...]
    """Its tags and its pack's, each once (case aside), spelled as first given."""

    @property
    def key(self) -> tuple[str, str]:
        """(pack id, question id): how the journal knows this question."""
        return (self.pack.id, self.question.id)


@dataclass(frozen=True)
class Shadowed:
    """A pack or persona hidden by a later one with the same id."""

    kind: str
    """Either "pack" or "persona"."""
    id: str
    """The id they share."""
    path: Path
    """The file that wins."""
    shadowed_path: Path
    """The file that is hidden."""

    def __str__(self) -> str:
        return f"{self.shadowed_path}: {self.kind} {self.id} is replaced by the one in {self.path}"


@dataclass(frozen=True)
class PersonaEntry:
    """An installed persona, and whether a session can be started with it."""

    persona: Persona
    """The persona."""
    pack_id: str
    """The pack that defines it."""
    path: Path
    """The file that defines it."""
    usable: bool
    """Whether every stage of its plan can be run."""
    reason: str = ""
    """Why it cannot be started, when it cannot."""
    notes: tuple[str, ...] = ()
    """Stages that will ask fewer questions than planned, said plainly."""


@dataclass(frozen=True)
class LoadProgress:
    """How far loading has got, after each pack file, for displays that fill in as it goes."""

    done: int
    """Files read so far."""
    total: int
    """Files to read."""
    loaded: LoadedPack | None
    """The pack just read; None when it was refused (its problem is in the library's errors)."""


def stage_matches(stage: Stage, ref: QuestionRef) -> bool:
    """Whether a question passes every filter a questions stage gives."""
    if stage.kinds and ref.kind not in stage.kinds:
        return False
    if stage.tags and not {tag.casefold() for tag in stage.tags}.intersection(
        tag.casefold() for tag in ref.tags
    ):
        return False
    if stage.packs and ref.pack.id not in stage.packs:
        return False
    if stage.difficulty is not None:
        low, high = stage.difficulty
        if not low <= ref.question.difficulty <= high:
            return False
    return True


def stage_label(position: int, stage: Stage) -> str:
    """How a stage is named in messages: "stage 3 (Behavioral)"."""
    return f"stage {position + 1} ({stage.title or stage.stage})"


@dataclass
class Library:
    """Everything installed: packs, their questions, personas, and what failed to load."""

    packs: list[LoadedPack] = field(default_factory=list)
    """Packs that loaded, after shadowing, in source order."""
    errors: list[Problem] = field(default_factory=list)
    """Problems with files or folders that were left out."""
    shadowed: list[Shadowed] = field(default_factory=list)
    """Packs and personas hidden by later ones."""
    personas: list[PersonaEntry] = field(default_factory=list)
    """Personas, each with whether it can be started."""

    def __post_init__(self) -> None:
        self._questions: list[QuestionRef] | None = None
        self._index: _QuestionIndex | None = None

    def questions(self) -> list[QuestionRef]:
        """Every installed question."""
        if self._questions is None:
            refs: list[QuestionRef] = []
            for loaded in self.packs:
                pack = loaded.pack
                pack_kind, pack_tags = pack.kind, pack.tags
                for question in pack.questions:
                    # Pack.question_kind and Pack.question_tags, inlined for 50,000 questions.
                    kind = question.kind or pack_kind
                    if kind is not None:
                        tags = merge_tags(question.tags, pack_tags)
                        refs.append(QuestionRef(pack, question, kind, tags))
            self._questions = refs
        return self._questions

    def _question_index(self) -> _QuestionIndex:
        refs = self.questions()
        if self._index is None or self._index.refs is not refs:
            self._index = _QuestionIndex(refs)
        return self._index

    def matching(self, stage: Stage) -> list[QuestionRef]:
        """The installed questions a questions stage may draw from, in installed order."""
        return self._question_index().matching(stage)

    def pack(self, pack_id: str) -> LoadedPack | None:
        """The installed pack with this id."""
        return next((loaded for loaded in self.packs if loaded.pack.id == pack_id), None)

    def persona(self, persona_id: str) -> PersonaEntry | None:
        """The installed persona with this id."""
        return next((entry for entry in self.personas if entry.persona.id == persona_id), None)

    def question(self, pack_id: str, question_id: str) -> QuestionRef | None:
        """An installed question by its pack and id."""
        return self._question_index().by_key.get((pack_id, question_id))

    def rubric_for(self, ref: QuestionRef) -> Rubric:
        """The rubric an answer to this question is scored with."""
        rubric_id = ref.question.rubric or ref.pack.rubric or DEFAULT_RUBRIC_BY_KIND[ref.kind]
        for rubric in ref.pack.rubrics:
            if rubric.id == rubric_id:
                return rubric
        return BUILTIN_RUBRICS.get(rubric_id, BUILTIN_RUBRICS[DEFAULT_RUBRIC_BY_KIND[ref.kind]])

    def candidate_questions(self, pack_ids: Iterable[str] | None = None) -> list[str]:
        """Suggested questions for the candidate, from the given packs or all of them."""
        wanted = set(pack_ids) if pack_ids is not None else None
        found: list[str] = []
        for loaded in self.packs:
            if wanted is None or loaded.pack.id in wanted:
                found.extend(loaded.pack.candidate_questions)
        return list(dict.fromkeys(found))


class _QuestionIndex:
    """Where each kind, tag and pack's questions are in the installed order, so a stage's
    filters are answered without testing every installed question."""

    def __init__(self, refs: list[QuestionRef]) -> None:
        self.refs = refs
        self._by_key: dict[tuple[str, str], QuestionRef] | None = None
        kinds: dict[str, list[int]] = {}
        tags: dict[str, list[int]] = {}
        packs: dict[str, list[int]] = {}
        for position, ref in enumerate(refs):
            kinds.setdefault(ref.kind, []).append(position)
            packs.setdefault(ref.pack.id, []).append(position)
            for tag in ref.tags:
                # Case-folded: a plan's tag filter matches case-insensitively.
                tags.setdefault(tag.casefold(), []).append(position)
        # Kept as compact arrays: 8 bytes a position, not a list slot and an int object.
        self.by_kind = {name: array("q", found) for name, found in kinds.items()}
        self.by_tag = {name: array("q", found) for name, found in tags.items()}
        self.by_pack = {name: array("q", found) for name, found in packs.items()}

    @property
    def by_key(self) -> dict[tuple[str, str], QuestionRef]:
        """Questions by (pack id, question id), the first one of each (built when needed)."""
        if self._by_key is None:
            self._by_key = {}
            for ref in self.refs:
                self._by_key.setdefault(ref.key, ref)
        return self._by_key

    def _union(self, table: dict[str, array[int]], names: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for name in dict.fromkeys(names):
            found.update(table.get(name, ()))
        return found

    def matching(self, stage: Stage) -> list[QuestionRef]:
        """What :func:`stage_matches` accepts, in the order of ``refs``."""
        filters = []
        if stage.kinds:
            filters.append(self._union(self.by_kind, stage.kinds))
        if stage.tags:
            filters.append(self._union(self.by_tag, (tag.casefold() for tag in stage.tags)))
        if stage.packs:
            filters.append(self._union(self.by_pack, stage.packs))
        if filters:
            filters.sort(key=len)
            chosen = filters[0].intersection(*filters[1:])
            candidates = [self.refs[position] for position in sorted(chosen)]
        else:
            candidates = self.refs
        if stage.difficulty is None:
            return list(candidates)
        low, high = stage.difficulty
        return [ref for ref in candidates if low <= ref.question.difficulty <= high]


def resolve_persona(library: Library, persona: Persona, pack_id: str, path: Path) -> PersonaEntry:
    """Decide whether a persona can be started with what is installed, and say why not."""
    installed = {loaded.pack.id for loaded in library.packs}
    notes: list[str] = []
    for position, stage in enumerate(persona.plan):
        if stage.stage != "questions":
            continue
        found = len(library.matching(stage))
        label = stage_label(position, stage)
        if found == 0:
            missing = [pack for pack in stage.packs if pack not in installed]
            why = f"{label} matches no installed question"
            if missing:
                why += f" (pack {', '.join(missing)} is not installed)"
            return PersonaEntry(persona, pack_id, path, False, why)
        if found < stage.count:
            notes.append(f"{label} asks {found} question(s) instead of {stage.count}")
    return PersonaEntry(persona, pack_id, path, True, "", tuple(notes))


@dataclass(frozen=True)
class PackFolders:
    """The folders to look in, in the order that decides shadowing."""

    builtin: Path
    """The built-in packs."""
    user: Path | None
    """The user's pack folder, or None to leave it out."""
    extra: Sequence[Path] = ()
    """Folders from ``--packs`` and the user's config."""


def load_file(pack_file: PackFile, cache: PackCache) -> Pack:
    """One pack, from the cache when it is current. Raises :class:`PackError`."""
    path = pack_file.path
    try:
        info = os.stat(path)
    except OSError as error:
        raise PackError.at(path, 1, 1, f"cannot read the file: {error.strerror}") from None
    cached = cache.get(path, info)
    if cached is not None:
        return cached
    text = read_text(path)
    pack = load_pack_text(path, text)
    cache.put(path, info, text, pack)
    return pack


def load_library(
    folders: PackFolders,
    cache: PackCache,
    *,
    on_pack: Callable[[LoadProgress], None] | None = None,
) -> Library:
    """Load every pack in ``folders``. Never raises for a bad pack: it goes to ``errors``.

    ``on_pack`` is called after each file with how far loading has got and what it read.
    """
    library = Library()
    pack_files: list[PackFile] = []
    for folder, source, missing_ok in [
        (folders.builtin, "built-in", False),
        *([(folders.user, "user", True)] if folders.user is not None else []),
        *((folder, "extra", False) for folder in folders.extra),
    ]:
        found, problems = find_pack_files(folder, source, missing_ok=missing_ok)  # type: ignore[arg-type]
        pack_files.extend(found)
        library.errors.extend(problems)
    by_id: dict[str, LoadedPack] = {}
    for done, pack_file in enumerate(pack_files, start=1):
        just_read: LoadedPack | None = None
        try:
            pack = load_file(pack_file, cache)
        except PackError as error:
            library.errors.extend(error.problems)
        else:
            loaded = LoadedPack(pack, pack_file.path, pack_file.source)
            previous = by_id.pop(pack.id, None)
            if previous is not None:
                library.shadowed.append(Shadowed("pack", pack.id, loaded.path, previous.path))
            by_id[pack.id] = just_read = loaded
        if on_pack is not None:
            on_pack(LoadProgress(done, len(pack_files), just_read))
    if not folders.extra:
        # Entries of extra folders are kept: they are named per run, not per installation.
        cache.prune()
    order = {pack_file.path: index for index, pack_file in enumerate(pack_files)}
    library.packs = sorted(by_id.values(), key=lambda loaded: order[loaded.path])
    personas: dict[str, tuple[Persona, LoadedPack]] = {}
    for loaded in library.packs:
        for persona in loaded.pack.personas:
            previous_persona = personas.pop(persona.id, None)
            if previous_persona is not None:
                library.shadowed.append(
                    Shadowed("persona", persona.id, loaded.path, previous_persona[1].path)
                )
            personas[persona.id] = (persona, loaded)
    library.personas = [
        resolve_persona(library, persona, loaded.pack.id, loaded.path)
        for persona, loaded in personas.values()
    ]
    return library
