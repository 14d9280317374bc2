"""editors/neovim/segquery.lua in the neovim this machine's package manager
installs, headless: opening a `.segq` file starts the real server, which
attaches to the buffer with the project's root and publishes diagnostics."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from external_tools import require_on_path

REPO = Path(__file__).resolve().parents[2]
SETUP = REPO / "editors" / "neovim" / "segquery.lua"
CHECK = Path(__file__).resolve().parent / "editors" / "nvim_check.lua"
NVIM = shutil.which("nvim")


@pytest.fixture(scope="module")
def nvim() -> str:
    return require_on_path(NVIM, "neovim")


def open_in_neovim(nvim: str, tmp_path: Path, text: str, *commands: str) -> dict:
    """What neovim holds after opening a file with `text` in a project (commands run before the set-up)."""
    project = tmp_path / "project"
    (project / "queries").mkdir(parents=True)
    (project / "segquery.toml").write_text("", encoding="utf-8")
    query = project / "queries" / "broken.segq"
    query.write_text(text, encoding="utf-8")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    segquery = bin_folder / "segquery"
    segquery.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m segquery "$@"\n', encoding="utf-8")
    segquery.chmod(0o755)
    result = tmp_path / "result.json"
    env = dict(os.environ, PATH=f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}",
               SEGQUERY_FILE=str(query), SEGQUERY_RESULT=str(result))
    before = [argument for command in commands for argument in ("-c", command)]
    completed = subprocess.run(
        [nvim, "--headless", "--clean", *before, "-c", f"source {SETUP}", "-c", f"luafile {CHECK}"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return json.loads(result.read_text(encoding="utf-8"))


def test_the_setup_attaches_the_server_and_shows_its_diagnostics(nvim, tmp_path):
    project = tmp_path / "project"
    assert open_in_neovim(nvim, tmp_path, "PROFILE(contact\n") == {
        "arrived": True,
        "filetype": "segquery",
        "commentstring": "// %s",
        "clients": [{"name": "segquery", "root_dir": str(project)}],
        "diagnostics": [{"code": "S007", "severity": 1, "range": [0, 7, 0, 8],
                         "message": "`(` is never closed: add `)`"}],
    }


def test_the_dialect_global_reaches_the_server(nvim, tmp_path):
    """`IN [..]` is real-time journeys': reported in outbound, not with `g:segquery_dialect = 'realtime'`."""
    text = "PROFILE(contact).FILTER(statecode IN [0]\n"
    outbound = open_in_neovim(nvim, tmp_path / "outbound", text)
    assert sorted(item["code"] for item in outbound["diagnostics"]) == ["S007", "S031"]
    realtime = open_in_neovim(nvim, tmp_path / "realtime", text, "let g:segquery_dialect = 'realtime'")
    assert [item["code"] for item in realtime["diagnostics"]] == ["S007"]
