"""Which files `check` and `format` read: standard input with --stdin-filename, and what
directory walks leave out (.gitignore, .ignore, --exclude, --extend-exclude, and with
--force-exclude the files named explicitly too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from segquery.cli import main

CLEAN = "PROFILE(contact)\n"
LOWER = "profile(contact)\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def l001(path: str) -> str:
    return f"{path}:1:1: L001 [warning] `profile` is a keyword: write it in upper case, `PROFILE`"


def flagged(result) -> list[str]:
    """The first line of each finding, in order."""
    return [line for line in result.output.splitlines() if ": L001 [" in line]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- standard input


def test_stdin_filename_alone_checks_standard_input(folder):
    write(folder / "other.segq", LOWER)    # not read: standard input is the input
    result = run("check", "--stdin-filename", "a.segq", stdin=LOWER)
    assert result.exit_code == 1
    assert result.output == (f"{l001('a.segq')}\n"
                             "   1 | profile(contact)\n"
                             "       ^^^^^^^\n"
                             "     = fix (safe): Write `PROFILE`\n"
                             "Found 1 problem in 1 of 1 file.\n"
                             "[*] 1 fixable with --fix.\n")


def test_stdin_filename_with_a_path_reads_standard_input_and_says_so(folder):
    write(folder / "other.segq", LOWER)
    result = CliRunner().invoke(main, ["check", "--quiet", "--stdin-filename", "a.segq",
                                         "other.segq"], input=CLEAN)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "segquery: warning: ignoring other.segq: --stdin-filename reads standard input\n"


def test_stdin_filename_alone_formats_standard_input(folder):
    write(folder / "other.segq", LOWER)
    result = run("format", "--stdin-filename", "a.segq", stdin="profile( contact )\n")
    assert (result.exit_code, result.output) == (0, "PROFILE(contact)\n")
    assert (folder / "other.segq").read_text(encoding="utf-8") == LOWER
