"""Reading the files of a workspace into segments.

A `.segq` file holds one segment. Its name is the file stem unless a
`// segquery: name = X` directive says otherwise; `id`, `type`, `status` and
`profile` directives describe it further. A JSON file holds one segment
record, an array of records, or an OData collection (`{"value": [...]}` as
`GET .../msdyncrm_segments` returns it). Reading never raises: a file that
cannot be read, or JSON that cannot be read even leniently, gives one
positioned diagnostic and no segments.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Iterator, TypeGuard, TypeVar

from segquery.diagnostics import Applicability, Diagnostic, Fix, make_diagnostic
from segquery.directives import SEGMENT_DIRECTIVES, Directive, find_directives
from segquery.requests import codes as request_codes
from segquery.requests import options
from segquery.requests import schema as record_schema
from segquery.requests.jsonpos import read_json
from segquery.requests.jsonvalue import JsonArray, JsonNumber, JsonObject, JsonString, JsonValue
from segquery.requests.report import move_into_string
from segquery.source import SourceText, Span
from segquery.suggest import did_you_mean
from segquery.files import UnreadableFile, read_text
from segquery.workspace import codes
from segquery.workspace.model import Reference, Segment, SegmentStatus, SegmentType, query_name_from_id
from segquery.workspace.scan import FoundReference, scan_query
from segquery.paths import DEFAULT_RULES, JSON_SUFFIX, SkipNote, WalkRules, is_json_path, note_on_stderr, walk_paths

QUERY_SUFFIX = ".segq"

QUERY_NAME_COLUMN = "msdyncrm_segmentqueryname"
TARGET_PROFILE_COLUMN = "msdyncrm_segmenttargetprofiletypename"
QUERY_COLUMNS = (record_schema.QUERY, "msdyncrm_query")   # the column wins over its documented variant
# A JSON object is taken for a segment record when it has one of these keys.
RECORD_KEYS = frozenset({record_schema.NAME, record_schema.SEGMENT_ID, QUERY_NAME_COLUMN, record_schema.TYPE,
                         *QUERY_COLUMNS})
# The JSON reader's findings that mean it could not read the file; the others
# (comments, single quotes...) are tolerated here and reported by the request checker.
FATAL_JSON_CODES = frozenset({request_codes.JSON_SYNTAX, request_codes.TOO_DEEP})

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class FileEntry:
    """One file of the workspace: its text, its segments, and what went wrong reading it."""

    path: str
    source: SourceText
    segments: list[Segment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def discover(paths: Iterable[str | os.PathLike], *, rules: WalkRules = DEFAULT_RULES,
             on_skipped: SkipNote | None = note_on_stderr) -> Iterator[tuple[str, bool]]:
    """(path, named explicitly) for each file: files as given, `*.segq` and `*.json` below directories.

    Hidden directories are skipped, and so is what `rules` leave out (ignore
    files, exclude globs), and FIFOs, devices and sockets (`on_skipped` is
    told); the order is stable (sorted names, depth first).
    """
    for path, explicit in walk_paths(paths, (QUERY_SUFFIX, JSON_SUFFIX), rules, on_skipped=on_skipped):
        yield str(path), explicit


def load_file(path: str, text: str | None = None, *, explicit: bool = True) -> FileEntry:
    """Read one file (or take its text as given: an editor's, without a byte-order mark) into a FileEntry."""
    if text is None:
        try:
            text = read_text(path).text
        except UnreadableFile as error:
            return FileEntry(path, error.source, diagnostics=[error.diagnostic])
    elif text.startswith("\ufeff"):
        text = text[1:]
    source = SourceText(text, path)
    if is_json_path(path):
        return _load_json(path, source, explicit=explicit)
    return _load_query_file(path, source)


# ---------------------------------------------------------------- .segq files


def _load_query_file(path: str, source: SourceText) -> FileEntry:
    entry = FileEntry(path, source)
    scanned = scan_query(source.text)
    described = _read_directives(entry, find_directives(scanned.comments, source))
    stem = Path(path).stem
    name, definition = described.get("name", (stem, Span(0, 0)))
    name_source = "directive" if "name" in described else "stem"
    segment_id = described.get("id", (None, None))[0]
    derived = query_name_from_id(segment_id) if segment_id else None
    segment = Segment(
        path=path, source=source, index=0, name=name, handles=_unique(name, stem, derived),
        definition=definition, name_source=name_source, query_text=source.text, extent=Span(0, len(source.text)),
        references=tuple(Reference(found.name, found.name_span, found.call_span, found.call_span)
                         for found in scanned.references),
        segment_id=segment_id, query_name=derived,
        segment_type=described.get("type", (None, None))[0], status=described.get("status", (None, None))[0],
        target_profile=described.get("profile", (None, None))[0])
    entry.segments.append(segment)
    return entry


def _read_directives(entry: FileEntry, directives: list[Directive]) -> dict[str, tuple[Any, Span]]:
    """The segment directives' values with the span of each value; reports bad and repeated ones.
    A value's type depends on its directive: text, or a SegmentType or SegmentStatus member."""
    values: dict[str, tuple[Any, Span]] = {}
    first: dict[str, Directive] = {}
    for directive in directives:
        if directive.name not in SEGMENT_DIRECTIVES:
            continue
        span = _value_span(entry.source, directive)
        if directive.name in first:
            earlier = first[directive.name]
            entry.diagnostics.append(make_diagnostic(
                entry.source, codes.INVALID_DIRECTIVE,
                f"`{directive.name}` is given twice; the first one, on line {earlier.line}, counts",
                directive.span.start, directive.span.end))
            continue
        first[directive.name] = directive
        value = _directive_value(entry, directive, span)
        if value is not None:
            values[directive.name] = (value, span)
    return values


def _directive_value(entry: FileEntry, directive: Directive, span: Span) -> object | None:
    text = directive.value
    source = entry.source

    def report(message: str, fix: Fix | None = None) -> None:
        start, end = (span.start, span.end) if text else (directive.span.start, directive.span.end)
        entry.diagnostics.append(make_diagnostic(source, codes.INVALID_DIRECTIVE, message, start, end, fix=fix))

    if not directive.argument.startswith("="):
        report(f"write the `{directive.name}` directive as `// segquery: {directive.name} = value`")
        return None
    if not text:
        report(f"the `{directive.name}` directive has no value")
        return None
    if directive.name == "name":
        return text
    if directive.name == "profile":
        if not _IDENTIFIER.fullmatch(text):
            report(f"`{text}` is not a table name")
            return None
        return text
    if directive.name == "id":
        if not record_schema.GUID.fullmatch(record_schema.normalize_id(text)):
            report(f"`{text}` is not a GUID: {record_schema.guid_problem(record_schema.normalize_id(text))}")
            return None
        return text
    column, kind, labels = ((record_schema.TYPE, SegmentType, [t.label for t in SegmentType])
                            if directive.name == "type"
                            else (record_schema.STATUS, SegmentStatus, [s.label for s in SegmentStatus]))
    match = options.match_label(column, text)
    if match is not None and match.exact:
        return kind(match.value)
    suggestion = did_you_mean(text, labels)
    fix = (Fix.replace(f"Write `{suggestion}`", span.start, span.end, suggestion, Applicability.UNSAFE)
           if suggestion else None)
    report(f"`{text}` is not a segment {directive.name}: one of {', '.join(labels)}"
           + (f"; did you mean `{suggestion}`?" if suggestion else ""), fix)
    return None


def _value_span(source: SourceText, directive: Directive) -> Span:
    """Where the value of a `name = value` directive is written."""
    comment = source.text[directive.span.start:directive.span.end]
    equals = comment.find("=", comment.find("segquery:"))
    value = directive.value
    if equals == -1 or not value:
        return Span(directive.span.start, directive.span.end)
    start = comment.find(value, equals + 1)
    return Span(directive.span.start + start, directive.span.start + start + len(value))


# ---------------------------------------------------------------- JSON files


def _load_json(path: str, source: SourceText, *, explicit: bool) -> FileEntry:
    entry = FileEntry(path, source)
    document = read_json(source)
    if document.value is None:
        entry.diagnostics.extend(d for d in document.diagnostics if d.code in FATAL_JSON_CODES)
        return entry
    records = _records(document.value)
    if not records and explicit:
        start = document.value.span.start
        entry.diagnostics.append(make_diagnostic(
            source, codes.NO_SEGMENTS, "no segment records here: expected a record with `msdyncrm_segmentname`, "
            "an array of records, or an OData collection `{\"value\": [...]}`", start, start + 1))
    for index, record in enumerate(records):
        entry.segments.append(_segment_from_record(entry, record, index))
    return entry


def _records(value: JsonValue) -> list[JsonObject]:
    if isinstance(value, JsonObject):
        collection = value.get("value")
        if collection is not None and isinstance(collection.value, JsonArray) and not _is_record(value):
            return [item for item in collection.value.items if _is_record(item)]
        return [value] if _is_record(value) else []
    if isinstance(value, JsonArray):
        return [item for item in value.items if _is_record(item)]
    return []


def _is_record(value: JsonValue) -> TypeGuard[JsonObject]:
    return isinstance(value, JsonObject) and any(member.name in RECORD_KEYS for member in value.members)


def _string(record: JsonObject, column: str) -> JsonString | None:
    member = record.get(column)
    if member is None or not isinstance(member.value, JsonString) or not member.value.value.strip():
        return None
    return member.value


_Option = TypeVar("_Option", bound=Enum)

def _option(record: JsonObject, column: str, kind: type[_Option]) -> _Option | None:
    member = record.get(column)
    if member is None:
        return None
    value = member.value
    if isinstance(value, JsonNumber) and isinstance(value.value, int):
        try:
            return kind(value.value)
        except ValueError:
            return None
    if isinstance(value, JsonString):
        match = options.match_label(column, value.value)
        if match is not None and match.exact:
            return kind(match.value)
    return None


def _segment_from_record(entry: FileEntry, record: JsonObject, index: int) -> Segment:
    source = entry.source
    name = _string(record, record_schema.NAME)
    query_name = _string(record, QUERY_NAME_COLUMN)
    segment_id = _string(record, record_schema.SEGMENT_ID)
    if segment_id is not None and not record_schema.GUID.fullmatch(record_schema.normalize_id(segment_id.value)):
        segment_id = None
    derived = query_name_from_id(segment_id.value) if segment_id else None
    query = next((string for string in (_string(record, column) for column in QUERY_COLUMNS) if string), None)
    named_by = name or query_name or segment_id
    name_source = "record" if name else "query name" if query_name else "id" if segment_id else None
    if named_by is not None:
        definition = Span(named_by.content_start, named_by.content_end)
    else:
        definition = Span(record.span.start, record.span.start + 1)
        entry.diagnostics.append(make_diagnostic(
            source, codes.UNNAMED_RECORD, "this segment record has no `msdyncrm_segmentname`, "
            "`msdyncrm_segmentqueryname` or `msdyncrm_segmentid`: no segment can reference it",
            definition.start, definition.end))
    references: tuple[Reference, ...] = ()
    if query is not None:
        references = tuple(_reference(found, query.raw_span) for found in scan_query(query.value).references)
    target = _string(record, TARGET_PROFILE_COLUMN)
    display = name.value if name else (query_name.value if query_name else derived)
    return Segment(
        path=entry.path, source=source, index=index, name=display,
        handles=_unique(name.value if name else None, query_name.value if query_name else None, derived),
        definition=definition, name_source=name_source, query_text=query.value if query else None,
        extent=record.span,
        references=references,
        segment_id=segment_id.value if segment_id else None,
        query_name=query_name.value if query_name else derived,
        segment_type=_option(record, record_schema.TYPE, SegmentType),
        status=_option(record, record_schema.STATUS, SegmentStatus),
        target_profile=target.value.strip() if target else None,
        to_file=query.raw_span if query else (lambda start, end: Span(start, end)),
        move_diagnostic=(lambda diagnostic: move_into_string(diagnostic, query, source))
        if query else (lambda diagnostic: diagnostic))


# ---------------------------------------------------------------- helpers


def _reference(found: FoundReference, to_file) -> Reference:
    return Reference(found.name, to_file(found.name_span.start, found.name_span.end),
                     to_file(found.call_span.start, found.call_span.end), found.call_span)


def _unique(*names: str | None) -> tuple[str, ...]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return tuple(seen)
