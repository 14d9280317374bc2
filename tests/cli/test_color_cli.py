"""Colour from the command line, seen as a user sees it: the CLI runs in a
subprocess whose standard output (or error) is a pseudo-terminal, and the
test reads everything it wrote until the terminal closes."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tty
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
COLON = "\x1b[36m:\x1b[0m"
YELLOW = "\x1b[1;33m"

COLOURED_FINDING = (
    f"{BOLD}q.segq{RESET}{COLON}1{COLON}1{COLON} {YELLOW}L001{RESET} [{YELLOW}warning{RESET}] "
    "`profile` is a keyword: write it in upper case, `PROFILE`\n"
    f"\x1b[1;34m   1 | {RESET}profile(contact)\n"
    f"       {YELLOW}^^^^^^^{RESET}\n"
    f"{DIM}     = fix (safe): Write `PROFILE`{RESET}\n"
    "Found 1 problem in 1 of 1 file.\n"
    f"{DIM}[*] 1 fixable with --fix.{RESET}\n")

PLAIN_FINDING = (
    "q.segq:1:1: L001 [warning] `profile` is a keyword: write it in upper case, `PROFILE`\n"
    "   1 | profile(contact)\n"
    "       ^^^^^^^\n"
    "     = fix (safe): Write `PROFILE`\n"
    "Found 1 problem in 1 of 1 file.\n"
    "[*] 1 fixable with --fix.\n")


@dataclass
class Run:
    stdout: str
    stderr: str
    status: int


@pytest.fixture
def project(tmp_path):
    (tmp_path / "q.segq").write_text("profile(contact)\n", encoding="utf-8")
    return tmp_path


def _environ(extra: dict[str, str]) -> dict[str, str]:
    environ = {name: value for name, value in os.environ.items() if name not in ("NO_COLOR", "FORCE_COLOR")}
    environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "lsp")])
    return {**environ, **extra}


def _read_until_closed(master: int) -> bytes:
    """Everything written to the terminal, up to the moment no process holds it open any more."""
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError as error:   # Linux reports a closed terminal as EIO
            if error.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def run_on_terminal(cwd: Path, *args: str, env: dict[str, str] | None = None, stream: str = "stdout") -> Run:
    """`segquery ARGS` with `stream` (stdout or stderr) on a raw pseudo-terminal, the other on a pipe."""
    master, terminal = os.openpty()
    tty.setraw(terminal)   # no newline translation: the bytes are the program's
    other = subprocess.PIPE
    process = subprocess.Popen([sys.executable, "-m", "segquery", *args], cwd=cwd, env=_environ(env or {}),
                               stdin=subprocess.DEVNULL,
                               stdout=terminal if stream == "stdout" else other,
                               stderr=terminal if stream == "stderr" else other)
    os.close(terminal)
    try:
        seen = _read_until_closed(master).decode("utf-8")
        piped_out, piped_err = process.communicate()
    finally:
        os.close(master)
    piped = (piped_out if stream == "stderr" else piped_err).decode("utf-8")
    if stream == "stdout":
        return Run(seen, piped, process.returncode)
    return Run(piped, seen, process.returncode)


def run_on_pipes(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    completed = subprocess.run([sys.executable, "-m", "segquery", *args], cwd=cwd, env=_environ(env or {}),
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8")
    return Run(completed.stdout, completed.stderr, completed.returncode)


def test_findings_are_coloured_on_a_terminal(project):
    run = run_on_terminal(project, "check", "q.segq")
    assert (run.stdout, run.status) == (COLOURED_FINDING, 1)


@pytest.mark.parametrize(("args", "env"), [
    (("--color", "never"), {}),
    ((), {"NO_COLOR": "1"}),
    ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}),
    (("--color", "never"), {"FORCE_COLOR": "1"}),
])
def test_colour_turned_off_on_a_terminal_gives_the_plain_bytes(project, args, env):
    run = run_on_terminal(project, "check", "q.segq", *args, env=env)
    assert (run.stdout, run.status) == (PLAIN_FINDING, 1)


@pytest.mark.parametrize(("args", "env", "expected"), [
    ((), {}, PLAIN_FINDING),
    ((), {"FORCE_COLOR": "1"}, COLOURED_FINDING),
    (("--color", "always"), {"NO_COLOR": "1"}, COLOURED_FINDING),
    (("--color", "auto"), {"FORCE_COLOR": "1"}, COLOURED_FINDING),
])
def test_colour_into_a_pipe_only_when_asked_for(project, args, env, expected):
    run = run_on_pipes(project, "check", "q.segq", *args, env=env)
    assert (run.stdout, run.status) == (expected, 1)


def test_machine_formats_and_output_files_are_never_coloured(project):
    run = run_on_terminal(project, "check", "q.segq", "--output-format", "json", "--color", "always")
    assert "\x1b" not in run.stdout
    assert [finding["code"] for finding in json.loads(run.stdout)["findings"]] == ["L001"]
    run = run_on_terminal(project, "check", "q.segq", "--output-file", "out.txt", "--color", "always")
    assert (run.stdout, run.status) == ("", 1)
    assert (project / "out.txt").read_text(encoding="utf-8") == PLAIN_FINDING


def test_check_diff_is_coloured_on_a_terminal(project):
    run = run_on_terminal(project, "check", "q.segq", "--diff")
    assert run.stdout == (f"{BOLD}--- a/q.segq{RESET}\n{BOLD}+++ b/q.segq{RESET}\n\x1b[36m@@ -1 +1 @@{RESET}\n"
                          f"\x1b[31m-profile(contact){RESET}\n\x1b[32m+PROFILE(contact){RESET}\n")
    assert (run.stderr, run.status) == ("Would fix 1 problem in 1 file.\n", 1)


def test_format_check_and_diff_are_coloured_on_a_terminal(project):
    run = run_on_terminal(project, "format", "--check", "q.segq")
    assert (run.stdout, run.status) == (f"Would reformat: {BOLD}q.segq{RESET}\n1 file would be reformatted.\n", 1)
    run = run_on_terminal(project, "format", "--diff", "q.segq")
    assert run.stdout == (f"{BOLD}--- a/q.segq{RESET}\n{BOLD}+++ b/q.segq{RESET}\n\x1b[36m@@ -1 +1 @@{RESET}\n"
                          f"\x1b[31m-profile(contact){RESET}\n\x1b[32m+PROFILE(contact){RESET}\n")
    run = run_on_terminal(project, "format", "--check", "q.segq", "--color", "never")
    assert run.stdout == "Would reformat: q.segq\n1 file would be reformatted.\n"


RED = "\x1b[1;31m"
COLOURED_SYNTAX_ERROR = (
    f"{BOLD}q.segq{RESET}{COLON}1{COLON}8{COLON} {RED}S007{RESET} [{RED}error{RESET}] `(` is never closed: add `)`\n"
    f"\x1b[1;34m   1 | {RESET}PROFILE(contact\n"
    f"              {RED}^{RESET}\n"
    f"     \x1b[1;34m={RESET} note: q.segq:1:16: the query ends here\n")


def test_format_and_deps_colour_errors_when_standard_error_is_a_terminal(project):
    (project / "q.segq").write_text("PROFILE(contact\n", encoding="utf-8")
    run = run_on_terminal(project, "format", "--check", "q.segq", stream="stderr")
    assert run.stderr == COLOURED_SYNTAX_ERROR
    assert (run.stdout, run.status) == ("1 file not formatted because of errors.\n", 2)
    run = run_on_terminal(project, "deps", ".", stream="stderr")
    assert (run.stderr, run.status) == (COLOURED_SYNTAX_ERROR, 1)
    run = run_on_terminal(project, "deps", ".", "--color", "never", stream="stderr")
    assert run.stderr.startswith("q.segq:1:8: S007 [error] `(` is never closed: add `)`\n")
