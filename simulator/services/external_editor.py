"""Editing a draft in the user's own editor: which editor, and the file it edits.

The editor is ``$VISUAL``, else ``$EDITOR`` (each may hold arguments, such as
``code --wait``). The text goes to a temporary file of its own, readable by the user only,
which is deleted once the editor has closed, whatever happened.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

Run = Callable[[Sequence[str]], int]
"""Runs a command to its end and returns its exit status."""


class EditorError(Exception):
    """The editor could not be started, or gave up: the draft is left as it was."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The editor to run, split into words: ``$VISUAL``, else ``$EDITOR``; None if neither
    is set. Raises :class:`EditorError` for a value that cannot be split (an open quote)."""
    values = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = values.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError as error:
                raise EditorError(f"${name} ({value}) cannot be read: {error}") from None
            if words:
                return words
    return None


def _run(command: Sequence[str]) -> int:
    """Run the editor in the terminal, waiting for it to close."""
    return subprocess.run(list(command), check=False).returncode


def edit_text(
    text: str,
    command: Sequence[str],
    *,
    folder: Path | None = None,
    suffix: str = ".txt",
    run: Run = _run,
) -> str:
    """``text`` as the user left it in the editor ``command``.

    The file is made in ``folder`` (created if needed; the system's temporary folder if
    None) and deleted afterwards. A file that cannot be made, an editor that cannot be
    started, or one that ends with an error (vim's ``:cq``, for one), raises
    :class:`EditorError`. A final newline the editor
    added to text that had none is taken off again.
    """
    try:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix="mock-interview-", suffix=suffix, dir=folder)
    except OSError as error:
        raise EditorError(f"No file for the editor could be made: {error}") from None
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        try:
            status = run([*command, str(path)])
        except OSError as error:
            raise EditorError(f"{command[0]} could not be started: {error}") from None
        if status != 0:
            raise EditorError(f"{command[0]} ended with status {status}; nothing was changed")
        edited = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    if not text.endswith("\n") and edited.endswith("\n"):
        edited = edited[:-1].removesuffix("\r")
    return edited
