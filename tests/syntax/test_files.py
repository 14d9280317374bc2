"""Reading and writing query files keeps what the author stored."""

from click.testing import CliRunner

from segquery.cli import main
from segquery.syntax.parser import read_source_file, write_source_file


def test_a_byte_order_mark_survives_fix_and_format(tmp_path):
    path = tmp_path / "q.segq"
    path.write_bytes(b"\xef\xbb\xbfprofile(contact)\r\n")
    assert read_source_file(path) == "profile(contact)\r\n"
    CliRunner().invoke(main, ["check", "--fix", "--select", "L001", str(path)])
    assert path.read_bytes() == b"\xef\xbb\xbfPROFILE(contact)\r\n"
    path.write_bytes(b"\xef\xbb\xbfPROFILE( contact )\r\n")
    CliRunner().invoke(main, ["format", str(path)])
    assert path.read_bytes() == b"\xef\xbb\xbfPROFILE(contact)\r\n"


def test_a_new_file_is_written_without_a_byte_order_mark(tmp_path):
    path = tmp_path / "new.segq"
    write_source_file(path, "PROFILE(contact)\n")
    assert path.read_bytes() == b"PROFILE(contact)\n"
