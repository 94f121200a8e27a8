"""Unexpected errors, written with their tracebacks to a log file under the data folder."""

from __future__ import annotations

import time
import traceback
from pathlib import Path

from simulator.common import locations

MAX_LOG_BYTES = 1024 * 1024
"""When the log grows past this, it starts again (the previous one is kept as .1)."""


def log_error(error: BaseException, context: str = "") -> Path | None:
    """Append the error and its traceback to the error log; its path, or None if unwritable."""
    path = locations.log_dir() / "errors.log"
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    entry = f"--- {stamp} {context}\n{details}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
        with path.open("a", encoding="utf-8") as stream:
            stream.write(entry)
    except OSError:
        return None
    return path
