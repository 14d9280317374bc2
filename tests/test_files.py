"""Reading and writing user files: strict decoding, bounded reads, atomic writes."""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import tempfile

import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from segquery import files
from segquery.files import UnreadableFile, WriteFailed, read_stdin, read_text, write_text
from segquery.paths import walk_paths

QUERY = "PROFILE(contact)\r\n"


def failure(path) -> tuple[str, str, str]:
    with pytest.raises(UnreadableFile) as caught:
        read_text(path)
    diagnostic = caught.value.diagnostic
    start, end = diagnostic.range.start, diagnostic.range.end
    return diagnostic.code, f"{start.line}:{start.column}-{end.line}:{end.column}", diagnostic.message


def write_failure(path, text: str, stored) -> str:
    with pytest.raises(WriteFailed) as caught:
        write_text(path, text, stored)
    return str(caught.value)


def only_file_in(folder) -> list[str]:
    return sorted(os.listdir(folder))


def assert_left_as_it_was(path, file, reason: str, *, text: str = "PROFILE(account)\r\n") -> None:
    """Writing `text` fails for `reason`: the file keeps its bytes and no temporary file is left beside it."""
    assert write_failure(path, text, file.stored) == f"{path}: cannot write the file: {reason}; it is left as it was"
    assert path.read_bytes() == QUERY.encode()
    assert only_file_in(path.parent) == ["q.segq"]


# ---------------------------------------------------------------- encodings


def test_utf8_without_a_mark_round_trips_with_its_line_endings(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes(b"profile(contact)\r\n.FILTER(x == 'Z\xc3\xbcrich')\n")
    file = read_text(path)
    assert file.text == "profile(contact)\r\n.FILTER(x == 'Z\u00fcrich')\n"
    write_text(path, file.text.replace("profile", "PROFILE"), file.stored)
    assert path.read_bytes() == b"PROFILE(contact)\r\n.FILTER(x == 'Z\xc3\xbcrich')\n"


@pytest.mark.parametrize(("codec", "mark"), [
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_a_byte_order_mark_picks_the_encoding_and_is_written_back(tmp_path, codec, mark):
    path = tmp_path / "q.segq"
    path.write_bytes(mark + "profile(contact) // Zürich 🙂\r\n".encode(codec))
    file = read_text(path)
    assert file.text == "profile(contact) // Zürich 🙂\r\n"
    write_text(path, "PROFILE(contact) // Zürich 🙂\r\n", file.stored)
    assert path.read_bytes() == mark + "PROFILE(contact) // Zürich 🙂\r\n".encode(codec)


def test_latin1_is_reported_at_the_first_undecodable_byte(tmp_path):
    path = tmp_path / "city.segq"
    path.write_bytes(b"PROFILE(contact)\n.FILTER(address1_city == 'Z\xfcrich')\n")
    assert failure(path) == ("E002", "2:28-2:29", "the file is not valid UTF-8 text: byte 0xfc cannot be decoded")


def test_columns_before_the_bad_byte_count_characters(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes("// é\n'ü".encode() + b"\xff")
    assert failure(path) == ("E002", "2:3-2:4", "the file is not valid UTF-8 text: byte 0xff cannot be decoded")


def test_utf16_without_a_mark_is_reported_at_its_first_nul_byte(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes("PROFILE(contact)".encode("utf-16-le"))
    assert failure(path) == ("E002", "1:2-1:3", "the file is not valid UTF-8 text: holds a NUL byte "
                                                "(UTF-16 and UTF-32 text needs a byte-order mark)")


def test_the_first_problem_is_reported_a_bad_byte_or_a_nul(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes(b"ab\xff\x00")
    assert failure(path)[1:] == ("1:3-1:4", "the file is not valid UTF-8 text: byte 0xff cannot be decoded")
    path.write_bytes(b"ab\x00\xff")
    assert failure(path)[1:] == ("1:3-1:4", "the file is not valid UTF-8 text: holds a NUL byte "
                                            "(UTF-16 and UTF-32 text needs a byte-order mark)")
    with pytest.raises(UnreadableFile) as caught:
        read_text(path)
    assert caught.value.source.text == "ab\u2400\ufffd"


def test_broken_utf16_after_its_mark_is_reported_in_that_encoding(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes(b"\xff\xfe" + "ab\n".encode("utf-16-le") + b"\x00\xd8" + "c".encode("utf-16-le"))
    assert failure(path) == ("E002", "2:1-2:2", "the file is not valid UTF-16 LE text: byte 0x00 cannot be decoded")


def test_the_diagnostic_source_shows_the_text_around_the_bad_byte(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes(b"a\xfcb")
    with pytest.raises(UnreadableFile) as caught:
        read_text(path)
    assert (caught.value.source.text, caught.value.source.path) == ("a\ufffdb", str(path))


MARKS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"])


@given(MARKS, st.binary(max_size=64) | st.text(max_size=32).map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_bytes_are_either_refused_or_decoded_exactly(mark, body):
    """What a writer would write back for unchanged text is byte for byte what was read."""
    data = mark + body
    try:
        file = files.decode(data, "q.segq")
    except UnreadableFile as error:
        assert error.diagnostic.code == "E002"
    else:
        assert file.stored.encoding.encode(file.text) == data
        assert "\ufffd" not in file.text or "\ufffd".encode(file.stored.encoding.codec) in data


# ---------------------------------------------------------------- what is read


def test_a_missing_file(tmp_path):
    assert failure(tmp_path / "missing.segq") == ("E001", "1:1-1:1",
                                                  "cannot read the file: No such file or directory")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.segq"
    os.mkfifo(fifo)
    assert failure(fifo) == ("E003", "1:1-1:1", "a FIFO (named pipe), not a regular file: it is not read")


@pytest.fixture
def unix_socket(tmp_path):
    """A listening socket at tmp_path/sock.segq."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(tmp_path / "sock.segq"))
    server.listen(1)
    yield tmp_path / "sock.segq"
    server.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_socket_is_refused_without_connecting(unix_socket):
    assert failure(unix_socket) == ("E003", "1:1-1:1", "a socket, not a regular file: it is not read")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_walk_skips_sockets_and_fifos_and_says_so(unix_socket):
    folder = unix_socket.parent
    os.mkfifo(folder / "pipe.segq")
    (folder / "a.segq").write_text("PROFILE(contact)\n", encoding="utf-8")
    skipped = []
    found = list(walk_paths([folder, folder / "pipe.segq"], (".segq",),
                            on_skipped=lambda path, kind: skipped.append((path.name, kind))))
    assert found == [(folder / "a.segq", False), (folder / "pipe.segq", True)]   # a named one: its reader says
    assert skipped == [("pipe.segq", "a FIFO (named pipe)"), ("sock.segq", "a socket")]


def test_a_device_is_refused_without_reading_it():
    assert failure("/dev/zero") == ("E003", "1:1-1:1", "a character device, not a regular file: it is not read")


def test_a_directory_is_refused(tmp_path):
    assert failure(tmp_path) == ("E003", "1:1-1:1", "a directory, not a regular file: it is not read")


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_READ_BYTES", 16)
    path = tmp_path / "q.segq"
    path.write_bytes(b"PROFILE(contact)")
    assert read_text(path).text == "PROFILE(contact)"
    path.write_bytes(b"PROFILE(contact) ")
    assert failure(path) == ("E004", "1:1-1:1", "the file is larger than 16 bytes, the input limit: it is not read")


class EndlessZeros(io.RawIOBase):
    """Standard input that never ends, counting what is taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = bytes(len(buffer))
        self.taken += len(buffer)
        return len(buffer)


def test_endless_standard_input_is_read_only_one_byte_past_the_limit(monkeypatch):
    monkeypatch.setattr(files, "MAX_READ_BYTES", 3 * 1024 * 1024 + 5)
    endless = EndlessZeros()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless, buffer_size=1)))
    with pytest.raises(UnreadableFile) as caught:
        read_stdin("q.segq")
    assert (caught.value.diagnostic.code, caught.value.diagnostic.message) == (
        "E004", "standard input is larger than 3,145,733 bytes, the input limit: it is not read")
    assert endless.taken == files.MAX_READ_BYTES + 1


def test_standard_input_is_decoded_strictly(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"PROFILE(\xe9)")))
    with pytest.raises(UnreadableFile) as caught:
        read_stdin(None)
    diagnostic = caught.value.diagnostic
    assert (diagnostic.code, diagnostic.range.start.column, diagnostic.message) == (
        "E002", 9, "standard input is not valid UTF-8 text: byte 0xe9 cannot be decoded")


# ---------------------------------------------------------------- writing


@pytest.fixture
def query_file(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes(QUERY.encode())
    return path, read_text(path)


def test_a_full_disk_at_fsync_leaves_the_file_and_no_temporary_file(query_file, monkeypatch):
    path, file = query_file

    def full(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert_left_as_it_was(path, file, "No space left on device")


def test_a_full_disk_in_the_middle_of_the_bytes_leaves_the_file(query_file, monkeypatch):
    path, file = query_file
    real_fdopen = os.fdopen

    class HalfWritten:
        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[:len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", lambda descriptor, mode: HalfWritten(real_fdopen(descriptor, mode)))
    assert_left_as_it_was(path, file, "No space left on device", text="PROFILE(account) // a longer text\r\n")


def test_a_read_only_file_system_is_a_message(query_file, monkeypatch):
    path, file = query_file

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert_left_as_it_was(path, file, "Read-only file system")


def test_a_failed_rename_removes_the_temporary_file(query_file, monkeypatch):
    path, file = query_file

    def denied(source, target):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "replace", denied)
    assert_left_as_it_was(path, file, "Permission denied")


def refuse_opening_for_writing(monkeypatch, error: OSError) -> None:
    """The system refuses to open any file for writing with `error`; reading still works."""
    real_open = os.open

    def opened(path, flags, *args):
        if flags & (os.O_WRONLY | os.O_RDWR):
            raise error
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", opened)


def test_a_file_the_writer_may_not_write_is_left_alone(query_file, monkeypatch):
    """The rename would replace a read-only file (only the folder's permission counts): the file's is asked."""
    path, file = query_file
    refuse_opening_for_writing(monkeypatch, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
    assert_left_as_it_was(path, file, "the file is read-only")


def test_a_read_only_file_system_is_named_as_such(query_file, monkeypatch):
    path, file = query_file
    refuse_opening_for_writing(monkeypatch, OSError(errno.EROFS, os.strerror(errno.EROFS)))
    assert_left_as_it_was(path, file, "Read-only file system")


def test_the_file_is_replaced_by_a_rename_not_written_in_place(query_file):
    """A reader holding the old file still sees all of its old text: nothing was truncated."""
    path, file = query_file
    with open(path, "rb") as old:
        write_text(path, "PROFILE(account)\r\n", file.stored)
        assert old.read() == QUERY.encode()
    assert path.read_bytes() == b"PROFILE(account)\r\n"
    assert only_file_in(path.parent) == ["q.segq"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="the superuser writes read-only files")
def test_a_read_only_file_is_left_alone(query_file):
    path, file = query_file
    path.chmod(0o444)
    assert write_failure(path, "PROFILE(account)\r\n", file.stored) == (
        f"{path}: cannot write the file: the file is read-only; it is left as it was")


def test_the_mode_is_kept(query_file):
    path, file = query_file
    path.chmod(0o640)
    write_text(path, "PROFILE(account)\r\n", file.stored)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == b"PROFILE(account)\r\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only the superuser gives files away")
def test_the_owner_is_kept(query_file):
    path, file = query_file
    os.chown(path, 4321, 4322)
    write_text(path, "PROFILE(account)\r\n", file.stored)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)


def test_a_symbolic_link_stays_a_link_and_its_target_is_written(tmp_path):
    target = tmp_path / "real" / "q.segq"
    target.parent.mkdir()
    target.write_bytes(QUERY.encode())
    link = tmp_path / "link.segq"
    link.symlink_to(target)
    file = read_text(link)
    write_text(link, "PROFILE(account)\r\n", file.stored)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"PROFILE(account)\r\n"
    assert only_file_in(target.parent) == ["q.segq"]


def test_a_file_changed_since_it_was_read_is_not_written(query_file):
    path, file = query_file
    path.write_bytes(b"PROFILE(lead)\n")
    assert write_failure(path, "PROFILE(account)\r\n", file.stored) == (
        f"{path}: changed on disk since it was read; not rewritten")
    assert path.read_bytes() == b"PROFILE(lead)\n"
    assert only_file_in(path.parent) == ["q.segq"]


def test_a_change_made_while_the_new_text_is_written_wins(query_file, monkeypatch):
    path, file = query_file
    real_fsync = os.fsync

    def edit_meanwhile(descriptor):
        real_fsync(descriptor)
        path.write_bytes(b"PROFILE(lead)\n")

    monkeypatch.setattr(os, "fsync", edit_meanwhile)
    assert write_failure(path, "PROFILE(account)\r\n", file.stored) == (
        f"{path}: changed on disk since it was read; not rewritten")
    assert path.read_bytes() == b"PROFILE(lead)\n"


def test_a_file_deleted_since_it_was_read_is_not_created_again(query_file):
    path, file = query_file
    path.unlink()
    assert write_failure(path, "PROFILE(account)\r\n", file.stored) == (
        f"{path}: deleted since it was read; not rewritten")
    assert only_file_in(path.parent) == []


def test_text_the_encoding_cannot_hold_is_not_written(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes(b"PROFILE(contact)\n")
    file = read_text(path)
    assert write_failure(path, "PROFILE(\ud800)\n", file.stored) == (
        f"{path}: the new text cannot be stored as UTF-8 (surrogates not allowed); not rewritten")
    assert path.read_bytes() == b"PROFILE(contact)\n"
