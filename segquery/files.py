"""Reading and writing the user's files without ever losing a byte.

Every command reads through `read_text` / `read_stdin` and writes through
`write_text`. Reading accepts only regular files, reads at most the input
limit, and decodes strictly: UTF-8 (with or without a byte-order mark), or
UTF-16/UTF-32 when a byte-order mark says so. Anything else is a positioned
diagnostic, never text with replacement characters. Writing encodes the text
back exactly as the file was stored, through a temporary file in the same
folder and an atomic rename, and only when the file still holds what was read.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
import sys
from typing import BinaryIO

from segquery.diagnostics import Diagnostic, make_diagnostic
from segquery.fast_dataclass import dataclass
from segquery.source import SourceText
from segquery.syntax import codes

# The parser's input limit (S010), applied to bytes before decoding.
MAX_READ_BYTES = 32 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Encoding:
    """How a file's text is stored: the codec and the byte-order mark in front of it."""

    codec: str        # a Python codec without BOM handling: utf-8, utf-16-le, ...
    bom: bytes = b""

    @property
    def label(self) -> str:
        return self.codec.upper().replace("-LE", " LE").replace("-BE", " BE")

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


UTF8 = Encoding("utf-8")
# The longest mark first: UTF-32 LE's mark starts with UTF-16 LE's.
_BOMS = (Encoding("utf-32-le", codecs.BOM_UTF32_LE), Encoding("utf-32-be", codecs.BOM_UTF32_BE),
         Encoding("utf-8", codecs.BOM_UTF8), Encoding("utf-16-le", codecs.BOM_UTF16_LE),
         Encoding("utf-16-be", codecs.BOM_UTF16_BE))


@dataclass(frozen=True)
class Stored:
    """What writing a file back needs to know about how it was read."""

    encoding: Encoding
    digest: bytes     # of the bytes read, to notice a change made on disk since


@dataclass(frozen=True)
class TextFile:
    """A file's text (without its byte-order mark) and how it was stored."""

    path: str | None   # None for standard input
    text: str
    stored: Stored


class UnreadableFile(Exception):
    """A file whose text cannot be had; `diagnostic` says why and where, `reason` says why in a
    few words (for readers that report it their own way: configuration, schemas)."""

    def __init__(self, diagnostic: Diagnostic, source: SourceText, reason: str) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
        self.source = source
        self.reason = reason

    @property
    def position(self) -> tuple[int, int] | None:
        """(line, column) of the first byte that is not text (E002); None when the whole file failed."""
        if self.diagnostic.code != codes.UNDECODABLE_TEXT:
            return None
        start = self.diagnostic.range.start
        return start.line, start.column


class WriteFailed(Exception):
    """A file that was not rewritten; the message says why, and the file is as it was."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# ---------------------------------------------------------------- reading


def read_text(path: str | os.PathLike) -> TextFile:
    """The text of a regular file, or UnreadableFile (E001-E004) with a positioned diagnostic."""
    return decode(read_bytes(path), os.fsdecode(path))


def read_bytes(path: str | bytes | os.PathLike, *, bounded: bool = True) -> bytes:
    """The bytes of a regular file, at most the input limit unless not `bounded` (a schema may be
    larger than any query); UnreadableFile (E001, E003, E004) otherwise.

    The file is opened without blocking and checked to be a regular file
    before anything is read, so a FIFO or a device never hangs the reader.
    """
    name = os.fsdecode(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as error:    # ValueError: a NUL character in the name
        kind = special_kind(path)             # a socket cannot be opened at all
        raise (_not_regular(name, kind) if kind else _unreadable(name, error)) from None
    try:
        kind = _special_kind(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise _not_regular(name, kind)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return _read_bounded(handle, name, "the file") if bounded else handle.read()
    except OSError as error:
        raise _unreadable(name, error) from None
    finally:
        os.close(descriptor)


def read_stdin(path: str | None = None) -> TextFile:
    """Standard input's text, read and decoded by the rules files follow.
    `path` names it in diagnostics (`--stdin-filename`)."""
    try:
        data = _read_bounded(sys.stdin.buffer, path, "standard input")
    except OSError as error:
        raise _failure(path, codes.UNREADABLE_FILE, f"cannot read standard input: {_reason(error)}",
                       reason=_reason(error)) from None
    return decode(data, path, what="standard input")


def decode(data: bytes, path: str | None, *, what: str = "the file") -> TextFile:
    """Strict decoding: UTF-8, or what a byte-order mark names. A NUL byte means the bytes are not
    text of any of these (UTF-16 or UTF-32 without a mark looks so)."""
    encoding = next((candidate for candidate in _BOMS if data.startswith(candidate.bom)), UTF8)
    body = data[len(encoding.bom):]
    problems = []
    try:
        text = body.decode(encoding.codec)
    except UnicodeDecodeError as error:
        problems.append((error.start, f"byte 0x{body[error.start]:02x} cannot be decoded"))
    if encoding.codec == "utf-8" and b"\0" in body:
        problems.append((body.index(b"\0"), "holds a NUL byte (UTF-16 and UTF-32 text needs a byte-order mark)"))
    if problems:
        start, detail = min(problems)
        # Shown around the finding: what cannot be decoded as U+FFFD, NUL as a visible symbol.
        readable = body.decode(encoding.codec, errors="replace").replace("\0", "\u2400")
        offset = len(body[:start].decode(encoding.codec, errors="replace"))
        raise _failure(path, codes.UNDECODABLE_TEXT, f"{what} is not valid {encoding.label} text: {detail}",
                       readable, offset, offset + 1)
    return TextFile(path, text, Stored(encoding, hashlib.sha256(data).digest()))


def _read_bounded(handle: BinaryIO, path: str | None, what: str) -> bytes:
    """At most the input limit; one byte more means the input is too large (nothing is decoded)."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_READ_BYTES:
        chunk = handle.read(min(_CHUNK, MAX_READ_BYTES + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise _failure(path, codes.FILE_TOO_LARGE,
                   f"{what} is larger than {MAX_READ_BYTES:,} bytes, the input limit: it is not read")


def _special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "a special file"


def special_kind(path: str | bytes | os.PathLike) -> str | None:
    """What `path` is when it is not a regular file ("a FIFO (named pipe)"...); None for a regular
    file or one that cannot be looked at (reading it reports why)."""
    try:
        return _special_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def _failure(path: str | None, code: str, message: str, text: str = "", start: int = 0, end: int = 0, *,
             reason: str | None = None) -> UnreadableFile:
    source = SourceText(text, path)
    return UnreadableFile(make_diagnostic(source, code, message, start, end), source, reason or message)


def _not_regular(path: str, kind: str) -> UnreadableFile:
    return _failure(path, codes.NOT_A_REGULAR_FILE, f"{kind}, not a regular file: it is not read")


def _unreadable(path: str, error: BaseException) -> UnreadableFile:
    return _failure(path, codes.UNREADABLE_FILE, f"cannot read the file: {_reason(error)}", reason=_reason(error))


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


# ---------------------------------------------------------------- writing


def write_text(path: str | os.PathLike, text: str, stored: Stored) -> None:
    """Replace the text of a file read with `read_text`, stored as it was read.

    The bytes go to a temporary file in the same folder, which is flushed to
    disk, given the file's mode and owner, and renamed over the file (over the
    target of a symbolic link, which stays a link) only if the file still
    holds the bytes that were read. On any failure the file is left as it was,
    the temporary file is removed, and WriteFailed says why.
    """
    name = os.fsdecode(path)
    target = os.path.realpath(path)
    try:
        data = stored.encoding.encode(text)
    except UnicodeEncodeError as error:
        raise WriteFailed(name, f"the new text cannot be stored as {stored.encoding.label} "
                                f"({error.reason}); not rewritten") from None
    temporary = None
    try:
        status = os.stat(target)
        _check_writable(target)
        directory, base = os.path.split(target)
        import tempfile  # only a command that writes files needs it (start-up time)

        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{base}.", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode_and_owner(temporary, status)
        if not _holds(target, stored.digest):
            raise WriteFailed(name, "changed on disk since it was read; not rewritten")
        os.replace(temporary, target)
        temporary = None
        _sync_directory(directory)
    except FileNotFoundError:
        raise WriteFailed(name, "deleted since it was read; not rewritten") from None
    except OSError as error:
        raise WriteFailed(name, f"cannot write the file: {_reason(error)}; it is left as it was") from None
    finally:
        if temporary is not None:
            _remove_quietly(temporary)


def _check_writable(path: str) -> None:
    """The OSError writing the file in place would meet (a read-only file, file system...).

    The rename needs only the folder's permission, so it would replace a file
    its owner made read-only: the file itself is opened for writing (and
    closed, nothing written) to ask the system first.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise PermissionError(errno.EACCES, "the file is read-only") from None
    os.close(descriptor)


def _holds(path: str, digest: bytes) -> bool:
    """True when the file still holds the bytes whose digest is given."""
    try:
        with open(path, "rb") as handle:
            current = hashlib.sha256()
            for chunk in iter(lambda: handle.read(_CHUNK), b""):
                current.update(chunk)
    except FileNotFoundError:
        return False
    return current.digest() == digest


def _copy_mode_and_owner(path: str, status: os.stat_result) -> None:
    os.chmod(path, stat.S_IMODE(status.st_mode))
    if hasattr(os, "chown") and (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.chown(path, status.st_uid, status.st_gid)
        except PermissionError:
            pass   # only the superuser may give a file away; the new file is then the writer's


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened, the rename stands."""
    try:
        descriptor = os.open(directory or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
