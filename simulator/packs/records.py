"""The question pack format's vocabulary, and packs as the program holds them at run time.

The records mirror the pydantic models of :mod:`simulator.packs.models` field for field
(same names, order, types and defaults; a test keeps them from drifting apart), but they
are plain frozen dataclasses: a pack read back from the cache needs no validation, so a
warm start never imports pydantic. Records are built from checked data only: by the loader
from a validated model, by the cache from an entry it wrote, and by code from constants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

FORMAT_VERSION = 1
"""The newest pack format this program reads."""

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""What an id looks like: lowercase letters, digits and single hyphens."""
SEMVER_PATTERN = (
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$"
)
"""What a pack's version looks like: a semantic version."""
TAG_PATTERN = r"^[^\t\n\r]*\S[^\t\n\r]*$"
"""What a tag looks like: free text on one line, not only spaces (at most 60 characters)."""
DUE_PATTERN = r"^\d{1,4}[hd]$"
"""What a follow-up's due time looks like: a whole number of hours or days, such as 24h or
7d (at most four digits, 9999d being some 27 years)."""
VOICE_VARIANT_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"
"""What a persona voice's ``variant`` looks like: a speech engine's variant name, such as
f3, m2 or klatt (letters, digits, hyphens and underscores)."""
LANGUAGE_PATTERN = r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$"
"""What a pack's language looks like: a BCP 47 tag, such as en, pt-BR, zh-Hant-TW,
de-CH-1901, en-US-u-ca-gregory or x-klingon (the subtags' shape, not the registry)."""

Kind = Literal["behavioral", "technical", "informational", "follow-up"]
"""A question's kind."""
StageName = Literal["prep", "intro", "pitch", "questions", "your-questions", "wrap-up"]
"""What happens in a stage of an interview plan."""

ClosingCase = Literal["strong", "brief", "overtime", "many-skips"]
"""A kind of session a persona may close differently: see :class:`Closing`."""

KINDS: tuple[Kind, ...] = ("behavioral", "technical", "informational", "follow-up")
"""Every question kind, in the order they are shown."""
STAGES: tuple[StageName, ...] = (
    "prep",
    "intro",
    "pitch",
    "questions",
    "your-questions",
    "wrap-up",
)
"""Every stage name, in the order an interview usually goes."""
CLOSING_CASES: tuple[ClosingCase, ...] = ("strong", "brief", "overtime", "many-skips")
"""Every kind of session a persona may close differently."""


def parse_due(value: str) -> int:
    """Seconds in a ``due`` value such as ``24h`` or ``7d``."""
    match = re.fullmatch(r"(\d+)([hd])", value)
    if match is None:
        raise ValueError(f"not a due time: {value!r}")
    amount = int(match.group(1))
    return amount * (3600 if match.group(2) == "h" else 86400)


@dataclass(frozen=True, slots=True, kw_only=True)
class Criterion:
    """One thing a rubric scores, from 1 to 5."""

    id: str
    """The criterion's id, unique within its rubric."""
    label: str
    """A short name shown beside the score."""
    description: str = ""
    """What this criterion looks for."""
    levels: dict[int, str] = field(default_factory=dict)
    """Optional anchors: what a score of 1 to 5 looks like, by score."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Rubric:
    """A scoring guide: the criteria a user scores an answer against."""

    id: str
    """The rubric's id, unique within its pack."""
    title: str
    """The rubric's name."""
    description: str = ""
    """What the rubric is for."""
    criteria: list[Criterion]
    """One to eight criteria, each scored 1 to 5 by the user."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """A question, or for the follow-up kind a writing drill."""

    id: str
    """The question's id, unique within its pack."""
    prompt: str
    """What the interviewer asks."""
    kind: Kind | None = None
    """The question's own kind; when None, the pack's (see :meth:`Pack.question_kind`)."""
    tags: list[str] = field(default_factory=list)
    """Topics, used by persona plans to pick questions."""
    difficulty: int = 3
    """How hard the question is, 1 (easy) to 5 (hard)."""
    time_limit: int | None = None
    """Seconds to answer; when None, the stage's, then the persona's."""
    clarification: str = ""
    """What the interviewer says when the candidate asks for clarification."""
    hints: list[str] = field(default_factory=list)
    """Hints the candidate may ask for."""
    talking_points: list[str] = field(default_factory=list)
    """What a strong answer covers."""
    keywords: list[str] = field(default_factory=list)
    """Terms looked for in the answer by the offline insights."""
    follow_ups: list[str] = field(default_factory=list)
    """Probes the interviewer may ask after the answer."""
    sample_answer: str = ""
    """A strong answer, shown only after self-scoring."""
    rubric: str | None = None
    """The id of the rubric to score with; when None, the pack's, then the kind's."""
    checklist: list[str] = field(default_factory=list)
    """Self-check items, ticked after answering."""
    due: str | None = None
    """Follow-up kind only: when it is due after the interview, such as 24h or 7d."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PanelMember:
    """One interviewer of a panel persona."""

    name: str
    """The interviewer's name."""
    role: str = ""
    """Their role, such as Engineering manager."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonaVoice:
    """How an interviewer sounds when their lines are read aloud."""

    rate: int | None = None
    """Words a minute (80 to 450); None for the speech engine's usual pace."""
    pitch: int | None = None
    """0 (lowest) to 99 (highest); None for the engine's usual pitch, 50."""
    variant: str | None = None
    """The speech engine's voice variant, such as f3 or m2 (espeak-ng's names)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Reply:
    """What an interviewer answers when the candidate asks about something."""

    about: list[str]
    """Words or phrases that pick this reply when the candidate's question holds one."""
    reply: str
    """What the interviewer says."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Closing:
    """What an interviewer says at the end of a session that went a certain way."""

    when: ClosingCase
    """Which kind of session this closing is for."""
    say: str
    """What the interviewer says."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    """One stage of a persona's interview plan."""

    stage: StageName
    """What happens in this stage."""
    title: str = ""
    """A name for the stage, shown as the interview goes."""
    count: int = 1
    """Questions stage: how many questions to ask."""
    kinds: list[Kind] = field(default_factory=list)
    """Questions stage: only questions of these kinds (all when empty)."""
    tags: list[str] = field(default_factory=list)
    """Questions stage: only questions with any of these tags (all when empty)."""
    packs: list[str] = field(default_factory=list)
    """Questions stage: only questions from these packs (all when empty)."""
    difficulty: list[int] | None = None
    """Questions stage: an inclusive range of difficulty, [low, high], or None for any."""
    time_limit: int | None = None
    """Seconds per answer in this stage (for a pitch stage, the pitch's length)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Persona:
    """An interviewer: a voice, a style and an interview plan."""

    id: str
    """The persona's id, unique across all installed packs."""
    name: str
    """The interviewer's name."""
    role: str = ""
    """Their role, such as Senior engineer."""
    description: str = ""
    """Their style, in a sentence or two."""
    greeting: str = ""
    """What they say at the start."""
    closing: str = ""
    """What they say at the end."""
    instructions: str = ""
    """Shown at the prep stage: what to prepare."""
    next_steps: str = ""
    """Said at wrap-up: what happens next."""
    transitions: list[str] = field(default_factory=list)
    """Lines said between questions."""
    probes: list[str] = field(default_factory=list)
    """Generic follow-up probes, asked when a question has none or is not chosen."""
    follow_up_rate: float = 0.3
    """The chance, 0 to 1, of asking a follow-up after an answer."""
    answer_time: int = 120
    """Default seconds to answer questions that have no time limit."""
    panel: list[PanelMember] | None = None
    """The interviewers of a panel, or None for a single interviewer."""
    track: str = ""
    """The role track this interviewer belongs to, such as Data analytics."""
    max_follow_ups: int = 1
    """How many follow-ups in a row an answer may draw, each on the answer before it."""
    probe_share: float = 0.35
    """The chance, 0 to 1, that a follow-up is one of the persona's probes rather than one of
    the question's own follow-ups (when both exist)."""
    closings: list[Closing] = field(default_factory=list)
    """Closings for particular kinds of session, said instead of ``closing``."""
    replies: list[Reply] = field(default_factory=list)
    """Answers to the candidate's own questions, matched by their words."""
    unmatched_reply: str = ""
    """Said when the candidate asks something no reply matches."""
    voice: PersonaVoice | None = None
    """How the interviewer sounds when voice is on (None: the speech engine's default)."""
    plan: list[Stage]
    """The interview's stages, in order."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Pack:
    """A question pack."""

    format: int
    """The format version its file is written for."""
    id: str
    """The pack's id, unique across installed packs."""
    title: str
    """The pack's name."""
    version: str = "0.1.0"
    """The semantic version of the content."""
    kind: Kind | None = None
    """The default kind of this pack's questions."""
    description: str = ""
    """What the pack holds."""
    authors: list[str] = field(default_factory=list)
    """Who wrote it."""
    license: str = ""
    """An SPDX licence identifier, such as CC-BY-4.0."""
    source: str = ""
    """Where the content comes from."""
    language: str = "en"
    """A BCP 47 language tag."""
    tags: list[str] = field(default_factory=list)
    """Tags added to every question of this pack."""
    rubric: str | None = None
    """The id of the default rubric for this pack's questions."""
    rubrics: list[Rubric] = field(default_factory=list)
    """Rubrics this pack defines."""
    questions: list[Question] = field(default_factory=list)
    """The pack's questions."""
    candidate_questions: list[str] = field(default_factory=list)
    """Good questions for the candidate to ask at the end."""
    personas: list[Persona] = field(default_factory=list)
    """Interviewers."""

    def question_kind(self, question: Question) -> Kind | None:
        """The kind a question ends up with: its own, else the pack's."""
        return question.kind or self.kind

    def question_tags(self, question: Question) -> tuple[str, ...]:
        """The question's tags followed by the pack's, without repeats (case aside)."""
        return merge_tags(question.tags, self.tags)


def merge_tags(*groups: list[str]) -> tuple[str, ...]:
    """Tags of several lists in order, each once: ``Leadership`` and ``leadership`` are one
    tag (spelled as it first comes), since persona plans match tags case-insensitively."""
    merged: dict[str, str] = {}
    for group in groups:
        for tag in group:
            merged.setdefault(tag.casefold(), tag)
    return tuple(merged.values())
