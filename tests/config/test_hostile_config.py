"""Hostile configuration gets a clear error or a result, in work linear in its size.

Work is counted, never timed: the size of the RE2 programs globs compile to
(RE2 matches in time proportional to program size times path length), the
steps of the TOML position scanner and the key parts it copies, and the globs compiled for ignore files."""

from __future__ import annotations

from pathlib import Path

import pytest
import re2
from click.testing import CliRunner

from segquery.cli import main
from segquery.config import ConfigError, GlobMatcher, load_config
from segquery.config import matching
from segquery.config.matching import BACKEND, MAX_GLOB_LENGTH, compile_globs
from segquery.config.positions import scan
from segquery.ignore_files import IgnoreFiles


def program_size(glob: str) -> int:
    """The size of the RE2 programs a glob compiles to."""
    return sum(re2.compile(pattern.regex.pattern).programsize
               for pattern in compile_globs([glob]).patterns if pattern.regex is not None)


def scanner_work(text: str) -> int:
    """The scanner's loop steps plus the key parts it copied into key paths."""
    scanned = scan(text)
    return scanned.steps + sum(len(found.keys) for found in scanned.keys)


def config_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "segquery.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    return str(raised.value).removeprefix(f"{path}:")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- globs


def test_globs_are_matched_by_the_linear_time_back_end():
    assert BACKEND == "re2"
    assert compile_globs(["*.segq"])._backend_name == "re2"


@pytest.mark.parametrize("unit", ["**/", "*a", "?*", "[!a]*"])
def test_repeated_wildcards_compile_to_programs_linear_in_the_glob(unit):
    small, large = program_size(unit * 12 + "x"), program_size(unit * 48 + "x")
    assert large <= 4 * small + 16


def test_a_glob_of_stacked_double_stars_excludes_as_one_double_star(folder):
    (folder / "segquery.toml").write_text('exclude = ["' + "**/" * 12 + 'old"]\n', encoding="utf-8")
    for name in ("a/b/c/d/e/f/old/q.segq", "new/q.segq"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("profile(contact)\n", encoding="utf-8")
    result = run("check", "--quiet", "--select", "L001")
    assert [line.split(":")[0] for line in result.output.splitlines() if ": L001 " in line] == ["new/q.segq"]


def test_a_huge_glob_is_refused_with_its_length(tmp_path):
    glob = "a*" * 50_000 + "b"
    assert config_error(tmp_path, f'exclude = ["{glob}"]\n') == (
        "1:1: `exclude`: invalid glob pattern 'a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*'... "
        f"(100001 characters): a glob is at most {MAX_GLOB_LENGTH} characters long")


def test_a_glob_of_the_longest_length_is_accepted(tmp_path):
    glob = "*a" * (MAX_GLOB_LENGTH // 2)
    path = tmp_path / "segquery.toml"
    path.write_text(f'exclude = ["{glob}"]\n', encoding="utf-8")
    assert load_config(path).exclude == (glob,)


def test_a_huge_glob_on_the_command_line_is_a_usage_error(folder):
    result = run("check", "--exclude", "x" * 5000)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--exclude': invalid glob pattern "
        f"'{'x' * 60}'... (5000 characters): a glob is at most {MAX_GLOB_LENGTH} characters long")


# ---------------------------------------------------------------- TOML


def test_an_open_bracket_and_many_blanks_is_a_positioned_error(tmp_path):
    assert config_error(tmp_path, "[" + " " * 100_000) == (
        "1:100002: invalid TOML: Invalid initial character for a key part (at the end of the file)")


@pytest.mark.parametrize("make", [
    lambda n: "[" + " " * n,
    lambda n: "x = " + "[" * n + "]" * n + "\n",
    lambda n: "x = " + "{a=" * n + "1" + "}" * n + "\n",
    lambda n: "[" + "a." * n + "a]\n" + "b = 1\n" * n,
    lambda n: 'a = "' + '\\"' * n + '"\n',
], ids=["blanks", "arrays", "inline-tables", "long-header", "escapes"])
def test_the_position_scanner_works_in_linear_steps(make):
    small, large = scanner_work(make(5_000)), scanner_work(make(20_000))
    assert large <= 4 * small + 1_000     # a constant: the first KEPT_PARTS levels copy fewer parts


def test_deeply_nested_arrays_are_refused_where_they_get_too_deep(tmp_path):
    assert config_error(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n") == (
        "1:105: invalid TOML: values are nested more than 100 levels deep")


def test_deeply_nested_inline_tables_are_refused_where_they_get_too_deep(tmp_path):
    assert config_error(tmp_path, "x = " + "{a=" * 100_000 + "1" + "}" * 100_000 + "\n") == (
        "1:305: invalid TOML: values are nested more than 100 levels deep")


def test_a_key_of_too_many_parts_is_refused(tmp_path):
    assert config_error(tmp_path, "[t]\n" + "x." * 101 + "y = 1\n") == (
        "2:1: invalid TOML: keys are nested more than 100 levels deep")
    assert config_error(tmp_path, "x." * 100 + "y = 1\n").endswith("keys are nested more than 100 levels deep")
    assert "nested" not in config_error(tmp_path, "x." * 99 + "y = 1\n")


# ---------------------------------------------------------------- target


def test_an_empty_target_on_the_command_line_is_a_usage_error(folder):
    result = run("check", "--target", "")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--target': expected a profile type name such as \"contact\", got ''")


def test_an_empty_target_in_the_configuration_is_a_configuration_error(tmp_path):
    assert config_error(tmp_path, 'target = ""\n') == (
        "1:1: `target`: expected a profile type name such as \"contact\", got ''")


# ---------------------------------------------------------------- ignore files


def compiled_globs_for_ignore_file(tmp_path: Path, lines: list[str], monkeypatch) -> int:
    """How many glob groups are compiled to read one ignore file."""
    (tmp_path / ".git").mkdir(parents=True)
    (tmp_path / ".gitignore").write_text("\n".join(lines) + "\n", encoding="utf-8")
    count = 0
    real = matching.compile_globs

    def counting(group):
        nonlocal count
        count += 1
        return real(group)

    monkeypatch.setattr(matching, "compile_globs", counting)
    IgnoreFiles(tmp_path).ignored(tmp_path / "x.segq", is_dir=False)
    return count


@pytest.mark.parametrize("broken", [False, True])
def test_a_long_ignore_file_is_compiled_in_linear_work(tmp_path, monkeypatch, broken):
    def lines(n: int) -> list[str]:
        found = [f"*x{i}*y{i}*" for i in range(n)]
        if broken:
            found[n // 2] = "[z-a]"   # one line git cannot use either: left out
        return found

    small = compiled_globs_for_ignore_file(tmp_path / "small", lines(1_000), monkeypatch)
    large = compiled_globs_for_ignore_file(tmp_path / "large", lines(4_000), monkeypatch)
    assert large <= 4 * small + 256 + 1


def test_a_broken_line_of_an_ignore_file_is_left_out_and_the_others_apply(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("[z-a]\n" + "".join(f"old{i}/\n" for i in range(600)), encoding="utf-8")
    ignore = IgnoreFiles(tmp_path)
    assert ignore.ignored(tmp_path / "old599", is_dir=True)
    assert not ignore.ignored(tmp_path / "new", is_dir=True)
    assert GlobMatcher(["[z-a]", "a"], tmp_path, tolerant=True).matches(tmp_path / "a")
