"""The one error type the pack loader raises."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack file, at a 1-based line and column."""

    path: Path
    """The pack file."""
    line: int
    """The line, counting from 1."""
    column: int
    """The column, counting from 1."""
    message: str
    """A plain message that names the field."""

    def to_json(self) -> dict[str, object]:
        """The problem as plain JSON values."""
        return {
            "path": str(self.path),
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class PackError(Exception):
    """A pack file that cannot be used, with every problem found in it (at least one)."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("a PackError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0]
        super().__init__(str(first))
        self.path: Path = first.path
        """The pack file."""
        self.line: int = first.line
        """The first problem's line."""
        self.column: int = first.column
        """The first problem's column."""
        self.message: str = first.message
        """The first problem's message."""

    @classmethod
    def at(cls, path: Path, line: int, column: int, message: str) -> PackError:
        """An error with a single problem."""
        return cls([Problem(path, line, column, message)])
