"""The engine is importable without Textual and without touching the disk."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_engine_loads_no_textual() -> None:
    code = (
        "import sys\n"
        "import simulator.engine\n"
        "from simulator.engine import Session, analyse, follow_up_plan\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'sqlite3'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_public_names_are_exported() -> None:
    import simulator.engine as engine

    for name in engine.__all__:
        assert getattr(engine, name) is not None
        assert (
            getattr(engine, name).__doc__
            or name.isupper()
            or name
            in (
                "AnswerSource",
                "Phase",
                "ReminderKind",
                "TimeState",
                "QuestionKey",
            )
        )
