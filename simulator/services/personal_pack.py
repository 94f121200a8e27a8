"""Practise this again: a logged real interview's questions as a personal pack.

The pack goes into the user's pack folder (:func:`simulator.common.locations.user_packs_dir`) as
one YAML file that follows pack-format.md: the logged questions (with the kind the
interview's format suggests), tagged ``real-interview``, and an interviewer persona whose
plan asks all of them, so the questions can be drilled like any other pack. The text is
checked with :func:`simulator.packs.load_pack_text` before anything is written, and the file
is written atomically (a temporary file renamed over the old one).

Logging the same interview again and pressing "Practise this again" updates its pack: the
file records the interview's id under the extension key ``x-interview-id``, which the
loader ignores.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from simulator.common import locations
from simulator.common.files import write_atomically
from simulator.journal.models import RealInterview
from simulator.packs import PackError, load_pack_text
from simulator.packs.records import KINDS

PACK_TAG = "real-interview"
"""The tag every question of a personal pack carries."""

MAX_PROMPT = 2000
"""The longest prompt a pack may hold."""

MAX_NAME = 80
"""The longest title, name or role a pack may hold."""

_SLUG_LENGTH = 32
_KEEP = {"\n", "\t", "\u200c", "\u200d"}


class PersonalPackError(Exception):
    """The pack could not be made or written; the message says why, plainly."""


@dataclass(frozen=True)
class PersonalPack:
    """A personal pack that was written."""

    path: Path
    """The file."""
    pack_id: str
    """The pack's id."""
    persona_id: str
    """The id of its interviewer, who asks all its questions."""
    questions: int
    """How many questions it holds."""
    replaced: bool
    """Whether it replaced an earlier pack made from the same interview."""


def clean_text(text: str) -> str:
    """Text a pack may hold: line breaks made plain, control and invisible formatting
    characters (which packs refuse) dropped, surrounding space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = [
        char
        for char in text
        if char in _KEEP or unicodedata.category(char) not in ("Cc", "Cf", "Cs")
    ]
    return "".join(kept).strip()


def _short(text: str, limit: int) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slug(text: str, limit: int = _SLUG_LENGTH) -> str:
    """Lowercase letters and digits joined by single hyphens (ASCII only)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > limit:
            break
        result = candidate
    return result or (words[0][:limit] if words else "")


def base_pack_id(interview: RealInterview) -> str:
    """``real-<company>-<date>``, such as ``real-acme-2026-01-03``."""
    day = datetime.fromtimestamp(interview.held_at).astimezone().date().isoformat()
    company = slug(interview.company) or "interview"
    return f"real-{company}-{day}"


def _question_entries(interview: RealInterview) -> list[dict[str, Any]]:
    """The interview's questions as pack questions, numbered as logged (blank ones left out)."""
    entries: list[dict[str, Any]] = []
    for number, question in enumerate(interview.questions, start=1):
        prompt = clean_text(question.prompt)
        if not prompt:
            continue
        kind = interview.question_kind(question)
        entries.append(
            {
                "id": f"q{number}",
                "prompt": prompt[:MAX_PROMPT],
                "kind": kind if kind in KINDS else "behavioral",
                "tags": [PACK_TAG],
            }
        )
    return entries


def _persona(
    interview: RealInterview, pack_id: str, company: str, day: str, count: int
) -> dict[str, Any]:
    """The interviewer who asks the questions again, named after the real one."""
    interviewer = _short(interview.interviewers[0], MAX_NAME) if interview.interviewers else ""
    persona: dict[str, Any] = {
        "id": f"{pack_id}-interviewer",
        "name": interviewer or _short(f"Your interviewer at {company}", MAX_NAME),
        "role": _short(f"{interview.format_name} interview, {company}", MAX_NAME),
        "description": _short(
            f"Asks again the questions from your {interview.format_name.lower()} interview "
            f"at {company} on {day}.",
            500,
        ),
        "greeting": f"Welcome back. Let's go over the questions from {company} once more.",
        "closing": "That's all of them. Compare with how it went on the day.",
        "plan": [
            {"stage": "prep"},
            {"stage": "intro"},
            {
                "stage": "questions",
                "title": "Questions from the interview",
                "count": count,
                "packs": [pack_id],
            },
            {"stage": "your-questions"},
            {"stage": "wrap-up"},
        ],
    }
    differently = clean_text(interview.reflection["say_differently"])
    if differently:
        persona["instructions"] = f"What you wanted to say differently:\n{differently}"[:10_000]
    return persona


def pack_data(interview: RealInterview, pack_id: str) -> dict[str, Any]:
    """The pack as plain data, ready to be written as YAML."""
    entries = _question_entries(interview)
    if not entries:
        raise PersonalPackError("log at least one question the interviewer asked first")
    company = _short(interview.company, 60) or "the company"
    day = datetime.fromtimestamp(interview.held_at).astimezone().date().isoformat()
    return {
        "format": 1,
        "id": pack_id,
        "title": _short(f"Real interview: {interview.title}", MAX_NAME),
        "version": "0.1.0",
        "description": f"The questions asked in a real interview at {company} on {day}.",
        "language": "en",
        "tags": [PACK_TAG],
        "x-interview-id": interview.id,
        "questions": entries,
        "personas": [_persona(interview, pack_id, company, day, len(entries))],
    }


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks, so the file reads like it was typed."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def pack_text(interview: RealInterview, pack_id: str) -> str:
    """The pack file's text: a short comment, then the YAML."""
    body = yaml.dump(
        pack_data(interview, pack_id),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )
    header = (
        "# A personal pack made by mock-interview from a real interview you logged.\n"
        "# Edit it as you like; check it with:  mock-interview packs validate THIS-FILE\n"
    )
    return header + body


def _recorded_interview(path: Path) -> str | None:
    """The interview id an existing pack file was made from, if it says."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r"^x-interview-id:\s*'?([0-9a-zA-Z_-]+)'?\s*$", text, re.MULTILINE)
    return found.group(1) if found else None


def choose_path(interview: RealInterview, folder: Path) -> tuple[str, Path, bool]:
    """(pack id, file, whether it replaces this interview's earlier pack): a file made from
    another interview is never replaced; a number is added to the id instead."""
    base = base_pack_id(interview)
    for number in range(1, 100):
        pack_id = base if number == 1 else f"{base}-{number}"
        path = folder / f"{pack_id}.yaml"
        if not path.exists():
            return pack_id, path, False
        if _recorded_interview(path) == interview.id:
            return pack_id, path, True
    raise PersonalPackError(f"too many personal packs named {base} in {folder}")


def write_personal_pack(interview: RealInterview, folder: Path | None = None) -> PersonalPack:
    """Turn a logged interview's questions into a pack file in ``folder`` (default: the
    user's pack folder), checked before it is written. Raises :class:`PersonalPackError`."""
    target = locations.user_packs_dir() if folder is None else Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PersonalPackError(f"cannot create the pack folder {target}: {error}") from None
    pack_id, path, replaced = choose_path(interview, target)
    text = pack_text(interview, pack_id)
    try:
        pack = load_pack_text(path, text)
    except PackError as error:
        details = "; ".join(problem.message for problem in error.problems[:3])
        raise PersonalPackError(f"the pack would not be valid: {details}") from None
    try:
        write_atomically(path, text)
    except OSError as error:
        raise PersonalPackError(f"cannot write {path}: {error}") from None
    return PersonalPack(
        path=path,
        pack_id=pack.id,
        persona_id=pack.personas[0].id,
        questions=len(pack.questions),
        replaced=replaced,
    )
