"""A created segment's new id, written back into the file it came from.

Once the org has a segment that `plan` matched by name alone, its file is
given the org's id (the `id` directive of a `.segq` file, the id column of a
JSON record), so that the next plan matches it by id. The file is rewritten
through `segquery.files` (atomically, stored as it was read), and only if it
still holds the bytes the plan was made from: an edit made since is never
overwritten; the id is reported instead, for the user to add.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from segquery.files import UnreadableFile, WriteFailed, read_bytes, read_text, write_text
from segquery.lenient_json.reader import read_json
from segquery.lenient_json.values import JsonLiteral, JsonObject, JsonString, JsonValue
from segquery.org.segment_files import header_lines
from segquery.source import Span

SEGQ_ID_DIRECTIVE = "// segquery: id = {id}"


@dataclass(frozen=True)
class IdWrite:
    """Where the id of a segment that a step creates goes: `path` as it was when planned (`sha256` of its
    bytes); `key` is the id column of a JSON record (None for a `.segq` file), `record` which of the
    file's segment records it is (counted as the workspace counts them)."""

    path: str
    sha256: str
    id: str
    key: str | None = None
    record: int = 0


class IdNotWritten(Exception):
    """Why an id was not written; the file is as it was."""


def file_digest(path: str) -> str:
    """The sha256 of a file's bytes, as hexadecimal digits ("" when it cannot be read)."""
    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except UnreadableFile:
        return ""


def write_id(write: IdWrite, expected_sha256: str) -> str:
    """Write the id into the file if it still has `expected_sha256`; the digest of the new bytes.
    IdNotWritten says why not."""
    try:
        current = read_text(write.path)
    except UnreadableFile as error:
        raise IdNotWritten(error.reason) from None
    if current.stored.digest.hex() != expected_sha256:
        raise IdNotWritten("it changed since the plan was made; it is left as it is")
    text = with_id(current.text, write)
    try:
        write_text(write.path, text, current.stored)
    except WriteFailed as error:
        raise IdNotWritten(error.reason) from None
    return hashlib.sha256(current.stored.encoding.encode(text)).hexdigest()


def with_id(text: str, write: IdWrite) -> str:
    """The file's text with the id added; everything else exactly as written."""
    if write.key is None:
        return segq_with_id(text, write.id)
    return json_with_id(text, write.key, write.id, record_extent(write.path, text, write.record))


def segq_with_id(text: str, segment_id: str) -> str:
    """An `id` directive after the file's leading `name` directive (else first), with the file's line break."""
    line_break = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    offset = next((end for name, _, end in header_lines(text) if name == "name"), 0)
    if offset and not text[:offset].endswith(("\n", "\r")):
        text += line_break       # the name directive is the last line, without a break
        offset += len(line_break)
    return text[:offset] + SEGQ_ID_DIRECTIVE.format(id=segment_id) + line_break + text[offset:]


def record_extent(path: str, text: str, index: int) -> Span:
    """Where the `index`-th segment record of a JSON file's text is written."""
    from segquery.workspace import Workspace

    extents = [segment.extent for segment in Workspace.from_texts({path: text}).segments_in(path)
               if segment.index == index]
    if not extents:
        raise IdNotWritten("the segment's record is no longer in the file")
    return extents[0]


def json_with_id(text: str, key: str, segment_id: str, extent: Span) -> str:
    """The record written at `extent` with `"key": "id"` as its first member (or its empty id filled in)."""
    record = read_json(text, start=extent.start, end=extent.end).value
    if not isinstance(record, JsonObject):
        raise IdNotWritten("the segment's record is no longer in the file")
    value = json.dumps(segment_id)
    existing = record.get(key)
    if existing is not None:
        if not _is_empty(existing.value):
            raise IdNotWritten(f"the record already has an id in `{key}`")
        span = existing.value.span
        return text[:span.start] + value + text[span.end:]
    member = f"{json.dumps(key)}: {value}"
    first = record.members[0].key.span.start
    gap = text[record.span.start + 1:first]
    return text[:first] + member + "," + (gap if gap.strip() == "" and gap else " ") + text[first:]


def _is_empty(value: JsonValue) -> bool:
    """An id column left empty: `""` or `null`."""
    return (isinstance(value, JsonString) and not value.value.strip()) or (
        isinstance(value, JsonLiteral) and value.value is None)
