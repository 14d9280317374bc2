"""The public API is small, importable, and documented in docs/api.md."""

import subprocess
import sys
from pathlib import Path

import segquery

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves_and_is_documented():
    api_doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in segquery.__all__:
        assert getattr(segquery, name) is not None
        if name != "__version__":
            assert f"`{name}" in api_doc, f"{name} is not documented in docs/api.md"


def test_importing_segquery_does_not_load_the_parser():
    code = "import sys, segquery; print('lark' in sys.modules, 'segquery.syntax.parser' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.split() == ["False", "False"]
