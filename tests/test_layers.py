"""The core packages never import Textual: only simulator.tui may."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "simulator.packs",
        "simulator.engine",
        "simulator.journal",
        "simulator.services",
        "simulator.common",
        "simulator.cli",
        "simulator.commands.packs",
        "simulator.commands.voice",
        "simulator.voice.analysis",
        "simulator.voice.check",
        "simulator.voice.live",
        "simulator.voice.player",
        "simulator.voice.recorder",
    ],
)
def test_core_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in "
        "{'textual', 'rich'})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_importing_locations_creates_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("empty-home")
    code = (
        "import simulator.common.locations, simulator.services.context, "
        "simulator.packs, simulator.cli"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        timeout=60,
        env={"MOCK_INTERVIEW_HOME": str(home), "PATH": ""},
    )
    assert list(home.iterdir()) == []
