"""Hostile inputs are refused quickly and in little memory (run in a limited subprocess)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses resource limits")

RUNNER = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    from simulator.packs import PackError, load_pack
    try:
        load_pack(Path(sys.argv[1]))
    except PackError as error:
        print("refused", error)
    else:
        print("loaded")
    """
)


def alias_bomb() -> str:
    lines = ["format: 1", "id: bomb", "title: Bomb", 'x-a0: &a0 ["lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"x-a{level}: &a{level} [{refs}]")
    lines.append("description: *a9")
    return "\n".join(lines) + "\n"


BOMBS = {
    "alias-bomb": alias_bomb,
    "brackets": lambda: "format: 1\nid: deep\ntitle: Deep\nx-deep: " + "[" * 100_000 + "\n",
    "braces": lambda: "x: " + "{a: " * 50_000 + "\n",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bomb_is_refused_within_1_gib(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(BOMBS[name]())
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(path)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(maxsplit=1)[0] == "refused", result.stdout
