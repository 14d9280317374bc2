"""The pre-commit hooks, run by the real `pre-commit try-repo` against a
temporary git repository. pre-commit installs segquery from a copy of this
checkout into its own virtualenv (from PyPI for the dependencies), so this
test is slow: deselect it with `-m "not slow"`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

IGNORED = shutil.ignore_patterns(".git", "__pycache__", "*.pyc", ".hypothesis", ".pytest_cache", "*.egg-info",
                                 "build", "dist", ".venv", ".segquery_cache", "*.lark.cache")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=segquery", "-c", "user.email=segquery@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A committed copy of this checkout (try-repo needs a git repository)."""
    repo = tmp_path_factory.mktemp("hooks") / "segquery"
    shutil.copytree(REPO_ROOT, repo, ignore=IGNORED)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hooks")
    return repo


def new_project(tmp_path: Path, files: dict[str, str]) -> Path:
    """A git repository holding these files (path -> text), all staged."""
    target = tmp_path / "project"
    target.mkdir()
    git(target, "init", "-q")
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    git(target, "add", "-A")
    return target


def pre_commit(target: Path, home: Path, hook_repo: Path, hook: str, *,
               all_files: bool = True) -> subprocess.CompletedProcess:
    """The hook run by pre-commit on every file, or (as at a commit) on the staged files only."""
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    environment.pop("VIRTUAL_ENV", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook,
                           *(["--all-files"] if all_files else []), "--color", "never"], cwd=target, env=environment, capture_output=True, text=True,
                          timeout=900)


def test_check_hook_fails_on_findings_and_passes_when_fixed(hook_repo, tmp_path):
    target = new_project(tmp_path, {"good.segq": "PROFILE(contact).FILTER(address1_city == 'Seattle')\n",
                                    "bad.segq": 'profile(contact).FILTER(address1_city == "Seattle")\n',
                                    "notes.txt": "profile("})
    home = tmp_path / "pre-commit-home"

    failing = pre_commit(target, home, hook_repo, "segquery-check")
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "segquery check" in output and "Failed" in output
    assert "bad.segq:1:1: L001 [warning] `profile` is a keyword: write it in upper case, `PROFILE`" in output
    assert "bad.segq:1:42: L002 [warning] strings are single-quoted: write 'Seattle'" in output
    assert "good.segq:" not in output and "notes.txt" not in output

    (target / "bad.segq").write_text("PROFILE(contact).FILTER(address1_city == 'Portland')\n", encoding="utf-8")
    git(target, "add", "-A")
    passing = pre_commit(target, home, hook_repo, "segquery-check")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


def test_format_hook_rewrites_files_then_passes(hook_repo, tmp_path):
    target = new_project(tmp_path, {"q.segq": "profile(contact).filter(address1_city=='Seattle')\n"})
    query = target / "q.segq"
    home = tmp_path / "pre-commit-home"

    first = pre_commit(target, home, hook_repo, "segquery-format")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert query.read_text(encoding="utf-8") == "PROFILE(contact).FILTER(address1_city == 'Seattle')\n"

    git(target, "add", "-A")
    second = pre_commit(target, home, hook_repo, "segquery-format")
    assert second.returncode == 0, second.stdout + second.stderr


def test_check_hook_on_one_staged_file_resolves_the_segments_beside_it(hook_repo, tmp_path):
    target = new_project(tmp_path, {"seattle.segq": "PROFILE(contact).FILTER(address1_city == 'Seattle')\n",
                                    "segquery.toml": 'exclude = ["drafts/"]\n'})
    git(target, "commit", "-q", "-m", "seattle")
    (target / "a.segq").write_text("SEGMENT(seattle)\n", encoding="utf-8")
    (target / "drafts").mkdir()
    (target / "drafts" / "wip.segq").write_text("profile(", encoding="utf-8")
    git(target, "add", "a.segq", "drafts/wip.segq")   # pre-commit passes only these two files
    home = tmp_path / "pre-commit-home"

    passing = pre_commit(target, home, hook_repo, "segquery-check", all_files=False)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout and "W001" not in passing.stdout and "wip.segq" not in passing.stdout

    (target / "a.segq").write_text("SEGMENT(seattle) UNION SEGMENT(portland)\n", encoding="utf-8")
    git(target, "add", "a.segq")
    failing = pre_commit(target, home, hook_repo, "segquery-check", all_files=False)
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "a.segq:1:32: W001 [error] no segment named `portland` in the workspace" in output
    assert "`seattle`" not in output and "wip.segq" not in output
