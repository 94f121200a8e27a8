"""Spoken answers in the journal: each answer may own one recording, with its transcript
and its delivery measures.

The WAV files live in a ``recordings`` folder next to the journal file (the data
directory, for the user's journal): ``recordings/<session id>/<answer id>.wav``. The
``recordings`` table keeps, per answer, the file's name inside that folder, its length,
the transcript and the delivery measures as JSON. Its rows belong to the session (deleted
with it), not to the answer row: a session's answer rows are written afresh on every save.
Deleting a session deletes its recordings' files too. No export holds audio: only
:func:`copy_recordings` copies it, when asked.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from abc import abstractmethod
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.journal.errors import JournalError

RECORDINGS_FOLDER = "recordings"
"""The folder of WAV files, next to the journal file."""

_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True)
class AnswerRecording:
    """The recording an answer owns."""

    session_id: str
    """The session."""
    answer_id: str
    """The answer (its id in the session snapshot)."""
    path: Path
    """The WAV file."""
    duration: float
    """Seconds recorded."""
    transcript: dict[str, Any]
    """What the recogniser heard (``simulator.voice.transcript.Transcript.to_json``)."""
    delivery: dict[str, Any]
    """The delivery measures (``simulator.engine.insights.delivery.Delivery.to_json``)."""
    recorded_at: float
    """When it was stored, seconds since the epoch."""

    @property
    def transcript_text(self) -> str:
        """The transcript as one line of text (before any correction by hand)."""
        return str(self.transcript.get("text", ""))


def _checked_id(value: str, what: str) -> str:
    if not _SAFE_ID.fullmatch(value):
        raise JournalError(f"{what} {value!r} cannot name a recording")
    return value


def relative_file(session_id: str, answer_id: str) -> str:
    """An answer's recording inside the recordings folder: ``SESSION/ANSWER.wav``."""
    return f"{_checked_id(session_id, 'session id')}/{_checked_id(answer_id, 'answer id')}.wav"


def _row(root: Path, row: tuple[Any, ...]) -> AnswerRecording:
    session_id, answer_id, file, duration, transcript, delivery, recorded_at = row
    return AnswerRecording(
        session_id=str(session_id),
        answer_id=str(answer_id),
        path=root / str(file),
        duration=float(duration),
        transcript=json.loads(transcript),
        delivery=json.loads(delivery),
        recorded_at=float(recorded_at),
    )


_COLUMNS = "session_id, answer_id, file, duration, transcript, delivery, recorded_at"


def _json(value: Mapping[str, Any], what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise JournalError(f"the {what} cannot be saved: {error}") from None


class RecordingStore:
    """The journal's recording methods (:class:`~simulator.journal.store.Journal` has them)."""

    path: Path
    """The journal's database file."""

    @abstractmethod
    def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...

    @abstractmethod
    def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...

    @abstractmethod
    def _now(self) -> float: ...

    @property
    def recordings_dir(self) -> Path:
        """The folder of recordings, next to the journal file (nothing is created)."""
        return self.path.parent / RECORDINGS_FOLDER

    def recording_path(self, session_id: str, answer_id: str) -> Path:
        """Where an answer's recording is to be written (the recorder creates the folder).
        Raises JournalError for an id that cannot be part of a file name."""
        return self.recordings_dir / relative_file(session_id, answer_id)

    def save_recording(
        self,
        session_id: str,
        answer_id: str,
        *,
        duration: float,
        transcript: Mapping[str, Any],
        delivery: Mapping[str, Any],
    ) -> AnswerRecording:
        """Let the answer own the recording written at :meth:`recording_path`, with its
        transcript and delivery measures (a recording made again replaces the last).
        The session must be in the journal and the file must exist."""
        file = relative_file(session_id, answer_id)
        if not (self.recordings_dir / file).is_file():
            raise JournalError(f"there is no recording at {self.recordings_dir / file}")
        row = (
            session_id,
            answer_id,
            file,
            float(duration),
            _json(transcript, "transcript"),
            _json(delivery, "delivery measures"),
            self._now(),
        )
        with self._writing() as connection:
            if connection.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone():
                connection.execute(
                    f"INSERT OR REPLACE INTO recordings ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
                    row,
                )
            else:
                raise JournalError(f"no session with id {session_id}")
        return _row(self.recordings_dir, row)

    def recording(self, session_id: str, answer_id: str) -> AnswerRecording | None:
        """The recording an answer owns, or None."""
        with self._reading() as connection:
            found = connection.execute(
                f"SELECT {_COLUMNS} FROM recordings WHERE session_id = ? AND answer_id = ?",  # noqa: S608
                (session_id, answer_id),
            ).fetchone()
        return None if found is None else _row(self.recordings_dir, tuple(found))

    def session_recordings(self, session_id: str) -> list[AnswerRecording]:
        """Every recording of a session, in the order they were made."""
        with self._reading() as connection:
            rows = connection.execute(
                f"SELECT {_COLUMNS} FROM recordings WHERE session_id = ? "  # noqa: S608
                "ORDER BY recorded_at, answer_id",
                (session_id,),
            ).fetchall()
        return [_row(self.recordings_dir, tuple(row)) for row in rows]

    def delete_recording(self, session_id: str, answer_id: str) -> bool:
        """Forget an answer's recording and delete its file. Returns whether it had one."""
        with self._writing() as connection:
            deleted = connection.execute(
                "DELETE FROM recordings WHERE session_id = ? AND answer_id = ?",
                (session_id, answer_id),
            )
        path = self.recording_path(session_id, answer_id)
        path.unlink(missing_ok=True)
        return deleted.rowcount > 0

    def unclaimed_recordings(self) -> list[tuple[str, str, Path]]:
        """(session id, answer id, file) of each WAV file in the recordings folder that no
        answer owns yet: one being made when the program stopped (see
        ``simulator.voice.wavfile.repair_wav``), oldest first."""
        with self._reading() as connection:
            owned = {str(row[0]) for row in connection.execute("SELECT file FROM recordings")}
        found: list[tuple[float, str, str, Path]] = []
        for path in self.recordings_dir.glob("*/*.wav"):
            session_id, answer_id = path.parent.name, path.stem
            if not _SAFE_ID.fullmatch(session_id) or not _SAFE_ID.fullmatch(answer_id):
                continue
            if f"{session_id}/{answer_id}.wav" not in owned:
                found.append((path.stat().st_mtime, session_id, answer_id, path))
        return [(session, answer, path) for _, session, answer, path in sorted(found)]

    def _delete_session_recordings(self, session_id: str) -> None:
        """Delete a deleted session's recording files (its rows went with it)."""
        if not _SAFE_ID.fullmatch(session_id):
            return
        folder = self.recordings_dir / session_id
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def copy_recordings(journal: RecordingStore, session_id: str, folder: Path) -> list[Path]:
    """Copy a session's recordings into ``folder`` (created if needed), each named after
    its answer, with a ``transcripts.json`` of their transcripts and delivery measures.
    Nothing else ever puts audio outside the data directory. Returns the files written."""
    recordings = journal.session_recordings(session_id)
    folder = Path(folder)
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for recording in recordings:
            target = folder / f"{recording.answer_id}.wav"
            shutil.copyfile(recording.path, target)
            written.append(target)
        listing = [
            {
                "answer_id": recording.answer_id,
                "file": f"{recording.answer_id}.wav",
                "duration": recording.duration,
                "transcript": recording.transcript,
                "delivery": recording.delivery,
            }
            for recording in recordings
        ]
        index = folder / "transcripts.json"
        index.write_text(json.dumps(listing, indent=2, ensure_ascii=False) + "\n", "utf-8")
        written.append(index)
    except OSError as error:
        raise JournalError(f"cannot copy the recordings to {folder}: {error}") from None
    return written
