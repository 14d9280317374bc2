"""`segquery check --baseline` / `--write-baseline`: adopt segquery on an
existing estate and fail only on new findings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from segquery.cli import main

def _unknown(name: str) -> str:
    return (f"attribute `{name}` of table `contact` is not in the bundled standard schema; to check your "
            "org's own names, configure its schema (`schema = \"...\"` in segquery.toml or [tool.segquery])")


UNKNOWN_X, UNKNOWN_Y = _unknown("x"), _unknown("y")
LEGACY = 'profile(contact).FILTER(x == "a")\n'


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


@pytest.fixture
def estate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("segments").mkdir()
    Path("segments/legacy.segq").write_text(LEGACY, encoding="utf-8")
    result = run("--write-baseline", "baseline.json", "segments")
    assert (result.exit_code, result.stderr) == (0, "Recorded 3 findings in baseline.json.\n")
    return tmp_path


def test_the_baseline_records_path_code_and_fingerprint(estate):
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert (document["version"], document["tool"]) == (1, "segquery")
    assert [(entry["path"], entry["code"], entry["message"]) for entry in document["findings"]] == [
        ("segments/legacy.segq", "L001", "`profile` is a keyword: write it in upper case, `PROFILE`"),
        ("segments/legacy.segq", "L002", "strings are single-quoted: write 'a'"),
        ("segments/legacy.segq", "V046", UNKNOWN_X),
    ]


def test_baselined_findings_are_not_reported(estate):
    result = run("--baseline", "baseline.json", "segments")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file).\n")


def test_matching_survives_unrelated_edits_and_reports_only_new_findings(estate):
    Path("segments/legacy.segq").write_text(
        '// moved down by a comment\n\n  profile(contact).FILTER(x == "a" && y == "b")\n', encoding="utf-8")
    result = run("--baseline", "baseline.json", "--output-format", "pylint", "segments")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"segments/legacy.segq:3: [V046] {UNKNOWN_Y}",
        "segments/legacy.segq:3: [L002] strings are single-quoted: write 'b'",
    ]


def test_a_repeated_finding_beyond_the_recorded_count_is_new(estate):
    Path("segments/legacy.segq").write_text('profile(contact).FILTER(x == "a" || x == "a")\n', encoding="utf-8")
    result = run("--baseline", "baseline.json", "--select", "L002,V046", "--output-format", "pylint", "segments")
    assert result.stdout.splitlines() == [
        f"segments/legacy.segq:1: [V046] {UNKNOWN_X}",
        "segments/legacy.segq:1: [L002] strings are single-quoted: write 'a'",
    ]


def test_the_baseline_works_from_another_folder(estate, monkeypatch):
    monkeypatch.chdir(estate / "segments")
    result = run("--baseline", "../baseline.json", "legacy.segq")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file).\n")


def test_fixed_findings_are_reported_stale_and_drop_out_on_the_next_write(estate):
    Path("segments/legacy.segq").write_text("PROFILE(contact).FILTER(x == 'a')\n", encoding="utf-8")
    result = run("--baseline", "baseline.json", "segments")
    assert result.exit_code == 0
    assert result.stderr == ("segquery: 2 findings of the baseline no longer occur: rewrite it with "
                             "--write-baseline\n")
    assert run("--write-baseline", "baseline.json", "segments").exit_code == 0
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert [entry["code"] for entry in document["findings"]] == ["V046"]


@pytest.mark.parametrize(("content", "message"), [
    (None, "segquery: missing.json: cannot read the baseline: No such file or directory\n"),
    (b'{"version": 1, "findings": ["caf\xe9"]}', "segquery: missing.json:1:33: cannot read the baseline: the file is "
                                                 "not valid UTF-8 text: byte 0xe9 cannot be decoded\n"),
    ("{", "segquery: missing.json:1:2: the baseline is not JSON: Expecting property name enclosed in double "
          "quotes\n"),
    ('{"version": 9}', "segquery: missing.json: not a segquery baseline (version 1): write one with "
                       "--write-baseline\n"),
    ('{"version": 1, "findings": [{"path": "a"}]}',
     "segquery: missing.json: finding 0 needs `path`, `code` and `fingerprint`\n"),
])
def test_a_bad_baseline_is_a_usage_error(estate, content, message):
    if isinstance(content, bytes):
        Path("missing.json").write_bytes(content)
    elif content is not None:
        Path("missing.json").write_text(content, encoding="utf-8")
    result = run("--baseline", "missing.json", "segments")
    assert (result.exit_code, result.stderr) == (2, message)


def test_a_fifo_named_as_the_baseline_is_refused_without_waiting(estate):
    os.mkfifo("pipe.json")
    result = run("--baseline", "pipe.json", "segments")
    assert (result.exit_code, result.stderr) == (
        2, "segquery: pipe.json: cannot read the baseline: a FIFO (named pipe), not a regular file: it is not read\n")
