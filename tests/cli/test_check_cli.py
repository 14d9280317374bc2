"""`segquery check`: options, output formats, fixes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from segquery.cli import main

BAD = 'profile(contact).FILTER(address1_city == "Seattle")\n'
GOOD = "PROFILE(contact).FILTER(address1_city == 'Seattle')\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.segq").write_text(BAD, encoding="utf-8")
    Path("good.segq").write_text(GOOD, encoding="utf-8")
    return tmp_path


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["check", *args], input=stdin)


def test_clean_files_exit_zero(project):
    result = run("good.segq")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file).\n")


def test_findings_exit_one_with_a_summary(project):
    result = run("bad.segq", "good.segq")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == ("bad.segq:1:1: L001 [warning] `profile` is a keyword: write it in upper "
                                             "case, `PROFILE`")
    assert result.stdout.splitlines()[-2:] == ["Found 2 problems in 1 of 2 files.", "[*] 2 fixable with --fix."]


def test_exit_zero_and_quiet(project):
    result = run("bad.segq", "--exit-zero", "--quiet")
    assert result.exit_code == 0
    assert "Found" not in result.stdout and "L001" in result.stdout
    assert [line for line in result.stdout.splitlines() if not line.startswith(" ")] == [
        "bad.segq:1:1: L001 [warning] `profile` is a keyword: write it in upper case, `PROFILE`",
        "bad.segq:1:42: L002 [warning] strings are single-quoted: write 'Seattle'",
    ]


def test_fix_writes_files(project):
    result = run("bad.segq", "--fix")
    assert (result.exit_code, Path("bad.segq").read_text(encoding="utf-8")) == (0, GOOD)
    assert result.stdout.splitlines()[-1] == "Fixed 2 problems."


def test_diff_writes_nothing_and_exits_one(project):
    result = run("bad.segq", "--diff")
    assert result.exit_code == 1
    assert result.stdout == ("--- a/bad.segq\n+++ b/bad.segq\n@@ -1 +1 @@\n-" + BAD + "+" + GOOD)
    assert result.stderr == "Would fix 2 problems in 1 file.\n"
    assert Path("bad.segq").read_text(encoding="utf-8") == BAD
    assert run("good.segq", "--diff").exit_code == 0


def test_stdin_with_fix_prints_the_fixed_text(project):
    result = run("-", "--fix", stdin=BAD)
    assert (result.exit_code, result.stdout) == (0, GOOD)
    assert "Fixed 2 problems." in result.stderr
    assert result.stderr == "All checks passed (1 file).\nFixed 2 problems.\n"


def test_unsafe_fixes(project):
    Path("empty.segq").write_text("PROFILE(contact).FILTER(emailaddress1 == '')\n", encoding="utf-8")
    assert run("empty.segq", "--fix").exit_code == 1
    assert run("empty.segq", "--fix", "--unsafe-fixes").exit_code == 0
    assert Path("empty.segq").read_text(encoding="utf-8") == "PROFILE(contact).FILTER(ISNULL(emailaddress1))\n"


def test_selection_options(project):
    assert run("bad.segq", "--ignore", "L001,L002").exit_code == 0
    only = run("bad.segq", "--select", "L002", "-q")
    assert [line.split()[1] for line in only.stdout.splitlines() if line.startswith("bad.segq")] == ["L002"]
    result = run("bad.segq", "--select", "L0001")
    assert result.exit_code == 2
    assert "`L0001` is not a rule code or a prefix of one; did you mean `L001`?" in result.stderr


def test_kind_target_and_schema_options(project):
    Path("acc.segq").write_text("PROFILE(account)\n", encoding="utf-8")
    assert run("acc.segq").exit_code == 1
    assert run("acc.segq", "--target", "account").exit_code == 0
    Path("s.json").write_text('{"version": 1, "tables": {"account": {"attributes": {"tier_x": "string"}}}}',
                              encoding="utf-8")
    Path("t.segq").write_text("PROFILE(account).FILTER(tier_x == 'a')\n", encoding="utf-8")
    assert run("t.segq", "--target", "account").exit_code == 1
    assert run("t.segq", "--target", "account", "--schema", "s.json").exit_code == 0
    Path("p.segq").write_text("PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)\n", encoding="utf-8")
    static = run("p.segq", "--kind", "static")
    assert "V003" in static.stdout
    assert [line.split(" [")[0] for line in static.stdout.splitlines() if line.startswith("p.segq")] == [
        "p.segq:1:18: V003", "p.segq:1:18: V013"]


def test_config_option_and_configuration_errors(project):
    Path("strict.toml").write_text("extend-select = ['L011']\nline-length = 10\n", encoding="utf-8")
    assert "L011" in run("good.segq", "--config", "strict.toml").stdout
    assert run("good.segq", "--config", "strict.toml").stdout.splitlines()[0] == (
        "good.segq:1:11: L011 [warning] line is 51 characters long; the limit is 10")
    Path("segquery.toml").write_text("selct = []\n", encoding="utf-8")
    result = run("good.segq")
    assert result.exit_code == 2
    assert result.stderr == (f"segquery: configuration error: {project / 'segquery.toml'}:1:1: `selct`: unknown key; "
                             "did you mean `select`?\n")


def test_statistics(project):
    result = run("bad.segq", "--statistics")
    assert (result.exit_code, result.stdout) == (1, "1  L001  keyword-case         [*]\n"
                                                    "1  L002  double-quoted-string [*]\n")
    data = json.loads(run("bad.segq", "--statistics", "--output-format", "json").stdout)
    assert [row["code"] for row in data] == ["L001", "L002"]


@pytest.mark.parametrize("output_format, first", [
    ("json", "{"),
    ("sarif", "{"),
    ("github", "::warning file=bad.segq,line=1,col=1,endLine=1,endColumn=8,title=segquery (L001)::`profile` is a keyword: "
               "write it in upper case, `PROFILE`"),
])
def test_output_formats(project, output_format, first):
    result = run("bad.segq", "--output-format", output_format)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == first
    if output_format != "github":
        json.loads(result.stdout)


def test_stdin_filename_routes_json(project):
    result = run("-", "--stdin-filename", "create.json", stdin='{"msdyncrm_segmentname": 5}')
    assert result.exit_code == 1
    assert "create.json:1:26: R016" in result.stdout
    assert [line for line in result.stdout.splitlines() if line.startswith("create.json")] == [
        "create.json:1:1: R017 [error] a new segment needs `msdyncrm_segmenttype`",
        "create.json:1:1: R017 [error] a new segment needs `statuscode`",
        "create.json:1:26: R016 [error] `msdyncrm_segmentname` takes a string, not a number",
    ]


def test_stdin_filename_gets_its_projects_cross_file_findings(project):
    """Standard input is checked as the named file would be: its SEGMENT references resolve in the project,
    with the text from standard input standing in for the file (on disk or not)."""
    Path("segquery.toml").write_text("", encoding="utf-8")
    result = run("-q", "-", "--stdin-filename", "compound.segq", stdin="SEGMENT(good) UNION SEGMENT(nowhere)\n")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1, "compound.segq:1:29: W001 [error] no segment named `nowhere` in the workspace")
    assert run("-q", "-", "--stdin-filename", "compound.segq", stdin="SEGMENT(good)\n").exit_code == 0
    result = run("-q", "-", "--stdin-filename", "good.segq", stdin="SEGMENT(good)\n")
    assert result.stdout.splitlines()[0] == (
        "good.segq:1:9: W003 [error] `good` references itself: its members cannot be defined by its own members")


def test_output_file_receives_the_findings(project):
    result = run("--output-format", "pylint", "--output-file", "report.txt", "bad.segq")
    assert (result.exit_code, result.stdout) == (1, "")
    assert Path("report.txt").read_text(encoding="utf-8") == (
        "bad.segq:1: [L001] `profile` is a keyword: write it in upper case, `PROFILE`\n"
        "bad.segq:1: [L002] strings are single-quoted: write 'Seattle'\n")


def test_output_file_that_cannot_be_written_is_a_usage_error(project):
    result = run("--output-file", "no/such/folder/report.txt", "bad.segq")
    assert (result.exit_code, result.stderr) == (
        2, "segquery: cannot write no/such/folder/report.txt: No such file or directory\n")


def test_show_fixes_lists_available_and_applied_fixes(project):
    result = run("--show-fixes", "--quiet", "--output-format", "pylint", "bad.segq")
    assert result.stdout.splitlines()[-3:] == [
        "Fixes available:", "  bad.segq: 1 × L001 (keyword-case)", "  bad.segq: 1 × L002 (double-quoted-string)"]
    result = run("--fix", "--show-fixes", "bad.segq")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-3:] == [
        "Fixed:", "  bad.segq: 1 × L001 (keyword-case)", "  bad.segq: 1 × L002 (double-quoted-string)"]
    assert run("--show-fixes", "good.segq").stdout.splitlines()[-1] == "Fixes available: none."
