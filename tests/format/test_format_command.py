"""`segquery format`: in place, --check, --diff, standard input, errors, line length."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from segquery.cli import main

UGLY = 'profile(contact).filter(address1_city == "Seattle")\n'
PRETTY = "PROFILE(contact).FILTER(address1_city == 'Seattle')\n"
BROKEN = "PROFILE(contact).FILTER(a == )\n"
LONG = "PROFILE(contact).FILTER(address1_city == 'Seattle' && jobtitle CONTAINS 'Director')\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("queries/nested").mkdir(parents=True)
    Path("queries/ugly.segq").write_text(UGLY, encoding="utf-8")
    Path("queries/nested/pretty.segq").write_text(PRETTY, encoding="utf-8")
    Path("queries/notes.txt").write_text("not a query", encoding="utf-8")
    return tmp_path


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["format", *args], input=stdin)


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def test_files_are_rewritten_in_place_and_directories_walked_for_segq_files(project):
    pretty_mtime = os.stat("queries/nested/pretty.segq").st_mtime_ns
    result = run("queries")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "1 file reformatted, 1 file left unchanged.\n", "")
    assert _read("queries/ugly.segq") == PRETTY
    assert os.stat("queries/nested/pretty.segq").st_mtime_ns == pretty_mtime
    assert _read("queries/notes.txt") == "not a query"


def test_the_current_directory_is_the_default(project):
    result = run()
    assert (result.exit_code, result.stdout) == (0, "1 file reformatted, 1 file left unchanged.\n")


def test_check_lists_the_files_that_would_change_and_writes_nothing(project):
    result = run("--check", "queries")
    assert (result.exit_code, result.stdout) == (
        1, "Would reformat: queries/ugly.segq\n1 file would be reformatted, 1 file already formatted.\n")
    assert _read("queries/ugly.segq") == UGLY


def test_check_of_formatted_files_exits_zero(project):
    result = run("--check", "queries/nested/pretty.segq")
    assert (result.exit_code, result.stdout) == (0, "1 file already formatted.\n")


def test_diff_prints_a_unified_diff_and_writes_nothing(project):
    result = run("--diff", "queries")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/queries/ugly.segq\n"
        "+++ b/queries/ugly.segq\n"
        "@@ -1 +1 @@\n"
        f"-{UGLY}"
        f"+{PRETTY}")
    assert result.stderr == "1 file would be reformatted, 1 file already formatted.\n"
    assert _read("queries/ugly.segq") == UGLY


def test_standard_input_is_formatted_to_standard_output(project):
    result = run("-", stdin=UGLY)
    assert (result.exit_code, result.stdout, result.stderr) == (0, PRETTY, "")


def test_check_of_standard_input(project):
    result = run("--check", "-", stdin=UGLY)
    assert (result.exit_code, result.stdout) == (1, "Would reformat: -\n")
    result = run("--check", "-", "--stdin-filename", "query.segq", stdin=UGLY)
    assert (result.exit_code, result.stdout) == (1, "Would reformat: query.segq\n")


def test_a_file_with_syntax_errors_is_reported_left_alone_and_exits_two(project):
    Path("queries/broken.segq").write_text(BROKEN, encoding="utf-8")
    result = run("queries")
    assert result.exit_code == 2
    assert result.stderr == (
        "queries/broken.segq:1:30: S004 [error] unexpected `)`: expected a value, a name or `(`\n"
        "   1 | PROFILE(contact).FILTER(a == )\n"
        "                                    ^\n")
    assert result.stdout == "1 file reformatted, 1 file left unchanged, 1 file not formatted because of errors.\n"
    assert _read("queries/broken.segq") == BROKEN
    assert _read("queries/ugly.segq") == PRETTY


def test_an_error_wins_over_changes_in_check_mode(project):
    Path("queries/broken.segq").write_text(BROKEN, encoding="utf-8")
    assert run("--check", "queries").exit_code == 2


def test_standard_input_with_syntax_errors_prints_nothing_to_standard_output(project):
    result = run("-", stdin=BROKEN)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("-:1:30: S004 [error] unexpected `)`")


def test_a_missing_file_is_an_error(project):
    result = run("missing.segq")
    assert result.exit_code == 2
    assert result.stderr.startswith("missing.segq:1:1: E001 [error] cannot read the file: ")


def test_the_line_length_option(project):
    result = run("-", "--line-length", "40", stdin=LONG)
    assert result.stdout == (
        "PROFILE(contact)\n"
        "    .FILTER(\n"
        "        address1_city == 'Seattle'\n"
        "        && jobtitle CONTAINS 'Director'\n"
        "    )\n")
    assert run("-", "--line-length", "0", stdin=LONG).exit_code == 2


def test_the_configured_line_length_applies_and_the_option_wins(project):
    Path("segquery.toml").write_text("line-length = 80\n", encoding="utf-8")
    configured = run("-", "--stdin-filename", "q.segq", stdin=LONG)
    assert configured.stdout == (
        "PROFILE(contact)\n"
        "    .FILTER(address1_city == 'Seattle' && jobtitle CONTAINS 'Director')\n")
    assert run("-", "--stdin-filename", "q.segq", "--line-length", "120", stdin=LONG).stdout == LONG


def test_without_a_configuration_the_line_length_is_88(project):
    fits = "PROFILE(contact).FILTER(address1_city == 'Seattle' && jobtitle CONTAINS 'Director' && x == 1)"[:-6] + ")"
    assert len(fits) == 88
    assert run("-", stdin=fits).stdout == fits + "\n"
    too_long = fits[:-1] + "2)"
    assert run("-", stdin=too_long).stdout == (
        "PROFILE(contact)\n"
        "    .FILTER(address1_city == 'Seattle' && jobtitle CONTAINS 'Director' && x2)\n")


def test_an_invalid_configuration_exits_two(project):
    Path("segquery.toml").write_text("line-length = 'long'\n", encoding="utf-8")
    result = run("queries")
    assert result.exit_code == 2
    assert result.stderr.startswith("segquery: configuration error: ")


def test_windows_line_endings_are_kept_in_place(project):
    Path("queries/crlf.segq").write_bytes(b"profile(c) // note\r\n.filter(a==1)\r\n")
    assert run("queries/crlf.segq").exit_code == 0
    assert Path("queries/crlf.segq").read_bytes() == b"PROFILE(c) // note\r\n    .FILTER(a == 1)\r\n"
