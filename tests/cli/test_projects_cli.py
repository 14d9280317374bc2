"""Checking some files resolves their SEGMENT references in their whole project: the
closest directory holding a configuration file or `.git`, else the file's folder."""

from __future__ import annotations


import pytest
from cli_helpers import run, write

SEATTLE = "PROFILE(contact).FILTER(address1_city == 'Seattle')\n"
USES_SEATTLE = "SEGMENT(seattle) UNION SEGMENT(portland)\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def missing(path: str, name: str, column: int) -> str:
    return f"{path}:1:{column}: W001 [error] no segment named `{name}` in the workspace\n"


def test_a_file_checked_alone_sees_the_segments_beside_it(folder):
    write(folder / "seattle.segq", SEATTLE)
    write(folder / "a.segq", "SEGMENT(seattle)\n")
    result = run("check", "a.segq")
    assert (result.exit_code, result.output) == (0, "All checks passed (1 file).\n")


def test_only_the_missing_segment_is_reported(folder):
    write(folder / "seattle.segq", SEATTLE)
    write(folder / "a.segq", USES_SEATTLE)
    result = run("check", "--quiet", "a.segq")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] + "\n" == missing("a.segq", "portland", 32)
    assert "seattle`" not in result.output


def test_the_repository_root_is_the_project_without_configuration(folder):
    (folder / ".git").mkdir()
    write(folder / "dynamic" / "seattle.segq", SEATTLE)
    write(folder / "compound" / "a.segq", "SEGMENT(seattle)\n")
    result = run("check", "compound/a.segq")
    assert (result.exit_code, result.output) == (0, "All checks passed (1 file).\n")


def test_without_a_repository_the_project_is_the_file_folder(folder):
    write(folder / "dynamic" / "seattle.segq", SEATTLE)
    write(folder / "compound" / "a.segq", "SEGMENT(seattle)\n")
    result = run("check", "--quiet", "compound/a.segq")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] + "\n" == missing("compound/a.segq", "seattle", 9)


def test_a_nested_configuration_is_a_project_of_its_own(folder):
    (folder / ".git").mkdir()
    write(folder / "seattle.segq", SEATTLE)
    write(folder / "team" / "segquery.toml", "")
    write(folder / "team" / "a.segq", "SEGMENT(seattle)\n")
    write(folder / "b.segq", "SEGMENT(seattle)\n")
    result = run("check", "--quiet", "team/a.segq", "b.segq")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "W001" in line] == [
        missing("team/a.segq", "seattle", 9).rstrip("\n")]


def test_a_broken_nested_project_does_not_stop_checking_a_file_beside_it(folder):
    write(folder / "seattle.segq", SEATTLE)
    write(folder / "a.segq", "SEGMENT(seattle)\n")
    write(folder / "other" / "segquery.toml", 'selct = ["L"]\n')
    write(folder / "other" / "seattle.segq", "SEGMENT(nowhere)\n")
    result = run("check", "a.segq")
    assert (result.exit_code, result.output) == (0, "All checks passed (1 file).\n")
    named = run("check", "other/seattle.segq")
    assert named.exit_code == 2 and "`selct`: unknown key" in named.output


def test_a_directory_named_is_the_project_of_the_files_below_it(folder):
    write(folder / "queries" / "dynamic" / "seattle.segq", SEATTLE)
    write(folder / "queries" / "compound" / "a.segq", "SEGMENT(seattle)\n")
    result = run("check", "queries")
    assert (result.exit_code, result.output) == (0, "All checks passed (2 files).\n")


def test_ignored_and_excluded_files_are_not_in_the_project(folder):
    (folder / ".git").mkdir()
    write(folder / ".gitignore", "old/\n")
    write(folder / "segquery.toml", 'exclude = ["drafts/"]\n')
    write(folder / "old" / "seattle.segq", SEATTLE)
    write(folder / "drafts" / "portland.segq", SEATTLE)
    write(folder / "a.segq", USES_SEATTLE)
    result = run("check", "--quiet", "a.segq")
    assert [line for line in result.output.splitlines() if "W001" in line] == [
        missing("a.segq", "seattle", 9).rstrip("\n"), missing("a.segq", "portland", 32).rstrip("\n")]
