"""Without the voice extra, the app runs an interview as before: f2 is in the footer and
gives the one-line install hint, typing works, and nothing of the extra is ever imported.
Run in a fresh interpreter where the extra's packages cannot be found."""

from __future__ import annotations

from pathlib import Path

import voice_fakes  # noqa: F401  (puts tests/voice on the path)
from test_voice_without_extra import EXTRA, run

from simulator.voice.extra import INSTALL_HINT

DRIVE = f"""
import asyncio
sys.path.insert(0, "tests/tui")
from simulator.engine.clock import FakeClock
from simulator.services.context import Context
from simulator.tui.app import create_app
from tui_helpers import burst, to_first_question

async def main():
    app = create_app(Context.create(), clock=FakeClock(1_800_000_000.0))
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_question(app, pilot, "rigorous-tech-lead")
        keys = [key for key, _ in app.screen.query_one("KeyFooter").shown_keys()]
        print("FOOTER", keys)
        await pilot.press("f2")
        await pilot.pause()
        print("NOTICES", [str(notice.message) for notice in app._notifications])
        await burst(pilot, *"typed")
        print("TEXT", app.screen.query_one("#answer").text)
        print("LOADED", sorted(n for n in sys.modules if n.split(".")[0] in {EXTRA!r}))
        await app.action_quit()

asyncio.run(main())
"""


def test_the_interview_without_the_extra(home: Path) -> None:
    result = run(DRIVE, home)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "'f2'" in out.split("FOOTER", 1)[1].splitlines()[0]
    assert INSTALL_HINT in out.split("NOTICES", 1)[1].splitlines()[0]
    assert "TEXT typed" in out
    assert "LOADED []" in out
