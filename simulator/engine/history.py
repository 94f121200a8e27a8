"""What the engine needs to know about the user's past answers, without knowing storage.

The journal implements :class:`QuestionHistory`; tests use a plain dict-backed fake.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

QuestionKey = tuple[str, str]
"""(pack id, question id)."""


@dataclass(frozen=True)
class QuestionStats:
    """The user's record with one question."""

    times_seen: int
    """How many finished or abandoned sessions asked it (skips count)."""
    mean_score: float | None
    """The mean of all criterion scores given to its answers (1 to 5); None if never scored."""
    last_seen: float | None
    """When it was last asked (seconds since the epoch)."""


class QuestionHistory(Protocol):
    """A source of per-question statistics."""

    def question_stats(self) -> Mapping[QuestionKey, QuestionStats]:
        """Statistics for every question the user has been asked."""
        ...


class NoHistory:
    """A history with nothing in it: every question is unseen."""

    def question_stats(self) -> Mapping[QuestionKey, QuestionStats]:
        """No statistics."""
        return {}
