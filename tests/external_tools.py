"""Outside programs some tests need: installed by `.ci/run`, never skipped in CI.

On a developer's machine without the program the test is skipped with the
command that installs it; in CI (`CI=true`) a missing program fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def require(path: Path, install: str) -> Path:
    """`path`, made executable; skip (fail in CI) when it is not installed."""
    if not path.exists():
        message = f"{path} is not installed; install it with: {install}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | 0o111)
    return path


def require_on_path(program: str | None, name: str) -> str:
    """`program` (what `shutil.which` found); skip (fail in CI) when `name` is not installed."""
    if program is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed: CI installs it (.ci/run)")
        pytest.skip(f"{name} is not installed")
    return program
