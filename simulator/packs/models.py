"""The question pack format, version 1, as pydantic models.

These models are the single source of truth for the format: the loader validates with them
and ``mock-interview packs schema`` derives its JSON Schema from them, so each attribute's
docstring becomes that field's description in editors. They are used only when a pack file
is parsed: the loader turns a validated pack into the plain records of
:mod:`simulator.packs.records` (:meth:`Pack.to_record`), which is what the rest of the
program holds, and the format's vocabulary (kinds, stages, patterns) lives there too and is
re-exported here.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from simulator.packs import records
from simulator.packs.records import (
    DUE_PATTERN,
    FORMAT_VERSION,
    ID_PATTERN,
    KINDS,
    LANGUAGE_PATTERN,
    SEMVER_PATTERN,
    STAGES,
    VOICE_VARIANT_PATTERN,
    ClosingCase,
    Kind,
    StageName,
    parse_due,
)

__all__ = [
    "DUE_PATTERN",
    "FORMAT_VERSION",
    "ID_PATTERN",
    "KINDS",
    "LANGUAGE_PATTERN",
    "SEMVER_PATTERN",
    "STAGES",
    "Closing",
    "Criterion",
    "Kind",
    "Pack",
    "PanelMember",
    "Persona",
    "PersonaVoice",
    "Question",
    "Reply",
    "Rubric",
    "Stage",
    "StageName",
    "parse_due",
]

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(max_length=10_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Level = Annotated[int, Field(ge=1, le=5)]
Tag = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=60, pattern=records.TAG_PATTERN
    ),
]
"""A tag: free text on one line, such as C++ or System design, kept as written (trimmed)."""

_EXTENSIONS_ALLOWED: dict[str, Any] = {"patternProperties": {"^x-": {}}}


class _Model(BaseModel):
    """Common settings: unknown keys are errors; ``x-`` keys are dropped by the loader."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        json_schema_extra=_EXTENSIONS_ALLOWED,
    )

    def _values(self, **converted: object) -> dict[str, Any]:
        """The fields by name, with ``converted`` ones replaced: what a record is made of.

        The values are this model's own lists and dicts, not copies: a model is dropped
        once it is converted.
        """
        return {**self.__dict__, **converted}


class Criterion(_Model):
    """One thing a rubric scores, from 1 to 5."""

    id: Id
    """The criterion's id, unique within its rubric."""
    label: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """A short name shown beside the score."""
    description: Text = ""
    """What this criterion looks for, in plain text."""
    levels: dict[Level, ShortText] = Field(
        default_factory=dict, json_schema_extra={"propertyNames": {"enum": list("12345")}}
    )
    """Optional anchors: what a score of 1, 2, 3, 4 or 5 looks like."""

    def to_record(self) -> records.Criterion:
        """This criterion as a plain record."""
        return records.Criterion(**self._values())


class Rubric(_Model):
    """A scoring guide: the criteria a user scores an answer against."""

    id: Id
    """The rubric's id, unique within its pack."""
    title: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """The rubric's name."""
    description: Text = ""
    """What the rubric is for, in plain text."""
    criteria: Annotated[list[Criterion], Field(min_length=1, max_length=8)]
    """One to eight criteria, each scored 1 to 5 by the user."""

    def to_record(self) -> records.Rubric:
        """This rubric as a plain record."""
        return records.Rubric(
            **self._values(criteria=[criterion.to_record() for criterion in self.criteria])
        )


class Question(_Model):
    """A question, or for the follow-up kind a writing drill."""

    id: Id
    """The question's id, unique within its pack."""
    prompt: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    """What the interviewer asks, in plain text (at most 2,000 characters)."""
    kind: Kind | None = None
    """The question's kind; when absent, the pack's kind."""
    tags: list[Tag] = Field(default_factory=list)
    """Topics, used by persona plans to pick questions: free text, such as System design."""
    difficulty: Level = 3
    """How hard the question is, 1 (easy) to 5 (hard)."""
    time_limit: Annotated[int, Field(ge=10, le=3600)] | None = None
    """Seconds to answer. When absent: the stage's, then the persona's, then 120."""
    clarification: Text = ""
    """What the interviewer says when the candidate asks for clarification."""
    hints: list[ShortText] = Field(default_factory=list)
    """Hints the candidate may ask for (their use is recorded)."""
    talking_points: list[ShortText] = Field(default_factory=list)
    """What a strong answer covers."""
    keywords: list[Annotated[str, StringConstraints(min_length=1, max_length=60)]] = Field(
        default_factory=list
    )
    """Terms looked for in the answer by the offline insights."""
    follow_ups: list[ShortText] = Field(default_factory=list)
    """Probes the interviewer may ask after the answer."""
    sample_answer: Text = ""
    """A strong answer, shown only after self-scoring."""
    rubric: Id | None = None
    """The rubric to score with; when absent, the pack's, then the kind's built-in rubric."""
    checklist: list[ShortText] = Field(default_factory=list)
    """Self-check items, ticked after answering."""
    due: Annotated[str, StringConstraints(pattern=DUE_PATTERN)] | None = None
    """Follow-up kind only: when it is due after the interview, such as 24h or 7d."""

    def to_record(self) -> records.Question:
        """This question as a plain record."""
        return records.Question(**self._values())


class PanelMember(_Model):
    """One interviewer of a panel persona (an extension to format 1)."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """The interviewer's name."""
    role: Annotated[str, StringConstraints(max_length=80)] = ""
    """Their role, such as Engineering manager."""

    def to_record(self) -> records.PanelMember:
        """This panel member as a plain record."""
        return records.PanelMember(**self._values())


class PersonaVoice(_Model):
    """Extension: how the interviewer sounds when the app reads their lines aloud."""

    rate: Annotated[int, Field(ge=80, le=450)] | None = None
    """Words a minute, 80 to 450; left out for the speech engine's usual pace (about 175)."""
    pitch: Annotated[int, Field(ge=0, le=99)] | None = None
    """0 (lowest) to 99 (highest); left out for the engine's usual pitch, 50."""
    variant: Annotated[str, StringConstraints(pattern=VOICE_VARIANT_PATTERN)] | None = None
    """The speech engine's voice variant, such as f3, m2 or klatt (espeak-ng's names;
    engines without variants ignore it)."""

    def to_record(self) -> records.PersonaVoice:
        """This voice as a plain record."""
        return records.PersonaVoice(**self._values())


class Reply(_Model):
    """Extension: what the interviewer answers when the candidate asks about something."""

    about: Annotated[
        list[Annotated[str, StringConstraints(min_length=1, max_length=60)]],
        Field(min_length=1, max_length=20),
    ]
    """Words or phrases, such as "typical day"; the reply is given when the candidate's
    question holds one of them (case and punctuation aside)."""
    reply: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    """What the interviewer says."""

    def to_record(self) -> records.Reply:
        """This reply as a plain record."""
        return records.Reply(**self._values())


class Closing(_Model):
    """Extension: what the interviewer says at the end of a session that went a certain way."""

    when: ClosingCase
    """strong (answered in full and in time), brief (short answers), overtime (ran over the
    time on several answers) or many-skips (skipped several questions)."""
    say: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    """What the interviewer says."""

    def to_record(self) -> records.Closing:
        """This closing as a plain record."""
        return records.Closing(**self._values())


class Stage(_Model):
    """One stage of a persona's interview plan."""

    stage: StageName
    """What happens in this stage."""
    title: Annotated[str, StringConstraints(max_length=80)] = ""
    """A name for the stage, shown as the interview goes."""
    count: Annotated[int, Field(ge=1, le=100)] = 1
    """Questions stage: how many questions to ask."""
    kinds: list[Kind] = Field(default_factory=list)
    """Questions stage: only questions of these kinds."""
    tags: list[Tag] = Field(default_factory=list)
    """Questions stage: only questions with any of these tags (case aside)."""
    packs: list[Id] = Field(default_factory=list)
    """Questions stage: only questions from these packs."""
    difficulty: Annotated[list[Level], Field(min_length=2, max_length=2)] | None = None
    """Questions stage: an inclusive range of difficulty, such as [2, 4]."""
    time_limit: Annotated[int, Field(ge=10, le=3600)] | None = None
    """Seconds per answer in this stage (for a pitch stage, the pitch's length)."""

    @field_validator("difficulty")
    @classmethod
    def _ordered_range(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and value[0] > value[1]:
            raise ValueError("the range's first number must not be above its second")
        return value

    def to_record(self) -> records.Stage:
        """This stage as a plain record."""
        return records.Stage(**self._values())


class Persona(_Model):
    """An interviewer: a voice, a style and an interview plan."""

    id: Id
    """The persona's id, unique across all installed packs."""
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """The interviewer's name."""
    role: Annotated[str, StringConstraints(max_length=80)] = ""
    """Their role, such as Senior engineer."""
    description: Text = ""
    """Their style, in a sentence or two."""
    greeting: Text = ""
    """What they say at the start."""
    closing: Text = ""
    """What they say at the end."""
    instructions: Text = ""
    """Shown at the prep stage: what to prepare."""
    next_steps: Text = ""
    """Said at wrap-up: what happens next."""
    transitions: list[ShortText] = Field(default_factory=list)
    """Lines said between questions."""
    probes: list[ShortText] = Field(default_factory=list)
    """Generic follow-up probes, asked when a question has none or is not chosen."""
    follow_up_rate: Annotated[float, Field(ge=0.0, le=1.0)] = 0.3
    """The chance, 0 to 1, of asking a follow-up after an answer."""
    answer_time: Annotated[int, Field(ge=10, le=3600)] = 120
    """Default seconds to answer questions that have no time limit."""
    panel: Annotated[list[PanelMember], Field(min_length=2, max_length=6)] | None = None
    """Extension: the interviewers of a panel; a thank-you note is planned for each."""
    track: Annotated[str, StringConstraints(max_length=60)] = ""
    """Extension: the role track this interviewer belongs to, such as Data analytics; the
    home screen groups interviewers by it."""
    max_follow_ups: Annotated[int, Field(ge=0, le=5)] = 1
    """Extension: how many follow-ups in a row one answer may draw, each on the answer
    before it."""
    probe_share: Annotated[float, Field(ge=0.0, le=1.0)] = 0.35
    """Extension: the chance, 0 to 1, that a follow-up is one of the persona's probes rather
    than one of the question's own follow-ups (when both exist)."""
    closings: list[Closing] = Field(default_factory=list)
    """Extension: closings for particular kinds of session, said instead of closing."""
    replies: Annotated[list[Reply], Field(max_length=50)] = Field(default_factory=list)
    """Extension: answers to the candidate's own questions, matched by their words."""
    unmatched_reply: Text = ""
    """Extension: said when the candidate asks something no reply matches."""
    voice: PersonaVoice | None = None
    """Extension: how the interviewer sounds when voice is on."""
    plan: Annotated[list[Stage], Field(min_length=1, max_length=30)]
    """The interview's stages, in order."""

    def to_record(self) -> records.Persona:
        """This persona as a plain record."""
        panel = self.panel
        return records.Persona(
            **self._values(
                panel=None if panel is None else [member.to_record() for member in panel],
                voice=None if self.voice is None else self.voice.to_record(),
                closings=[closing.to_record() for closing in self.closings],
                replies=[reply.to_record() for reply in self.replies],
                plan=[stage.to_record() for stage in self.plan],
            )
        )


class Pack(_Model):
    """A question pack file."""

    format: Annotated[int, Field(ge=1)]
    """The format version this file is written for; this program reads up to 1."""
    id: Id
    """The pack's id, unique across installed packs."""
    title: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """The pack's name, at most 80 characters."""
    version: Annotated[str, StringConstraints(pattern=SEMVER_PATTERN)] = "0.1.0"
    """The semantic version of the content."""
    kind: Kind | None = None
    """The default kind of this pack's questions."""
    description: Text = ""
    """What the pack holds, in plain text."""
    authors: list[Annotated[str, StringConstraints(min_length=1, max_length=120)]] = Field(
        default_factory=list
    )
    """Who wrote it."""
    license: Annotated[str, StringConstraints(max_length=100)] = ""
    """An SPDX licence identifier, such as CC-BY-4.0."""
    source: Annotated[str, StringConstraints(max_length=500)] = ""
    """Where the content comes from."""
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)] = "en"
    """A BCP 47 language tag."""
    tags: list[Tag] = Field(default_factory=list)
    """Tags added to every question of this pack: free text, such as System design."""
    rubric: Id | None = None
    """The default rubric for this pack's questions."""
    rubrics: list[Rubric] = Field(default_factory=list)
    """Rubrics this pack defines."""
    questions: list[Question] = Field(default_factory=list)
    """The pack's questions."""
    candidate_questions: list[ShortText] = Field(default_factory=list)
    """Good questions for the candidate to ask at the end."""
    personas: list[Persona] = Field(default_factory=list)
    """Interviewers."""

    def question_kind(self, question: Question) -> Kind | None:
        """The kind a question ends up with: its own, else the pack's."""
        return question.kind or self.kind

    def to_record(self) -> records.Pack:
        """This pack as the plain record the rest of the program holds."""
        return records.Pack(
            **self._values(
                rubrics=[rubric.to_record() for rubric in self.rubrics],
                questions=[question.to_record() for question in self.questions],
                personas=[persona.to_record() for persona in self.personas],
            )
        )
