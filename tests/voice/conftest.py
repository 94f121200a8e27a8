"""Voice tests: the committed recordings (made by make_audio.py) and fake devices, in
voice_helpers.py.

Tests that need the voice extra skip themselves with ``pytest.importorskip`` when it is
missing; CI installs it (``.[test,dev,voice]``), so there they all run. None needs a
microphone, speakers, PortAudio or espeak-ng.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from voice_helpers import manifest  # noqa: E402


@pytest.fixture
def recordings() -> dict[str, Any]:
    """The manifest of the committed recordings."""
    return manifest()
