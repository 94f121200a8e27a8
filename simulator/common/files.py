"""Writing a file so that a crash, a full disk or a second process never leaves half of it.

Every file the app writes whole (settings, exports, emergency copies, personal packs,
caches) goes through here: the data is written to a temporary file beside the target and
renamed over it, so a reader sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _as_bytes(data: bytes | str) -> bytes:
    # Text is always UTF-8 with "\n" line ends, on every platform, so a file written on
    # one machine reads back the same on another.
    return data.encode("utf-8") if isinstance(data, str) else data


@contextlib.contextmanager
def temporary_copy(
    folder: Path, name: str, data: bytes | str, *, sync: bool = True
) -> Iterator[Path]:
    """A temporary file in ``folder`` holding ``data`` (flushed to disk when ``sync``),
    removed on leaving unless the caller moved it away. Raises OSError."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_as_bytes(data))
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        yield Path(temporary)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_atomically(
    path: Path, data: bytes | str, *, sync: bool = True, make_folder: bool = False
) -> None:
    """Replace ``path`` with ``data`` in one step: a crash leaves the old file or the new
    one. ``sync`` makes the new file and its name durable before returning (caches, which
    may be lost, skip it); ``make_folder`` creates the folder first. Raises OSError."""
    path = Path(path)
    folder = path.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    with temporary_copy(folder, path.name, data, sync=sync) as temporary:
        os.replace(temporary, path)
    if sync:
        _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk too; some systems
    # (Windows, some network file systems) cannot open a folder, and then this is skipped.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
