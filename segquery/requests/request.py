"""Checking a whole request (method, URL, body) and a single segment record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Mapping

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.lenient_json.reader import JsonDocument, read_json
from segquery.lenient_json.values import JsonArray, JsonLiteral, JsonNumber, JsonObject, JsonString, JsonValue
from segquery.requests import codes, options, schema
from segquery.requests import realtime_schema as rt
from segquery.requests.endpoints import Endpoint, parse_endpoint
from segquery.requests.messages import check_member_message
from segquery.requests.query_check import QueryChecker, QueryCheckers
from segquery.requests.realtime_actions import check_action
from segquery.requests.realtime_record import check_realtime_record
from segquery.requests.record import OPERATIONS, Operation, check_record, unknown_key
from segquery.requests.report import Report
from segquery.source import SourceText, Span

KnownSegments = Mapping[str, tuple]


@dataclass(frozen=True)
class RequestLine:
    """Where the parts of a request sit in a file (offsets into the report's source)."""

    method_span: Span
    url_start: int


def validate_request(method: str, path: str, body: str | JsonDocument | JsonValue | dict | list | None = None, *,
                     source: str | SourceText | None = None, known_segments: KnownSegments | None = None,
                     query_checker: QueryChecker | None = None) -> list[Diagnostic]:
    """Check an HTTP request to the segment API.

    `path` is the URL or its path (`.../api/data/v9.0/msdyncrm_segments(<id>)`,
    `.../msdynmkt_segmentdefinitions`).
    `body` is JSON text, an already read document, a value of one (then
    `source` is the text it was read from), or plain Python data (then
    positions refer to its `json.dumps(indent=2)` rendering). Findings about
    the URL have no place in the body and sit at offset 0. `known_segments`
    maps segment ids to (type, status), as numbers or labels.
    """
    document = as_document(body, source)
    report = Report(document.source if document is not None else SourceText(""))
    check_request(report, method, path, document, line=None, known=options.known_table(known_segments),
                  checkers=QueryCheckers.using(query_checker))
    return sorted_diagnostics(report.diagnostics)


def validate_segment(record: str | JsonDocument | JsonValue | dict, *, operation: Operation = "create",
                     source: str | SourceText | None = None, segment_id: str | None = None,
                     known_segments: KnownSegments | None = None,
                     query_checker: QueryChecker | None = None) -> list[Diagnostic]:
    """Check one segment record, including the diagnostics of reading it.

    A record whose fields are all real-time journeys ones (`msdynmkt_*`) is
    checked as a `msdynmkt_segmentdefinition` or `msdynmkt_segment` record,
    whichever its fields describe; any other as a `msdyncrm_segment` record.

    `operation` is what the record is for: "create", "update" (then
    `segment_id` finds its current state in `known_segments`), "validate" (a
    definition sent to msdyncrm_ValidateSegment) or "read" (a record returned
    by the service). A value taken from a read document (say, one record of a
    collection) needs the `source` it was read from, for its positions.
    """
    if operation not in OPERATIONS:
        raise ValueError(f"operation must be one of {', '.join(OPERATIONS)}, not {operation!r}")
    document = as_document(record, source)
    assert document is not None  # only a missing body reads as no document
    report = Report(document.source)
    report.extend(document.diagnostics)
    if document.value is not None:
        known = options.known_table(known_segments).get(schema.normalize_id(segment_id or ""))
        check_any_record(report, document.value, operation=operation, known=known,
                         checkers=QueryCheckers.using(query_checker))
    return sorted_diagnostics(report.diagnostics)


def realtime_table_of(value: JsonValue) -> str | None:
    """The real-time entity set a body is a record of, by its fields: None when it is not a real-time
    record (not an object, or any `msdyncrm_` field in it)."""
    if not isinstance(value, JsonObject) or any(rt.is_outbound_key(name) for name in value.keys()):
        return None
    return rt.entity_set_for(value.keys())


def check_any_record(report: Report, value: JsonValue, *, operation: Operation,
                     known: options.KnownSegment | None, checkers: QueryCheckers) -> None:
    """A record of whichever table its fields describe."""
    entity_set = realtime_table_of(value)
    if entity_set is not None:
        check_realtime_record(report, value, entity_set=entity_set, operation=operation,
                              query_checker=checkers.realtime)
    else:
        check_record(report, value, operation=operation, known=known, query_checker=checkers.outbound)


def as_document(body: str | JsonDocument | JsonValue | dict | list | None,
                source: str | SourceText | None = None) -> JsonDocument | None:
    """Read a body given as text, or render plain data so that it has positions."""
    if body is None or isinstance(body, JsonDocument):
        return body
    if isinstance(body, (JsonObject, JsonArray, JsonString, JsonNumber, JsonLiteral)):
        if source is None:
            raise TypeError("a positioned JSON value needs the `source` it was read from")
        text = source if isinstance(source, SourceText) else SourceText(source)
        return JsonDocument(text, body, (), body.span)
    if isinstance(body, str):
        return read_json(body)
    return read_json(json.dumps(body, indent=2, ensure_ascii=False))


def check_request(report: Report, method: str, url: str, document: JsonDocument | None, *,
                  line: RequestLine | None, known: dict[str, options.KnownSegment],
                  checkers: QueryCheckers) -> None:
    """Everything wrong with one request, into `report` (whose source holds the body)."""
    method = method.strip().upper()
    endpoint = parse_endpoint(report, method, url, line.url_start if line else None)
    has_body = document is not None
    if document is not None:
        report.extend(document.diagnostics)
    if method in ("POST", "PATCH") and not has_body:
        where = Span(line.method_span.start, line.url_start + len(url)) if line else Span(0, 0)
        report.add(codes.MISSING_BODY, f"a {method} request needs a JSON body", where)
    elif method in ("GET", "DELETE") and document is not None:
        report.add(codes.UNEXPECTED_BODY, f"a {method} request takes no body: the service ignores it",
                   document.span)
        return
    if endpoint is None:
        return
    if method == "GET" and endpoint.name in (schema.ENTITY_SET, *rt.ENTITY_SETS):
        _check_select(report, endpoint)
    if document is None or document.value is None or method not in ("POST", "PATCH"):
        return
    _check_body(report, method, endpoint, document.value, known, checkers)


def _check_body(report: Report, method: str, endpoint: Endpoint, value: JsonValue,
                known: dict[str, options.KnownSegment], checkers: QueryCheckers) -> None:
    if endpoint.name in rt.ACTIONS:
        check_action(report, endpoint.name, value)
        return
    if endpoint.is_realtime:
        _check_realtime_body(report, method, endpoint, value, checkers)
        return
    entity_set = realtime_table_of(value) if endpoint.name in (schema.ENTITY_SET, schema.VALIDATE_MESSAGE) else None
    if entity_set is not None:
        _mismatch(report, endpoint, value, f"this body has real-time journeys fields: it is a "
                  f"{rt.TABLES[entity_set].name} record, which goes to `{entity_set}`, not `{endpoint.name}`")
        operation: Operation = "create" if endpoint.key is None else "update"
        check_realtime_record(report, value, entity_set=entity_set, operation=operation,
                              query_checker=checkers.realtime)
        return
    query_checker = checkers.outbound
    message = endpoint.message
    if message is not None:
        check_member_message(report, message, value, known=known,
                             message_span=endpoint.name_span if endpoint.located else None)
        return
    if endpoint.name == schema.VALIDATE_MESSAGE:
        check_record(report, value, operation="validate", known=None, query_checker=query_checker)
        return
    if method == "POST" and endpoint.key is None:
        check_record(report, value, operation="create", known=None, query_checker=query_checker)
    elif method == "PATCH" and endpoint.key is not None:
        state = known.get(schema.normalize_id(endpoint.key))
        check_record(report, value, operation="update", known=state, query_checker=query_checker)


def _check_realtime_body(report: Report, method: str, endpoint: Endpoint, value: JsonValue,
                         checkers: QueryCheckers) -> None:
    operation: Operation
    if method == "POST" and endpoint.key is None:
        operation = "create"
    elif method == "PATCH" and endpoint.key is not None:
        operation = "update"
    else:
        return
    if isinstance(value, JsonObject) and any(rt.is_outbound_key(name) for name in value.keys()) \
            and not any(rt.is_realtime_key(name) for name in value.keys()):
        _mismatch(report, endpoint, value, f"this body has outbound marketing fields: it is a "
                  f"{schema.TABLE} record, which goes to `{schema.ENTITY_SET}`, not `{endpoint.name}`")
        check_record(report, value, operation=operation, known=None, query_checker=checkers.outbound)
        return
    check_realtime_record(report, value, entity_set=endpoint.name, operation=operation,
                          query_checker=checkers.realtime)


def _mismatch(report: Report, endpoint: Endpoint, value: JsonValue, message: str) -> None:
    """R053 at the URL when it is in the report's source, else at the body's first key."""
    if endpoint.located:
        where = endpoint.name_span
    else:
        first = value.members[0].key.span if isinstance(value, JsonObject) and value.members else value.span
        where = first
    report.add(codes.BODY_DIALECT_MISMATCH, message, where)


def _check_select(report: Report, endpoint: Endpoint) -> None:
    table = rt.TABLES.get(endpoint.name)
    columns = table.columns if table is not None else schema.COLUMNS
    code = codes.REALTIME_UNKNOWN_COLUMN if table is not None else codes.UNKNOWN_FIELD
    what = f"a known column of {table.name}" if table is not None else f"a column of {schema.TABLE}"
    for name, span in endpoint.select:
        if name not in columns:
            unknown_key(report, JsonString(name, span, quote=""), columns, what, fixable=endpoint.located, code=code)
