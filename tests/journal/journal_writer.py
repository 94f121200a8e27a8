"""A helper process for the crash and concurrency tests (run as a script, not collected).

Usage: journal_writer.py DB PREFIX COUNT
Saves COUNT sessions (forever when COUNT is 0) with ids PREFIX-N, each with a draft,
printing each id on its own line once its transaction has committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journal_samples import T0, finished_session

from simulator.journal import Journal


def main() -> None:
    """Write sessions until done (or killed)."""
    path, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    journal = Journal.open(path)
    number = 0
    while count == 0 or number < count:
        session_id = f"{prefix}-{number}"
        journal.save_session(finished_session(session_id, created_at=T0 + number))
        journal.save_draft(session_id, "answer:a1", f"draft {number} " * 50)
        sys.stdout.write(f"{session_id}\n")
        sys.stdout.flush()
        number += 1
    journal.close()


if __name__ == "__main__":
    main()
