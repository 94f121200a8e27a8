"""The layer chain in pyproject.toml's import-linter contracts holds (see docs/architecture.md)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_layer_has_a_contract() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    layered = {
        name.strip()
        for contract in config["contracts"]
        if contract["type"] == "layers" and contract["containers"] == ["simulator"]
        for layer in contract["layers"]
        for name in layer.split("|")
    }
    packages = {
        path.stem if path.is_file() else path.name
        for path in (REPO / "simulator").iterdir()
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.stem not in {"__init__", "__main__"})
    }
    assert packages <= layered, f"not in any layer: {sorted(packages - layered)}"


def test_lint_imports_keeps_every_contract() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
