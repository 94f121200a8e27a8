"""The progress report: self-score trends, the streak, and the questions due for review.

Everything the progress screen shows comes from one call, :func:`read_report`, which waits
for the saves still queued (so a session just scored is counted), then reads the journal
and works the report out. The screen only shows it, and a review session is started with
:func:`review_options`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.engine.answers import prompt_hash
from simulator.engine.history import QuestionKey
from simulator.engine.progress import Progress, progress, rubric_names
from simulator.engine.review import ReviewItem, due_reviews, has_questions_stage
from simulator.engine.review import schedules as review_schedules
from simulator.journal import Journal
from simulator.packs.library import Library, PersonaEntry
from simulator.packs.records import Rubric
from simulator.packs.rubrics import BUILTIN_RUBRICS
from simulator.services.practice import JournalWriter, StartOptions

REVIEW_LIMIT = 10
"""The most questions one review session asks (the most urgent due ones)."""


@dataclass(frozen=True)
class ProgressReport:
    """What the progress screen shows."""

    progress: Progress
    """Trends, streak and totals."""
    reviews: list[ReviewItem]
    """Questions due for review, most urgent first (installed ones only)."""
    prompts: dict[QuestionKey, str]
    """The prompt of each installed question, as installed now."""


def installed_rubrics(library: Library | None) -> list[Rubric]:
    """The built-in rubrics, then those the installed packs define."""
    rubrics = list(BUILTIN_RUBRICS.values())
    if library is not None:
        rubrics += [rubric for loaded in library.packs for rubric in loaded.pack.rubrics]
    return rubrics


def reviewers(library: Library | None) -> list[PersonaEntry]:
    """Interviewers who can run a review: usable, with a questions stage."""
    if library is None:
        return []
    return [
        entry for entry in library.personas if entry.usable and has_questions_stage(entry.persona)
    ]


def review_keys(reviews: Sequence[ReviewItem]) -> list[QuestionKey]:
    """The questions one review session asks: the most urgent of those due."""
    return [item.key for item in reviews[:REVIEW_LIMIT]]


def review_options(persona_id: str, keys: Sequence[QuestionKey]) -> StartOptions:
    """Options for a review session that asks exactly these questions."""
    return StartOptions(persona_id, question_keys=tuple(keys))


def read_report(
    journal: Journal, library: Library | None, now: float, writer: JournalWriter | None = None
) -> ProgressReport:
    """The report as of ``now``, after ``writer``'s queued saves; ``library`` names the
    criteria and says which due questions are still installed (and which changed since).
    Raises :class:`~simulator.journal.JournalError` when the journal cannot be read."""
    if writer is not None:
        writer.flush()
    answers = journal.scored_answers()
    sessions = journal.list_sessions()
    events = journal.review_events()
    real = journal.count_real_interviews()
    prompts: dict[QuestionKey, str] = {}
    changed: set[QuestionKey] = set()
    installed: set[QuestionKey] | None = None
    if library is not None:
        prompts = {ref.key: ref.question.prompt for ref in library.questions()}
        installed = set(prompts)
        changed = journal.changed_questions(
            {key: prompt_hash(text) for key, text in prompts.items()}
        )
    labels, titles = rubric_names(installed_rubrics(library))
    result = progress(
        answers, sessions, now=now, labels=labels, rubric_titles=titles, real_interviews=real
    )
    reviews = due_reviews(review_schedules(events), now, changed=changed, installed=installed)
    return ProgressReport(result, reviews, prompts)
