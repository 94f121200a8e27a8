"""Without the voice extra everything else works, nothing voice-related is imported until
asked for, and asking gives the one-line install hint (never a traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.voice.extra import INSTALL_HINT

REPO = Path(__file__).resolve().parents[2]
AUDIO = Path(__file__).resolve().parent / "audio"
EXTRA = ("pocketsphinx", "sounddevice", "soundfile", "numpy")

BLOCK = f"""
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {EXTRA!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}")
        return None
sys.meta_path.insert(0, Blocker())
"""


def run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={"MOCK_INTERVIEW_HOME": str(home), "PYTHONPATH": str(REPO), "PATH": ""},
    )


@pytest.mark.parametrize("verb", [["transcribe", str(AUDIO / "pause.wav")], ["check"]])
def test_voice_commands_give_the_install_hint(verb: list[str], home: Path) -> None:
    code = f"from simulator.cli import main\nraise SystemExit(main(['voice', *{verb!r}]))\n"
    result = run(code, home)
    assert result.returncode == 1
    assert INSTALL_HINT in result.stderr
    assert "Traceback" not in result.stderr


def test_the_rest_works_and_loads_nothing_of_the_extra(home: Path) -> None:
    code = (
        "import simulator.cli, simulator.services.context, simulator.journal\n"
        "import simulator.voice.analysis, simulator.voice.check, simulator.voice.engines\n"
        "import simulator.voice.live, simulator.voice.player, simulator.voice.recorder\n"
        "import simulator.voice.speaker, simulator.voice.wavfile, simulator.voice.accuracy\n"
        "import simulator.commands.voice, simulator.engine.insights.delivery\n"
        "from simulator.cli import main\n"
        "assert main(['packs', 'list', '--json']) == 0\n"
        f"loaded = sorted(n for n in sys.modules if n.split('.')[0] in {EXTRA!r})\n"
        "print('LOADED', loaded)\n"
    )
    result = run(code, home)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_importing_voice_modules_loads_no_extra_even_when_installed() -> None:
    code = (
        "import sys\n"
        "import simulator.voice.analysis, simulator.voice.check, simulator.voice.live\n"
        "import simulator.voice.player, simulator.voice.recorder, simulator.voice.speaker\n"
        "import simulator.commands.voice, simulator.cli\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {EXTRA!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"
