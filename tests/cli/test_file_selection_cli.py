"""Which files `check` and `format` read: standard input with --stdin-filename, and what
directory walks leave out (.gitignore, .ignore, --exclude, --extend-exclude, and with
--force-exclude the files named explicitly too)."""

from __future__ import annotations


import pytest
from cli_helpers import run, write

CLEAN = "PROFILE(contact)\n"
LOWER = "profile(contact)\n"


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
    result = run("check", "--quiet", "--stdin-filename", "a.segq", "other.segq", stdin=CLEAN)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "segquery: warning: ignoring other.segq: --stdin-filename reads standard input\n"


def test_stdin_filename_alone_formats_standard_input(folder):
    write(folder / "other.segq", LOWER)
    result = run("format", "--stdin-filename", "a.segq", stdin="profile( contact )\n")
    assert (result.exit_code, result.output) == (0, "PROFILE(contact)\n")
    assert (folder / "other.segq").read_text(encoding="utf-8") == LOWER


# ---------------------------------------------------------------- ignore files


def test_walks_leave_out_what_gitignore_and_ignore_files_say(folder):
    (folder / ".git").mkdir()
    write(folder / ".gitignore", "build/\n*.tmp.segq\n!keep.tmp.segq\nlocal/\n")
    write(folder / "sub" / ".ignore", "!local/\nscratch.segq\n")   # a deeper file wins; .ignore wins over .gitignore
    for name in ("a.segq", "build/b.segq", "x.tmp.segq", "keep.tmp.segq", "sub/local/c.segq", "sub/scratch.segq",
                 "local/d.segq"):
        write(folder / name, LOWER)
    result = run("check", "--quiet")
    assert flagged(result) == [l001("a.segq"), l001("keep.tmp.segq"), l001("sub/local/c.segq")]


def test_a_walk_below_the_repository_root_reads_the_root_gitignore(folder):
    (folder / ".git").mkdir()
    write(folder / ".gitignore", "generated/\n")
    write(folder / "queries" / "generated" / "g.segq", LOWER)
    write(folder / "queries" / "q.segq", LOWER)
    assert flagged(run("check", "--quiet", "queries")) == [l001("queries/q.segq")]


def test_no_respect_gitignore_reads_ignored_files(folder):
    write(folder / ".gitignore", "ignored.segq\n")
    write(folder / "ignored.segq", LOWER)
    assert flagged(run("check", "--quiet")) == []
    assert flagged(run("check", "--quiet", "--no-respect-gitignore")) == [l001("ignored.segq")]


def test_a_file_named_explicitly_is_read_even_when_ignored(folder):
    write(folder / ".gitignore", "ignored.segq\n")
    write(folder / "ignored.segq", LOWER)
    assert flagged(run("check", "--quiet", "ignored.segq")) == [l001("ignored.segq")]


# ---------------------------------------------------------------- exclude flags


def test_exclude_replaces_the_configured_exclusions(folder):
    write(folder / "segquery.toml", 'exclude = ["legacy/"]\n')
    write(folder / "legacy" / "a.segq", LOWER)
    write(folder / "drafts" / "b.segq", LOWER)
    assert flagged(run("check", "--quiet")) == [l001("drafts/b.segq")]
    assert flagged(run("check", "--quiet", "--exclude", "drafts")) == [l001("legacy/a.segq")]


def test_extend_exclude_adds_to_the_configured_exclusions(folder):
    write(folder / "segquery.toml", 'exclude = ["legacy/"]\n')
    write(folder / "legacy" / "a.segq", LOWER)
    write(folder / "drafts" / "b.segq", LOWER)
    write(folder / "c.segq", LOWER)
    result = run("check", "--quiet", "--extend-exclude", "drafts/,nothing")
    assert flagged(result) == [l001("c.segq")]


def test_force_exclude_applies_the_exclusions_to_files_named(folder):
    write(folder / "segquery.toml", 'exclude = ["legacy/"]\n')
    write(folder / "legacy" / "a.segq", LOWER)
    write(folder / "b.segq", LOWER)
    assert flagged(run("check", "--quiet", "legacy/a.segq", "b.segq")) == [l001("legacy/a.segq"), l001("b.segq")]
    assert flagged(run("check", "--quiet", "--force-exclude", "legacy/a.segq", "b.segq")) == [l001("b.segq")]
    assert flagged(run("check", "--quiet", "--force-exclude", "--exclude", "b.segq", "legacy/a.segq", "b.segq")) \
        == [l001("legacy/a.segq")]


def test_format_takes_the_same_exclusions(folder):
    write(folder / "segquery.toml", 'exclude = ["legacy/"]\n')
    legacy = write(folder / "legacy" / "a.segq", LOWER)
    kept = write(folder / "b.segq", LOWER)
    result = run("format", "--force-exclude", "legacy/a.segq", "b.segq")
    assert (result.exit_code, result.output) == (0, "1 file reformatted.\n")
    assert (legacy.read_text(encoding="utf-8"), kept.read_text(encoding="utf-8")) == (LOWER, CLEAN)


def test_an_invalid_exclude_glob_is_a_usage_error(folder):
    result = run("check", "--exclude", "[z-a]")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--exclude': invalid glob pattern '[z-a]': bad character range z-a")
