"""A base for things that are closed when a ``with`` block ends."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class ClosedOnExit:
    """``with thing:`` closes the thing at the end of the block (subclasses give ``close``)."""

    def close(self) -> None:
        """Let go of what is held (subclasses fill this in)."""

    def __enter__(self) -> Self:
        """Use as a context manager that closes it."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Close it."""
        self.close()
