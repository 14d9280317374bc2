"""The VS Code extension packages with `vsce package` as a publisher would run it:
no question asked, no warning, and a .vsix that holds the bundle (extension.js
and vscode-languageclient in one file) but neither node_modules nor the sources."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from external_tools import require

EXTENSION = Path(__file__).resolve().parents[2] / "editors" / "vscode"
INSTALL = f"npm ci --prefix {EXTENSION}"


def test_vsce_packages_the_bundle_without_warnings(tmp_path: Path):
    npx = require(Path(shutil.which("npx") or "npx"), "apt-get install npm")
    require(EXTENSION / "node_modules" / ".bin" / "vsce", INSTALL)
    vsix = tmp_path / "segquery.vsix"
    # No standard input: a question (a missing LICENSE or repository) fails the run instead of waiting.
    completed = subprocess.run([str(npx), "--no-install", "vsce", "package", "--out", str(vsix)], cwd=EXTENSION,
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300, check=False)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert [line for line in output.splitlines() if "WARNING" in line] == []
    assert "DONE  Packaged: " in output

    with zipfile.ZipFile(vsix) as package:
        names = set(package.namelist())
        manifest = json.loads(package.read("extension/package.json"))
        bundle = package.read("extension/dist/extension.js").decode("utf-8")
    assert manifest["main"] == "./dist/extension.js"
    assert {name for name in names if name.startswith("extension/")} == {
        "extension/package.json", "extension/readme.md", "extension/LICENSE.txt",
        "extension/language-configuration.json", "extension/syntaxes/segquery.tmLanguage.json",
        "extension/dist/extension.js"}
    # The language client is inside the bundle; only `vscode` (given by VS Code) is left to require.
    assert "textDocument/publishDiagnostics" in bundle
    assert "segquery.restartServer" in bundle
    assert 'require("vscode")' in bundle
    assert 'require("vscode-languageclient' not in bundle
