"""Where typed text goes when the journal cannot be written: small JSON files, written safely.

Each session gets one file holding its latest snapshot and drafts. Files are written to a
temporary file, flushed to disk, then renamed over the old one, so a crash leaves either the
old file or the new one, never half of either. On the next start the app moves them back
into the journal.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from simulator.common import locations
from simulator.common.files import write_atomically


def home_key() -> str:
    """A short name for this data folder, so that homes never share a temporary folder."""
    home = os.path.abspath(locations.data_dir())
    return hashlib.sha256(os.fsencode(home)).hexdigest()[:16]


def candidate_folders() -> list[Path]:
    """Where emergency files may go, best first: beside the journal, then the cache, then a
    temporary folder of this home's own (another ``MOCK_INTERVIEW_HOME`` uses another)."""
    return [
        locations.data_dir() / "emergency",
        locations.cache_dir() / "emergency",
        Path(tempfile.gettempdir()) / f"mock-interview-emergency-{home_key()}",
    ]


class EmergencyStore:
    """Emergency copies of sessions, one JSON file per session."""

    def __init__(self, folders: list[Path] | None = None, home: str | None = None) -> None:
        self.folders = folders if folders is not None else candidate_folders()
        self.home = home if home is not None else home_key()
        """The home whose copies these are: each file is marked with it."""

    def belongs_here(self, record: dict[str, Any]) -> bool:
        """Whether a copy was written by this home (copies from before the mark are)."""
        return bool(record.get("home", self.home) == self.home)

    def _read(self, path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(
        self, session_id: str, *, snapshot: object = None, drafts: dict[str, str] | None = None
    ) -> Path:
        """Keep a snapshot and/or drafts for a session; returns the file written.

        Raises OSError only when no folder at all can be written.
        """
        last_error: OSError | None = None
        for folder in self.folders:
            path = folder / f"{session_id}.json"
            record = self._read(path)
            if snapshot is not None:
                record["snapshot"] = snapshot
            record.setdefault("drafts", {}).update(drafts or {})
            record["session_id"] = session_id
            record["home"] = self.home
            try:
                write_atomically(path, json.dumps(record, ensure_ascii=False), make_folder=True)
            except OSError as error:
                last_error = error
                continue
            return path
        assert last_error is not None
        raise last_error

    def forget(
        self, session_id: str, *, slots: Iterable[str] = (), snapshot: bool = False
    ) -> None:
        """Drop what the journal now holds newer copies of: drafts by slot, and the snapshot.

        Left in place, an older copy would be moved back over the newer text on the next
        start. A file left with nothing in it is removed. Raises OSError when a file cannot
        be rewritten or removed.
        """
        dropped = set(slots)
        for folder in self.folders:
            path = folder / f"{session_id}.json"
            if not path.is_file():
                continue
            record = self._read(path)
            if not record or not self.belongs_here(record):
                continue  # unreadable (left for recovery to judge), or another home's
            drafts = {
                slot: text
                for slot, text in dict(record.get("drafts") or {}).items()
                if slot not in dropped
            }
            if snapshot:
                record.pop("snapshot", None)
            if not drafts and record.get("snapshot") is None:
                path.unlink(missing_ok=True)
                continue
            record["drafts"] = drafts
            write_atomically(path, json.dumps(record, ensure_ascii=False), make_folder=True)

    def pending(self) -> list[Path]:
        """Emergency files waiting to go back into the journal."""
        found: list[Path] = []
        for folder in self.folders:
            try:
                found.extend(sorted(folder.glob("*.json")))
            except OSError:
                continue
        return found

    def load(self, path: Path) -> dict[str, Any]:
        """One emergency file's record (empty when unreadable)."""
        return self._read(path)
