"""The VS Code extension's real start-up: the bundle VS Code loads (extension.js
with the real vscode-languageclient, built by esbuild), in node, against the real server. Only the `vscode`
module is a stand-in (tests/lsp/editors/vscode_standin.js); the harness plays
user steps and reports what the user would see, as JSON lines."""

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
EXTENSION = REPO / "editors" / "vscode"
HARNESS = Path(__file__).resolve().parent / "editors" / "vscode_harness.js"
NODE = shutil.which("node")

S007 = {"code": "S007", "severity": "Error", "range": [0, 7, 0, 8], "message": "`(` is never closed: add `)`"}
NOT_FOUND = (
    "Segment query: the language server command `segquery-not-installed` was not found. "
    "Install segquery with `python -m pip install git+<repository URL>` "
    "(or `python -m pip install .` in a clone of segquery), "
    "or set `segquery.server.command` to the full path of `segquery` and its arguments "
    '(for example ["/path/to/venv/bin/segquery", "lsp"]), '
    'then run "Segment query: Restart the language server".')


def require_node() -> str:
    return require_on_path(NODE, "node")


def npm(*args: str) -> None:
    """Run `npm ARGS` in the extension's folder."""
    program = shutil.which("npm") or pytest.fail("npm is not installed")
    subprocess.run([program, *args], cwd=EXTENSION, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def node() -> str:
    """node, with the extension's dependencies installed from its lock file and the
    extension bundled from the current source."""
    node = require_node()
    if not (EXTENSION / "node_modules" / "esbuild").is_dir():
        npm("ci", "--no-audit", "--no-fund", "--loglevel=error")
    npm("run", "bundle", "--silent")
    return node


@pytest.fixture
def path_with_segquery(tmp_path: Path) -> str:
    """A PATH on which `segquery` is this checkout's command (run by this Python)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "segquery"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m segquery "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"


def play(node: str, workspace: Path, settings: dict, steps: list, path: str | None = None,
         answers: tuple[str, ...] = ()) -> list[dict]:
    script = {"workspace": str(workspace), "settings": settings, "steps": steps, "answers": list(answers)}
    env = dict(os.environ, PATH=path or os.environ.get("PATH", ""))
    completed = subprocess.run([node, str(HARNESS), str(EXTENSION), json.dumps(script)], cwd=workspace, env=env,
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return [json.loads(line) for line in completed.stdout.splitlines()]


def test_the_extension_starts_the_server_with_its_default_command(node, tmp_path, path_with_segquery):
    query = tmp_path / "broken.segq"
    events = play(node, tmp_path, {}, [["activate"], ["open", str(query), "PROFILE(contact"], ["deactivate"]],
                  path=path_with_segquery)
    assert events == [
        {"event": "done", "step": "activate"},
        {"event": "diagnostics", "uri": query.as_uri(), "diagnostics": [S007]},
        {"event": "done", "step": "open"},
        {"event": "done", "step": "deactivate"},
    ]


def test_a_missing_server_says_how_to_install_it_and_restart_reads_the_setting_again(node, tmp_path):
    query = tmp_path / "broken.segq"
    events = play(node, tmp_path, {"segquery.server.command": ["segquery-not-installed", "lsp"]}, [
        ["activate"],
        ["set", "segquery.server.command", [sys.executable, "-m", "segquery", "lsp"]],
        ["command", "segquery.restartServer"],
        ["open", str(query), "PROFILE(contact"],
        ["deactivate"],
    ])
    assert events == [
        {"event": "message", "level": "error", "message": NOT_FOUND, "items": ["Open Settings"]},
        {"event": "done", "step": "activate"},
        {"event": "done", "step": "set"},
        {"event": "done", "step": "command"},
        {"event": "diagnostics", "uri": query.as_uri(), "diagnostics": [S007]},
        {"event": "done", "step": "open"},
        {"event": "done", "step": "deactivate"},
    ]


def test_the_missing_server_message_opens_the_setting(node, tmp_path):
    events = play(node, tmp_path, {"segquery.server.command": ["segquery-not-installed", "lsp"]},
                  [["activate"], ["deactivate"]], answers=("Open Settings",))
    assert events == [
        {"event": "message", "level": "error", "message": NOT_FOUND, "items": ["Open Settings"]},
        {"event": "command", "id": "workbench.action.openSettings", "args": ["segquery.server.command"]},
        {"event": "done", "step": "activate"},
        {"event": "done", "step": "deactivate"},
    ]


def _syntax_findings(events: list[dict]) -> list[tuple[str, list[int]]]:
    [published] = [event for event in events if event["event"] == "diagnostics"]
    return [(item["code"], item["range"]) for item in published["diagnostics"] if item["code"].startswith("S")]


def test_the_dialect_setting_reaches_the_server(node, tmp_path, path_with_segquery):
    """`IN [..]` is real-time journeys': a syntax error in outbound, none with the setting."""
    outbound, realtime = tmp_path / "outbound.segq", tmp_path / "realtime.segq"
    text = "PROFILE(contact).FILTER(statecode IN [0])"
    events = play(node, tmp_path, {}, [["activate"], ["open", str(outbound), text], ["deactivate"]],
                  path=path_with_segquery)
    assert _syntax_findings(events) == [("S031", [0, 34, 0, 40])]
    events = play(node, tmp_path, {"segquery.dialect": "realtime"},
                  [["activate"], ["open", str(realtime), text], ["deactivate"]], path=path_with_segquery)
    assert _syntax_findings(events) == []
