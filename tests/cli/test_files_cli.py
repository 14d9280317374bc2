"""No data loss through the commands: what `check --fix` and `format` write, what they refuse to
write, and how every reader handles files that are not text or not regular files."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from segquery import files
from segquery.cli import main
from segquery.rules import get_rule

REPO = Path(__file__).resolve().parents[2]
LATIN1_CITY = b"PROFILE(contact).FILTER(address1_city == 'Z\xfcrich')\n"
LATIN1_FINDING = ("city.segq:1:44: E002 [error] the file is not valid UTF-8 text: byte 0xfc cannot be decoded\n"
                  "   1 | PROFILE(contact).FILTER(address1_city == 'Z\ufffdrich')\n"
                  "                                                  ^\n")


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def full_disk_for(name: str, monkeypatch) -> None:
    """Writing the file called `name` fails as on a full disk; other files are written."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*, dir, prefix, suffix):
        if prefix == f".{name}.":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_mkstemp(dir=dir, prefix=prefix, suffix=suffix)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


# ---------------------------------------------------------------- check --fix


def test_fix_leaves_a_latin1_file_as_it_is_and_fixes_the_others(folder):
    Path("city.segq").write_bytes(LATIN1_CITY)
    Path("ok.segq").write_bytes(b"profile(contact)\n")
    result = run("check", "--fix", "city.segq", "ok.segq")
    assert (result.exit_code, result.stdout) == (1, LATIN1_FINDING + "Found 1 problem in 1 of 2 files.\n"
                                                 "Fixed 1 problem.\n")
    assert Path("city.segq").read_bytes() == LATIN1_CITY
    assert Path("ok.segq").read_bytes() == b"PROFILE(contact)\n"


def test_fix_writes_utf16_back_as_utf16_with_its_mark_and_line_endings(folder):
    Path("q.segq").write_bytes(b"\xff\xfe" + "profile(contact) // Zürich\r\n".encode("utf-16-le"))
    result = run("check", "--fix", "q.segq")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file).\nFixed 1 problem.\n")
    assert Path("q.segq").read_bytes() == b"\xff\xfe" + "PROFILE(contact) // Zürich\r\n".encode("utf-16-le")


def test_fix_and_format_keep_a_utf8_byte_order_mark(folder):
    path = Path("q.segq")
    path.write_bytes(b"\xef\xbb\xbfprofile(contact)\r\n")
    run("check", "--fix", "--select", "L001", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbfPROFILE(contact)\r\n"
    path.write_bytes(b"\xef\xbb\xbfPROFILE( contact )\r\n")
    run("format", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbfPROFILE(contact)\r\n"


def test_fix_on_a_full_disk_reports_the_file_and_still_fixes_the_others(folder, monkeypatch):
    Path("a.segq").write_bytes(b"profile(contact)\n")
    Path("b.segq").write_bytes(b"profile(lead)\n")
    full_disk_for("a.segq", monkeypatch)
    result = run("check", "--fix", "--kind", "fetch", "a.segq", "b.segq")
    assert result.exit_code == 2
    assert result.stderr == "segquery: a.segq: cannot write the file: No space left on device; it is left as it was\n"
    # a.segq is reported as it still is on disk: its finding was not fixed.
    assert result.stdout == ("a.segq:1:1: L001 [warning] `profile` is a keyword: write it in upper case, `PROFILE`\n"
                             "   1 | profile(contact)\n"
                             "       ^^^^^^^\n"
                             "     = fix (safe): Write `PROFILE`\n"
                             "Found 1 problem in 1 of 2 files.\n"
                             "Fixed 1 problem.\n")
    assert Path("a.segq").read_bytes() == b"profile(contact)\n"
    assert Path("b.segq").read_bytes() == b"PROFILE(lead)\n"
    assert sorted(os.listdir()) == ["a.segq", "b.segq"]


def test_a_write_failure_is_not_hidden_by_exit_zero(folder, monkeypatch):
    Path("a.segq").write_bytes(b"profile(contact)\n")
    full_disk_for("a.segq", monkeypatch)
    assert run("check", "--fix", "--exit-zero", "-q", "a.segq").exit_code == 2


def test_fix_does_not_overwrite_an_edit_made_while_it_ran(folder, monkeypatch):
    Path("a.segq").write_bytes(b"profile(contact)\n")
    real_fsync = os.fsync

    def someone_edits_meanwhile(descriptor):
        real_fsync(descriptor)
        Path("a.segq").write_bytes(b"PROFILE(lead)\n")

    monkeypatch.setattr(os, "fsync", someone_edits_meanwhile)
    result = run("check", "--fix", "-q", "a.segq")
    assert result.exit_code == 2
    assert result.stderr == "segquery: a.segq: changed on disk since it was read; not rewritten\n"
    assert Path("a.segq").read_bytes() == b"PROFILE(lead)\n"


def test_a_read_only_file_system_is_a_message_not_a_traceback(folder, monkeypatch):
    Path("a.segq").write_bytes(b"profile(contact)\n")

    def read_only(**kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = run("check", "--fix", "-q", "a.segq")
    assert (result.exit_code, result.stderr) == (
        2, "segquery: a.segq: cannot write the file: Read-only file system; it is left as it was\n")


# ---------------------------------------------------------------- format


def test_format_on_a_full_disk_reports_the_file_and_formats_the_others(folder, monkeypatch):
    Path("a.segq").write_bytes(b"PROFILE( contact )\n")
    Path("b.segq").write_bytes(b"PROFILE( account )\n")
    full_disk_for("a.segq", monkeypatch)
    result = run("format", "a.segq", "b.segq")
    assert result.exit_code == 2
    assert result.stderr == "segquery: a.segq: cannot write the file: No space left on device; it is left as it was\n"
    assert result.stdout == "1 file reformatted, 1 file not formatted because of errors.\n"
    assert Path("a.segq").read_bytes() == b"PROFILE( contact )\n"
    assert Path("b.segq").read_bytes() == b"PROFILE(account)\n"


def test_format_leaves_a_latin1_file_as_it_is(folder):
    Path("city.segq").write_bytes(LATIN1_CITY)
    result = run("format", "city.segq")
    assert (result.exit_code, result.stderr, result.stdout) == (
        2, LATIN1_FINDING, "1 file not formatted because of errors.\n")
    assert Path("city.segq").read_bytes() == LATIN1_CITY


def test_format_writes_utf32_back_as_utf32(folder):
    Path("q.segq").write_bytes(b"\x00\x00\xfe\xff" + "PROFILE( contact )\n".encode("utf-32-be"))
    assert run("format", "q.segq").exit_code == 0
    assert Path("q.segq").read_bytes() == b"\x00\x00\xfe\xff" + "PROFILE(contact)\n".encode("utf-32-be")


# ---------------------------------------------------------------- standard input


def test_undecodable_standard_input_is_a_diagnostic_for_check(folder):
    result = run("check", "-", stdin=b"PROFILE(contact).FILTER(x == '\xe9')\n")
    assert (result.exit_code, result.stdout) == (
        1, "-:1:31: E002 [error] standard input is not valid UTF-8 text: byte 0xe9 cannot be decoded\n"
           "   1 | PROFILE(contact).FILTER(x == '\ufffd')\n"
           "                                     ^\n"
           "Found 1 problem in 1 of 1 file.\n")


def test_undecodable_standard_input_is_never_printed_back_by_fix_or_format(folder):
    text = b"profile(contact).FILTER(x == '\xe9')\n"
    finding = ("-:1:31: E002 [error] standard input is not valid UTF-8 text: byte 0xe9 cannot be decoded\n"
               "   1 | profile(contact).FILTER(x == '\ufffd')\n"
               "                                     ^\n")
    fixed = run("check", "--fix", "-", stdin=text)
    assert (fixed.exit_code, fixed.stdout, fixed.stderr) == (1, finding + "Found 1 problem in 1 of 1 file.\n", "")
    formatted = run("format", "-", stdin=text)
    assert (formatted.exit_code, formatted.stdout, formatted.stderr) == (2, "", finding)


def test_format_prints_utf16_standard_input_back_in_utf16(folder):
    result = run("format", "-", stdin=b"\xfe\xff" + "PROFILE( contact )\n".encode("utf-16-be"))
    assert (result.exit_code, result.stdout_bytes) == (0, b"\xfe\xff" + "PROFILE(contact)\n".encode("utf-16-be"))


def test_standard_input_over_the_limit_is_refused(folder, monkeypatch):
    monkeypatch.setattr(files, "MAX_READ_BYTES", 8)
    result = run("parse", "-", stdin=b"PROFILE(contact)")
    assert result.exit_code == 1
    assert '"message": "standard input is larger than 8 bytes, the input limit: it is not read"' in result.stdout


# ---------------------------------------------------------------- other readers


def test_parse_reports_a_latin1_file(folder):
    Path("city.segq").write_bytes(LATIN1_CITY)
    result = run("parse", "--indent", "0", "city.segq")
    assert result.exit_code == 1
    assert result.stdout == (
        '{"path": "city.segq", "dialect": null, "dialect_reason": null, "ast": null, '
        '"diagnostics": [{"code": "E002", "severity": "error", '
        '"message": "the file is not valid UTF-8 text: byte 0xfc cannot be decoded", "range": '
        '{"start": {"line": 1, "column": 44, "offset": 43}, "end": {"line": 1, "column": 45, "offset": 44}}, '
        '"fix": null, "related": []}]}\n')


def test_deps_reports_a_latin1_json_file_and_reads_the_others(folder):
    Path("records.json").write_bytes(b'{"msdyncrm_segmentname": "caf\xe9", "msdyncrm_query": "PROFILE(contact)"}')
    Path("a.segq").write_bytes(b"PROFILE(contact)\n")
    result = run("deps", ".")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "records.json:1:30: E002 [error] the file is not valid UTF-8 text: byte 0xe9 cannot be decoded")
    assert result.stdout == "a\n"


def test_check_reports_a_latin1_request_file(folder):
    Path("body.json").write_bytes(b'{"msdyncrm_segmentname": "caf\xe9"}')
    result = run("check", "-q", "body.json")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1, "body.json:1:30: E002 [error] the file is not valid UTF-8 text: byte 0xe9 cannot be decoded")


# ---------------------------------------------------------------- FIFOs and devices


def segquery(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real command in its own process: a FIFO would block it, not the tests (the timeout is only
    a safety net; the assertions are on the output)."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "lsp")]))
    return subprocess.run([sys.executable, "-m", "segquery", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture
def with_fifo(tmp_path):
    (tmp_path / "a.segq").write_text("PROFILE(contact)\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.segq")
    os.mkfifo(tmp_path / "pipe.json")
    return tmp_path


FIFO_NOTE = "segquery: note: skipped pipe.segq: a FIFO (named pipe), not a regular file\n"
FIFO_ERROR = "pipe.segq:1:1: E003 [error] a FIFO (named pipe), not a regular file: it is not read"


def test_a_fifo_found_in_a_folder_is_skipped_with_a_note(with_fifo):
    (with_fifo / "b.segq").write_text("profile(contact)\n", encoding="utf-8")
    result = segquery("check", "--fix", "-q", ".", cwd=with_fifo)
    assert (result.returncode, result.stderr, result.stdout) == (0, FIFO_NOTE, "")
    assert (with_fifo / "b.segq").read_text(encoding="utf-8") == "PROFILE(contact)\n"


def test_a_fifo_found_by_format_is_skipped_with_a_note(with_fifo):
    result = segquery("format", ".", cwd=with_fifo)
    assert (result.returncode, result.stderr, result.stdout) == (0, FIFO_NOTE, "1 file left unchanged.\n")


def test_a_fifo_found_by_deps_is_skipped_with_a_note(with_fifo):
    result = segquery("deps", ".", cwd=with_fifo)
    assert (result.returncode, result.stdout) == (0, "a\n")
    assert result.stderr == ("segquery: note: skipped pipe.json: a FIFO (named pipe), not a regular file\n"
                             + FIFO_NOTE)


@pytest.mark.parametrize("command", [["check"], ["format"], ["deps"], ["parse"]], ids=lambda command: command[0])
def test_a_fifo_named_explicitly_is_an_error(with_fifo, command):
    result = segquery(*command, "pipe.segq", cwd=with_fifo)
    output = result.stdout if command[0] == "check" else result.stderr
    assert result.returncode == (2 if command[0] in ("format", "parse") else 1)
    if command[0] == "parse":
        assert output.splitlines()[-1] == ("Error: cannot read pipe.segq: a FIFO (named pipe), not a regular file: "
                                           "it is not read")
    else:
        assert output.splitlines()[0] == FIFO_ERROR


def test_dev_zero_named_explicitly_is_not_read(tmp_path):
    result = segquery("check", "-q", "/dev/zero", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        1, "/dev/zero:1:1: E003 [error] a character device, not a regular file: it is not read\n")


# ---------------------------------------------------------------- the rule pages


@pytest.mark.parametrize("code", ["E002", "E003", "E004"])
def test_the_documented_example_output_is_what_check_prints(folder, code):
    example = get_rule(code).example.splitlines()
    command = next(index for index, line in enumerate(example) if line.startswith("$ segquery check"))
    Path("city.segq").write_bytes(LATIN1_CITY)
    with open("noise.segq", "wb") as noise:
        noise.truncate(40_000_000)   # sparse: as large as the example's, without using the disk
    result = run(*example[command].split()[2:])
    assert result.stdout.splitlines() == example[command + 1:]
