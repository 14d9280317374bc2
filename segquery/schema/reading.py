"""Turn "a path or the text itself" into text, with SchemaError for I/O faults."""

from __future__ import annotations

import os
from typing import TypeGuard

from segquery.files import UnreadableFile, decode as decode_text, read_bytes as read_regular_file
from segquery.schema.errors import SchemaError

PathOrText = str | bytes | os.PathLike


def is_inline(value: PathOrText, first_chars: str) -> TypeGuard[str | bytes]:
    """True when `value` is the document itself rather than a file name.

    A string counts as a document when its first non-blank character opens
    one (`{` for JSON, `<` for XML): no file name starts that way in practice.
    """
    if isinstance(value, os.PathLike):
        return False
    if isinstance(value, bytes):
        head = value.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1].decode("latin-1")
    else:
        head = value.lstrip("\ufeff \t\r\n")[:1]
    return head != "" and head in first_chars


def read_bytes(path: str | bytes | os.PathLike) -> bytes:
    """The file's bytes (a regular file's, read as every command reads files, without the input
    limit: a service's `$metadata` may be larger), or SchemaError naming the file and the reason."""
    try:
        return read_regular_file(path, bounded=False)
    except UnreadableFile as error:
        raise SchemaError(f"cannot read the schema file: {error.reason}", source=os.fsdecode(path)) from None


def decode(data: bytes, source: str | None) -> str:
    """The text, decoded as every command decodes files (UTF-8, or what a byte-order mark
    names), or SchemaError at the first byte that is not text."""
    try:
        return decode_text(data, source).text
    except UnreadableFile as error:
        line, column = error.position or (None, None)
        raise SchemaError(error.diagnostic.message, source=source, line=line, column=column) from None


def source_name(value: PathOrText) -> str:
    return os.fsdecode(value) if not isinstance(value, str) else value
