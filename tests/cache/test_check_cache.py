"""The check cache: the same findings with and without it, and a re-check whenever a key part changes."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import segquery.engine as engine
import segquery.final_results as final_results
from segquery import cache as cache_file
from segquery.cache import CACHE_DIRNAME, CACHE_FILENAME
from segquery.cli import main
from segquery.engine import PARALLEL_THRESHOLD
from segquery.final_results import RESULTS_FILENAME
from segquery.projects import WorkspaceGroup

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BAD = 'profile(contact).FILTER(address1_city == "Seattle")\n'
GOOD = "PROFILE(contact).FILTER(address1_city == 'Seattle')\n"


@pytest.fixture
def checked(monkeypatch):
    """The files each cached run checks (the others came from the cache), and the workspaces it builds."""
    seen: dict[str, list] = {"files": [], "workspaces": []}
    check_files = engine.check_files
    loading = WorkspaceGroup.loading

    def spy_check_files(files, resolver, **options):
        seen["files"].extend(files)
        return check_files(files, resolver, **options)

    def spy_loading(group, resolver):
        seen["workspaces"].append(sorted(group.checked))
        return loading(group, resolver)

    monkeypatch.setattr(engine, "check_files", spy_check_files)
    monkeypatch.setattr(WorkspaceGroup, "loading", spy_loading)
    return seen


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("segquery.toml").write_text("line-length = 88\n", encoding="utf-8")
    Path("bad.segq").write_text(BAD, encoding="utf-8")
    Path("good.segq").write_text(GOOD, encoding="utf-8")
    return tmp_path


def check(*args: str):
    """`segquery check` with the cache on (the test suite turns it off by default)."""
    return CliRunner().invoke(main, ["check", *args], env={"SEGQUERY_NO_CACHE": None})


def run_twice(checked, *args: str) -> list:
    """Check cold then warm: the files the warm run checked again."""
    check(*args)
    checked["files"].clear()
    check(*args)
    return sorted(checked["files"])


def cache_path(root: Path) -> Path:
    return root / CACHE_DIRNAME / cache_file.VERSION / CACHE_FILENAME


def results_path(root: Path) -> Path:
    return root / CACHE_DIRNAME / cache_file.VERSION / RESULTS_FILENAME


def drop_final_results(root: Path) -> None:
    """Remove the whole-run results, so that the next run consults the per-file entries."""
    results_path(root).unlink()


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_examples_give_the_same_output_with_and_without_the_cache(tmp_path, monkeypatch, checked, output_format):
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path / "examples")
    args = (".", "--output-format", output_format)
    uncached = CliRunner().invoke(main, ["check", "--no-cache", *args])
    assert not Path(CACHE_DIRNAME).exists()
    cold = check(*args)
    files_checked_cold = len(checked["files"])
    checked["files"].clear()
    checked["workspaces"].clear()
    warm = check(*args)
    assert files_checked_cold > 20
    assert (checked["files"], checked["workspaces"]) == ([], [])
    assert uncached.exit_code == cold.exit_code == warm.exit_code == 1
    assert uncached.stdout == cold.stdout == warm.stdout
    assert uncached.stderr == cold.stderr == warm.stderr


def test_the_cache_lives_at_the_project_root_and_is_ignored_by_git(project, checked):
    check(".")
    assert (project / CACHE_DIRNAME / ".gitignore").read_text(encoding="utf-8") == (
        "# Created by segquery: the check cache, safe to delete.\n*\n")
    assert cache_path(project).is_file()


def test_an_unchanged_project_is_not_checked_again(project, checked):
    assert run_twice(checked, ".") == []
    assert checked["workspaces"] == [["bad.segq", "good.segq"]]


def test_a_changed_file_is_checked_again_and_only_it(project, checked):
    check(".")
    checked["files"].clear()
    Path("good.segq").write_text(BAD, encoding="utf-8")
    result = check(".")
    assert checked["files"] == ["good.segq"]
    assert result.stdout.splitlines()[-2] == "Found 4 problems in 2 of 2 files."


def test_a_new_version_checks_everything_again(project, checked, monkeypatch):
    check(".")
    checked["files"].clear()
    monkeypatch.setattr(cache_file, "VERSION", "99.0.0")
    check(".")
    assert sorted(checked["files"]) == ["bad.segq", "good.segq"]
    assert (project / CACHE_DIRNAME / "99.0.0" / CACHE_FILENAME).is_file()


def test_a_changed_configuration_checks_everything_again(project, checked):
    check(".")
    checked["files"].clear()
    Path("segquery.toml").write_text('ignore = ["L002"]\n', encoding="utf-8")
    result = check(".")
    assert sorted(checked["files"]) == ["bad.segq", "good.segq"]
    assert "L002" not in result.stdout and "L001" in result.stdout


def test_a_command_line_option_is_part_of_the_key(project, checked):
    check(".")
    checked["files"].clear()
    result = check(".", "--ignore", "L001")
    assert sorted(checked["files"]) == ["bad.segq", "good.segq"]
    assert "L001" not in result.stdout


def test_a_changed_schema_file_checks_everything_again(project, checked):
    Path("schema.json").write_text('{"version": 1, "tables": {}}', encoding="utf-8")
    Path("segquery.toml").write_text('schema = "schema.json"\n', encoding="utf-8")
    check("bad.segq")
    checked["files"].clear()
    check("bad.segq")
    assert checked["files"] == []
    Path("schema.json").write_text('{"version": 1, "tables": {} }', encoding="utf-8")
    check("bad.segq")
    assert checked["files"] == ["bad.segq"]


def test_a_workspace_change_elsewhere_reaches_the_referring_file(project, checked):
    Path("a.segq").write_text("SEGMENT(b)\n", encoding="utf-8")
    Path("b.segq").write_text(GOOD, encoding="utf-8")
    assert check("a.segq").exit_code == 0
    Path("b.segq").unlink()
    result = check("a.segq")
    assert checked["workspaces"] == [["a.segq"], ["a.segq"]]
    assert result.exit_code == 1 and " W001 " in result.stdout


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "foreign", "empty"])
def test_an_unusable_cache_file_is_ignored_and_rewritten(project, checked, damage):
    check(".")
    path = cache_path(project)
    data = path.read_bytes()
    path.write_bytes({"corrupt": data[:-10] + b"x" * 10, "truncated": data[:len(data) // 2],
                      "foreign": data.replace(cache_file.VERSION.encode(), b"0.0.9", 1), "empty": b""}[damage])
    drop_final_results(project)
    checked["files"].clear()
    result = check(".")
    assert sorted(checked["files"]) == ["bad.segq", "good.segq"]
    assert result.stderr == f"segquery: note: ignoring the unusable cache {path}; it will be rewritten\n"
    assert run_twice(checked, ".") == []
    assert check(".").stderr == ""


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "foreign", "empty", "not-a-run"])
def test_an_unusable_results_file_is_ignored_and_rewritten(project, checked, damage):
    expected = check(".").stdout
    path = results_path(project)
    data = path.read_bytes()
    damaged = {"corrupt": data[:-10] + b"x" * 10, "truncated": data[:len(data) // 2],
               "foreign": data.replace(cache_file.VERSION.encode(), b"0.0.9", 1), "empty": b"",
               "not-a-run": json.dumps({**json.loads(data), "runs": {key: [[1, 2]] for key in json.loads(data)["runs"]}
                                        }).encode()}[damage]
    path.write_bytes(damaged)
    checked["files"].clear()
    result = check(".")
    assert checked["files"] == []               # the per-file entries still answer
    note = f"segquery: note: ignoring the unusable cache {path}; it will be rewritten\n"
    assert (result.stdout, result.stderr) == (expected, "" if damage == "not-a-run" else note)
    assert path.read_bytes() != damaged
    assert check(".").stdout == expected


def test_the_cache_holds_only_raw_results_so_a_trusted_entry_still_gets_the_configured_severity(project, checked):
    check(".")
    Path("segquery.toml").write_text('[severity]\nL001 = "error"\n', encoding="utf-8")
    result = check("bad.segq")
    assert "L001 [error]" in result.stdout


def test_fix_never_uses_the_cache(project, checked):
    check(".")
    poisoned = cache_file.CheckCache()
    store = poisoned._store(project / CACHE_DIRNAME)
    store.files = {identity: (key, ([], kind, directives)) for identity, (key, (_, kind, directives))
                   in store.files.items()}
    store.changed = True
    poisoned.save()
    drop_final_results(project)
    assert check("bad.segq").exit_code == 0     # the (tampered) cache is read when checking
    checked["files"].clear()
    result = check("bad.segq", "--fix")
    assert checked["files"] == ["bad.segq"]     # fixing goes around the cache: the file is checked
    assert (result.exit_code, Path("bad.segq").read_text(encoding="utf-8")) == (0, GOOD)


def test_no_cache_neither_reads_nor_writes(project, checked):
    result = check(".", "--no-cache")
    assert result.exit_code == 1
    assert sorted(checked["files"]) == ["bad.segq", "good.segq"] and not (project / CACHE_DIRNAME).exists()


def test_cache_dir_in_the_configuration(project, checked):
    Path("segquery.toml").write_text('cache-dir = "build/cache"\n', encoding="utf-8")
    assert run_twice(checked, ".") == []
    assert (project / "build" / "cache" / cache_file.VERSION / CACHE_FILENAME).is_file()
    assert not (project / CACHE_DIRNAME).exists()


def test_clean_removes_the_cache(project, checked):
    check(".")
    result = CliRunner().invoke(main, ["clean"])
    assert (result.exit_code, result.stderr) == (0, f"Removed {project.resolve() / CACHE_DIRNAME}\n")
    assert not (project / CACHE_DIRNAME).exists()
    assert CliRunner().invoke(main, ["clean"]).stderr == ""


def test_writes_leave_no_temporary_files(project, checked):
    check(".")
    Path("good.segq").write_text(BAD, encoding="utf-8")
    check(".")
    names = sorted(path.name for path in (project / CACHE_DIRNAME).rglob("*"))
    assert names == [".gitignore", cache_file.VERSION, CACHE_FILENAME, RESULTS_FILENAME]


def test_keys_are_the_same_in_every_process(project):
    """Sets in the settings are hashed in a stable order: another process (another hash seed) hits."""
    def run(seed: str) -> None:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SEGQUERY_NO_CACHE", None)
        done = subprocess.run([sys.executable, "-m", "segquery", "check", "."], env=env, capture_output=True,
                              check=False)
        assert done.returncode == 1, done.stderr

    run("1")
    written = cache_path(project).read_bytes()
    run("2")
    assert cache_path(project).read_bytes() == written     # nothing missed, so nothing rewritten


class _RunsCode:
    """What a hostile cache file committed to a project could hold: a call on loading."""

    def __reduce__(self):
        return (Path.touch, (Path("pwned"),))


def test_a_cache_file_that_names_anything_but_plain_records_is_refused(project, checked):
    check(".")
    path = cache_path(project)
    payload = pickle.dumps(({"x": _RunsCode()}, {}), protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(cache_file._header() + hashlib.sha256(payload).digest() + payload)
    drop_final_results(project)
    checked["files"].clear()
    result = check(".")
    assert not Path("pwned").exists()
    assert sorted(checked["files"]) == ["bad.segq", "good.segq"]
    assert result.stderr == f"segquery: note: ignoring the unusable cache {path}; it will be rewritten\n"


# ---------------------------------------------------------------- file status instead of content


@pytest.fixture
def reads(monkeypatch):
    """The files the final results read and hashed (the others were known by their status)."""
    seen: list[str] = []
    read_bytes = final_results.read_bytes

    def spy(path, **options):
        seen.append(os.path.basename(path))
        return read_bytes(path, **options)

    monkeypatch.setattr(final_results, "read_bytes", spy)
    return seen


@pytest.fixture
def later(monkeypatch):
    """Runs made a minute from now: the files written by the test have settled (their status is trusted)."""
    now = final_results.now_ns()
    monkeypatch.setattr(final_results, "now_ns", lambda: now + 60_000_000_000)


def test_a_settled_file_is_not_read_again(project, checked, reads, later):
    first = check(".")
    reads.clear()
    checked["files"].clear()
    second = check(".")
    assert (reads, checked["files"], second.stdout) == ([], [], first.stdout)


def test_a_touched_file_is_read_again_and_its_results_reused(project, checked, reads, later):
    first = check(".")
    os.utime("good.segq", ns=(1_600_000_000_000_000_000,) * 2)    # new times, same content
    reads.clear()
    checked["files"].clear()
    second = check(".")
    assert (reads, checked["files"], second.stdout) == (["good.segq"], [], first.stdout)


def test_a_same_size_edit_with_the_times_put_back_is_seen(project, checked, later):
    check(".")
    times = os.stat("good.segq")
    assert len(BAD) == len(GOOD)
    Path("good.segq").write_text(BAD, encoding="utf-8")
    os.utime("good.segq", ns=(times.st_atime_ns, times.st_mtime_ns))   # size and modification time as before
    checked["files"].clear()
    result = check(".")
    assert checked["files"] == ["good.segq"]
    assert result.stdout.splitlines()[-2] == "Found 4 problems in 2 of 2 files."


def test_a_file_changed_within_the_time_step_of_the_run_is_never_trusted_by_its_status(project, checked, reads):
    """A file modified less than 2 s before a run may be modified again within the same time step
    (coarse file systems), leaving its status as it was: its content is hashed on every run."""
    check(".")
    reads.clear()
    check(".")
    assert sorted(reads) == ["bad.segq", "good.segq"]


def test_the_same_output_with_one_and_two_worker_processes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert 70 > PARALLEL_THRESHOLD                      # enough files for the worker processes
    for index in range(70):
        Path(f"q{index:03}.segq").write_text(BAD if index % 3 else f"SEGMENT(q{index + 1:03})\n", encoding="utf-8")
    outputs = {(jobs, cache): check(".", "--jobs", jobs, *cache).stdout
               for cache in ((), ("--no-cache",)) for jobs in ("1", "2")}
    assert len(set(outputs.values())) == 1
    assert "\nFound 93 problems in 47 of 70 files.\n" in outputs["1", ()]
