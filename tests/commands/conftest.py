"""Command tests: the journal tests' sample builders (tests/journal/journal_samples.py) are
importable from here, as ``import journal_samples as samples``.

Every test already runs with its own MOCK_INTERVIEW_HOME (the ``home`` fixture of
tests/conftest.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

JOURNAL_TESTS = Path(__file__).resolve().parent.parent / "journal"
if str(JOURNAL_TESTS) not in sys.path:
    sys.path.insert(0, str(JOURNAL_TESTS))
