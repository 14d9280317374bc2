"""User code that calls the public API type-checks under `mypy --strict`:
the package ships `py.typed` and re-exports its names explicitly."""

import os
import subprocess
import sys
from pathlib import Path

import segquery

ROOT = Path(__file__).resolve().parents[1]

USER_SCRIPT = '''\
import segquery
from segquery import Diagnostic, ParseResult, Severity


def findings(text: str) -> list[str]:
    result: ParseResult = segquery.parse_tolerant(text)
    return [f"{d.code} {d.range.start.line}:{d.range.start.column} {d.message}" for d in result.diagnostics]


def errors(diagnostics: list[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.severity is Severity.ERROR)


query = segquery.parse("PROFILE(contact)")
text: str = segquery.unparse(query)
print(text, findings("PROFILE(contact"), segquery.format_text("PROFILE(contact)"))
reveal_type(segquery.parse_tolerant)
'''


def test_the_public_names_are_static_and_match_the_lazy_table():
    source = (ROOT / "segquery" / "__init__.py").read_text(encoding="utf-8")
    assert "__all__ = [\n" in source
    assert sorted(segquery.__all__) == sorted([*segquery._EXPORTS, "__version__"])
    assert (ROOT / "segquery" / "py.typed").is_file()


def test_user_code_passes_mypy_strict(tmp_path):
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
                               capture_output=True, text=True, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = completed.stdout.splitlines()
    # The real signature, not `Any`: the names are seen through the explicit re-exports.
    assert "note: Revealed type is \"def (text: " in lines[0], lines
    assert lines[0].endswith('-> segquery.syntax.parser.ParseResult"'), lines
    assert lines[-1] == "Success: no issues found in 1 source file", completed.stdout


def test_the_package_passes_mypy_with_its_configuration(tmp_path):
    """`[tool.mypy]` in pyproject.toml names the package and the checks; a fresh cache checks every module."""
    completed = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
                               capture_output=True, text=True, cwd=ROOT)
    lines = completed.stdout.splitlines()
    assert completed.returncode == 0, completed.stdout
    assert lines[-1].startswith("Success: no issues found in "), completed.stdout
