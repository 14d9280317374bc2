"""Reading the files of a workspace into segments.

A `.segq` file holds one segment, written in the dialect its `dialect`
directive names, else in the configured one. Its name is the file stem unless a
`// segquery: name = X` directive says otherwise; `id`, `type`, `status` and
`profile` directives describe it further. A JSON file holds one segment
record, an array of records, or an OData collection (`{"value": [...]}` as
`GET .../msdyncrm_segments` returns it): outbound `msdyncrm_segment` records,
or real-time `msdynmkt_segmentdefinition` records, which hold the queries of
real-time segments (`msdynmkt_segment` records, which only link to a
definition, are not segments of their own). Reading never raises: a file that
cannot be read, or JSON that cannot be read even leniently, gives one
positioned diagnostic and no segments.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from enum import Enum
from typing import Any, Callable, Iterable, Iterator, TypeGuard, TypeVar, cast

from segquery.dialect_choice import choose_dialect
from segquery.diagnostics import Applicability, Diagnostic, Fix, make_diagnostic
from segquery.directives import SEGMENT_DIRECTIVES, Directive, find_directives
from segquery.fast_dataclass import dataclass
from segquery.lenient_json import codes as json_codes
from segquery.lenient_json.reader import read_json
from segquery.lenient_json.values import JsonArray, JsonNumber, JsonObject, JsonString, JsonValue
from segquery.requests import options
from segquery.requests import realtime_schema
from segquery.requests import schema as record_schema
from segquery.requests.report import move_into_string
from segquery.source import SourceText, Span
from segquery.suggest import did_you_mean
from segquery.files import UnreadableFile, read_text
from segquery.workspace import codes
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import REALTIME
from segquery.workspace.model import REALTIME_STATUSES, Reference, Segment, SegmentStatus, SegmentType, query_name_from_id
from segquery.workspace.scan import FoundReference, scan_query
from segquery.paths import DEFAULT_RULES, JSON_SUFFIX, SkipNote, WalkRules, is_json_path, note_on_stderr, walk_paths

QUERY_SUFFIX = ".segq"

QUERY_NAME_COLUMN = "msdyncrm_segmentqueryname"
TARGET_PROFILE_COLUMN = "msdyncrm_segmenttargetprofiletypename"
QUERY_COLUMNS = (record_schema.QUERY, "msdyncrm_query")   # the column wins over its documented variant
# A JSON object is taken for a segment record when it has one of these keys.
RECORD_KEYS = frozenset({record_schema.NAME, record_schema.SEGMENT_ID, QUERY_NAME_COLUMN, record_schema.TYPE,
                         *QUERY_COLUMNS})
# ... and for a real-time segment definition, one of these.
DEFINITION_KEYS = frozenset({realtime_schema.DEFINITION_ID, realtime_schema.QUERY, realtime_schema.STATIC_LIST,
                             *realtime_schema.MEMBER_LISTS})
# A real-time segment record links to its definition: it is read, but is no segment of its own.
LINK_KEYS = frozenset({realtime_schema.SOURCE_UID, realtime_schema.DISPLAY_NAME})
# The JSON reader's findings that mean it could not read the file; the others
# (comments, single quotes...) are tolerated here and reported by the request checker.
FATAL_JSON_CODES = frozenset({json_codes.JSON_SYNTAX, json_codes.TOO_DEEP})

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class FileEntry:
    """One file of the workspace: its text, its segments, and what went wrong reading it."""

    path: str
    source: SourceText
    segments: list[Segment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The definition ids real-time segment records of the file link to (`msdynmkt_sourcesegmentuid`).
    links: list[JsonString] = field(default_factory=list)


def discover(paths: Iterable[str | os.PathLike], *, rules: WalkRules = DEFAULT_RULES,
             on_skipped: SkipNote | None = note_on_stderr) -> Iterator[tuple[str, bool]]:
    """(path, named explicitly) for each file: files as given, `*.segq` and `*.json` below directories.

    Hidden directories are skipped, and so is what `rules` leave out (ignore
    files, exclude globs), and FIFOs, devices and sockets (`on_skipped` is
    told); the order is stable (sorted names, depth first).
    """
    for path, explicit in walk_paths(paths, (QUERY_SUFFIX, JSON_SUFFIX), rules, on_skipped=on_skipped):
        yield str(path), explicit


def load_file(path: str, text: str | None = None, *, explicit: bool = True,
              dialect_setting: str | None = None) -> FileEntry:
    """Read one file (or take its text as given: an editor's, without a byte-order mark) into a FileEntry.

    `dialect_setting` is the configured dialect of a `.segq` file (a
    dialect's name, `auto`, or None for the default); its `dialect` directive
    wins. A JSON record's fields name its dialect.
    """
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
    return _load_query_file(path, source, dialect_setting)


# ---------------------------------------------------------------- .segq files


def _load_query_file(path: str, source: SourceText, setting: str | None) -> FileEntry:
    entry = FileEntry(path, source)
    scanned = scan_query(source.text)
    directives = find_directives(scanned.comments, source)
    written = next((directive.value for directive in directives if directive.name == "dialect"), None)
    dialect = choose_dialect(source.text, setting, directive=written).dialect
    described = _read_directives(entry, directives, dialect)
    stem = _stem(path)
    name, definition = described.get("name", (stem, Span(0, 0)))
    name_source = "directive" if "name" in described else "stem"
    segment_id = described.get("id", (None, None))[0]
    derived = query_name_from_id(segment_id, dialect) if segment_id else None
    segment = Segment(
        path=path, source=source, index=0, name=name, handles=_unique(name, stem, derived),
        definition=definition, name_source=name_source, query_text=source.text, extent=Span(0, len(source.text)),
        references=tuple(Reference(found.name, found.name_span, found.call_span, found.call_span)
                         for found in scanned.references),
        segment_id=segment_id, query_name=derived,
        segment_type=described.get("type", (None, None))[0], status=described.get("status", (None, None))[0],
        target_profile=described.get("profile", (None, None))[0], dialect=dialect)
    entry.segments.append(segment)
    return entry


def _read_directives(entry: FileEntry, directives: list[Directive], dialect: Dialect) -> dict[str, tuple[Any, Span]]:
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
        value = _directive_value(entry, directive, span, dialect)
        if value is not None:
            values[directive.name] = (value, span)
    return values


def _directive_value(entry: FileEntry, directive: Directive, span: Span, dialect: Dialect) -> object | None:
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
    if directive.name == "status" and dialect is REALTIME:
        return _realtime_status(text, report)
    column, kind, labels = ((record_schema.TYPE, SegmentType, [t.label for t in SegmentType])
                            if directive.name == "type"
                            else (record_schema.STATUS, SegmentStatus,
                                  [s.label for s in SegmentStatus if s is not SegmentStatus.DELETED]))
    match = options.match_label(column, text)
    if match is not None and match.exact:
        return kind(match.value)
    suggestion = did_you_mean(text, labels)
    fix = (Fix.replace(f"Write `{suggestion}`", span.start, span.end, suggestion, Applicability.UNSAFE)
           if suggestion else None)
    report(f"`{text}` is not a segment {directive.name}: one of {', '.join(labels)}"
           + (f"; did you mean `{suggestion}`?" if suggestion else ""), fix)
    return None


def _realtime_status(text: str, report: Callable[[str], None]) -> SegmentStatus | None:
    """A status of a real-time segment definition: draft, live, going live or deleted."""
    option_sets = realtime_schema.DEFINITION.option_sets
    match = options.match_label(realtime_schema.STATUS, text, option_sets)
    if match is not None and match.exact:
        return REALTIME_STATUSES[match.value]
    labels = [label.lower() for label in option_sets[realtime_schema.STATUS].values()]
    suggestion = did_you_mean(text, labels)
    report(f"`{text}` is not a status of a real-time segment definition: one of {', '.join(labels)}"
           + (f"; did you mean `{suggestion}`?" if suggestion else ""))
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
    links = [record for record in records if _is_link(record)]
    records = [record for record in records if not _is_link(record)]
    if not records and not links and explicit:
        start = document.value.span.start
        entry.diagnostics.append(make_diagnostic(
            source, codes.NO_SEGMENTS, "no segment records here: expected a record with `msdyncrm_segmentname`, "
            "an array of records, or an OData collection `{\"value\": [...]}`", start, start + 1))
    linked = _links_by_definition(links)
    entry.links = [uid for uid in (_string(record, realtime_schema.SOURCE_UID) for record in links)
                   if uid is not None and record_schema.GUID.fullmatch(record_schema.normalize_id(uid.value))]
    for index, record in enumerate(records):
        if _is_definition(record):
            entry.segments.append(_segment_from_definition(entry, record, index, linked))
        else:
            entry.segments.append(_segment_from_record(entry, record, index))
    return entry


def _is_definition(record: JsonObject) -> bool:
    """A real-time segment definition: one of its keys, and no outbound key."""
    keys = record.keys()
    return (any(name in DEFINITION_KEYS for name in keys)
            and not any(realtime_schema.is_outbound_key(name) for name in keys))


def _is_link(record: JsonObject) -> bool:
    """A real-time segment record, which links to its definition."""
    keys = record.keys()
    return any(name in LINK_KEYS for name in keys) and not any(name in DEFINITION_KEYS for name in keys)


def _links_by_definition(links: list[JsonObject]) -> dict[str, JsonObject]:
    """The real-time segment records of a file by the normalized id of the definition they link to."""
    found: dict[str, JsonObject] = {}
    for record in links:
        target = _string(record, realtime_schema.SOURCE_UID)
        if target is not None:
            found.setdefault(record_schema.normalize_id(target.value), record)
    return found


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
    return isinstance(value, JsonObject) and any(member.name in RECORD_KEYS or member.name in DEFINITION_KEYS
                                                 or member.name in LINK_KEYS for member in value.members)


def _string(record: JsonObject, column: str) -> JsonString | None:
    member = record.get(column)
    if member is None or not isinstance(member.value, JsonString) or not member.value.value.strip():
        return None
    return member.value


_Option = TypeVar("_Option", bound=Enum)

def _option(record: JsonObject, column: str, kind: type[_Option], dialect: Dialect = OUTBOUND) -> _Option | None:
    """The workspace's value of a choice column of a record: a type or a status."""
    member = record.get(column)
    if member is None:
        return None
    value = member.value
    number: int | None = None
    if isinstance(value, JsonNumber) and isinstance(value.value, int):
        number = value.value
    elif isinstance(value, JsonString):
        option_sets = (realtime_schema.DEFINITION.option_sets if column == realtime_schema.STATUS
                       else realtime_schema.SEGMENT.option_sets) if dialect is REALTIME else record_schema.OPTION_SETS
        match = options.match_label(column, value.value, option_sets)
        number = match.value if match is not None and match.exact else None
    if number is None:
        return None
    if dialect is REALTIME:
        converted = _REALTIME_OPTIONS.get(kind, {}).get(number)
        return cast(_Option, converted)
    try:
        return kind(number)
    except ValueError:
        return None


# The workspace's values of the real-time choice columns.
_REALTIME_OPTIONS: dict[type, dict[int, Enum]] = {
    SegmentStatus: dict(REALTIME_STATUSES),
    SegmentType: {realtime_schema.STATIC: SegmentType.STATIC, realtime_schema.DYNAMIC: SegmentType.DYNAMIC},
}


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


def _segment_from_definition(entry: FileEntry, record: JsonObject, index: int,
                             linked: dict[str, JsonObject]) -> Segment:
    """A real-time segment from its definition record; the segment record of the same file that links
    to it gives its display name, type and base table."""
    source = entry.source
    segment_id = _string(record, realtime_schema.DEFINITION_ID)
    if segment_id is not None and not record_schema.GUID.fullmatch(record_schema.normalize_id(segment_id.value)):
        segment_id = None
    derived = query_name_from_id(segment_id.value, REALTIME) if segment_id else None
    link = linked.get(record_schema.normalize_id(segment_id.value)) if segment_id else None
    display = _string(link, realtime_schema.DISPLAY_NAME) if link is not None else None
    query = _string(record, realtime_schema.QUERY)
    if segment_id is not None:
        definition = Span(segment_id.content_start, segment_id.content_end)
    else:
        definition = Span(record.span.start, record.span.start + 1)
        entry.diagnostics.append(make_diagnostic(
            source, codes.UNNAMED_RECORD, f"this segment definition has no `{realtime_schema.DEFINITION_ID}`: "
            "no segment can reference it", definition.start, definition.end))
    references = (tuple(_reference(found, query.raw_span) for found in scan_query(query.value).references)
                  if query is not None else ())
    status = _option(record, realtime_schema.STATUS, SegmentStatus, REALTIME)
    kind = _option(link, realtime_schema.TYPE, SegmentType, REALTIME) if link is not None else None
    if kind is None and query is None:
        kind = SegmentType.STATIC
    base = _string(link, realtime_schema.BASE_TABLE) if link is not None else None
    return Segment(
        path=entry.path, source=source, index=index, name=display.value if display else derived,
        handles=_unique(display.value if display else None, derived), definition=definition,
        name_source=("record" if display else "id") if segment_id else None,
        query_text=query.value if query else None, extent=record.span, references=references,
        segment_id=segment_id.value if segment_id else None, query_name=derived, segment_type=kind,
        status=status, target_profile=base.value.strip() if base else None,
        to_file=query.raw_span if query else (lambda start, end: Span(start, end)),
        move_diagnostic=(lambda diagnostic: move_into_string(diagnostic, query, source))
        if query else (lambda diagnostic: diagnostic), dialect=REALTIME)


# ---------------------------------------------------------------- helpers


def _reference(found: FoundReference, to_file) -> Reference:
    return Reference(found.name, to_file(found.name_span.start, found.name_span.end),
                     to_file(found.call_span.start, found.call_span.end), found.call_span)


def _stem(path: str) -> str:
    """The file's name without its suffix, as `Path(path).stem` gives it, without making a `Path`
    (a workspace reads thousands of files)."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _unique(*names: str | None) -> tuple[str, ...]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return tuple(seen)
