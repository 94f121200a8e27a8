"""Journal tests: the sample builders (journal_samples.py) are importable from here.

Every test already runs with its own MOCK_INTERVIEW_HOME (the ``home`` fixture of
tests/conftest.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
