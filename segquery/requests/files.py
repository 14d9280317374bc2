"""Checking request bodies kept in files: a single JSON body, an OData collection
as returned by a retrieve, or an HTTP-style file with one or more requests."""

from __future__ import annotations

import os
import re

from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.files import UnreadableFile, read_text
from segquery.lenient_json.reader import JsonDocument, read_json, short
from segquery.lenient_json.values import JsonArray, JsonObject, JsonValue
from segquery.requests import codes, options, schema
from segquery.requests import realtime_schema as rt
from segquery.requests.httpfile import split_http
from segquery.requests.query_check import QueryChecker, QueryCheckers
from segquery.requests.report import Report
from segquery.requests.request import KnownSegments, RequestLine, check_any_record, check_request, realtime_table_of
from segquery.source import SourceText, Span

_LEADING_NOISE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)


def check_request_file(path_or_text: str | os.PathLike, *, method: str = "POST", path: str | None = None,
                       known_segments: KnownSegments | None = None,
                       query_checker: QueryChecker | None = None) -> list[Diagnostic]:
    """Diagnostics for a request file, positioned in that file.

    A path (`os.PathLike`, or a one-line string naming an existing file) is
    read as every command reads files (see `segquery.files`); any other string is the file's text. A bare JSON body is
    checked as a `method` request to `path` (by default, a create of the
    record its fields describe: `msdyncrm_segments`, or for real-time fields
    `msdynmkt_segmentdefinitions` or `msdynmkt_segments`; a body of only
    `SegmentId` is a `msdynmkt_PublishSegmentDefinition` call); a
    `{"value": [...]}` collection is checked record by record, as records read
    from the service.
    """
    source, problem = _load(path_or_text)
    if problem is not None:
        return [problem]
    report = Report(source)
    known = options.known_table(known_segments)
    checkers = QueryCheckers.using(query_checker)
    if _is_json(source.text):
        document = read_json(source)
        records = _collection(document.value)
        if records is not None:
            report.extend(document.diagnostics)
            for record in records:
                check_any_record(report, record, operation="read", known=None, checkers=checkers)
        else:
            check_request(report, method, path or _implied_path(document.value), document, line=None, known=known,
                          checkers=checkers)
        return sorted_diagnostics(report.diagnostics)
    http = split_http(source.text)
    for span in http.stray_lines:
        report.add(codes.NOT_A_REQUEST_LINE, f"`{short(source.text[span.start:span.end])}` is not a request "
                   "line: a request starts with METHOD URL; write comments after `#`", span)
    for request in http.requests:
        body: JsonDocument | None = None
        if request.body is not None:
            body = read_json(source, start=request.body.start, end=request.body.end)
        check_request(report, request.method, request.url, body,
                      line=RequestLine(request.method_span, request.url_start), known=known,
                      checkers=checkers)
    if not http.requests and not http.stray_lines:
        report.add(codes.JSON_SYNTAX, "the file holds no request and no JSON body", Span(0, 0))
    return sorted_diagnostics(report.diagnostics)


def _implied_path(value: JsonValue | None) -> str:
    """Where a bare body goes, by its fields."""
    if isinstance(value, JsonObject) and [name for name in value.keys() if "@" not in name] == [rt.ACTION_PARAMETER]:
        return rt.PUBLISH_ACTION
    return (realtime_table_of(value) if value is not None else None) or schema.ENTITY_SET


def _load(path_or_text: str | os.PathLike) -> tuple[SourceText, Diagnostic | None]:
    if isinstance(path_or_text, str) and not _names_file(path_or_text):
        return SourceText(path_or_text), None
    try:
        file = read_text(path_or_text)
    except UnreadableFile as error:
        return error.source, error.diagnostic
    return SourceText(file.text, file.path), None


def _names_file(text: str) -> bool:
    return "\n" not in text and text.strip() == text and text != "" and os.path.isfile(text)


def _is_json(text: str) -> bool:
    noise = _LEADING_NOISE.match(text)
    assert noise is not None  # the pattern matches the empty string
    start = noise.end()
    return start < len(text) and text[start] in "{[\"'" or start >= len(text)


def _collection(value: JsonValue | None) -> tuple[JsonValue, ...] | None:
    """The records of an OData collection (`{"@odata.context": ..., "value": [...]}`), or None."""
    if not isinstance(value, JsonObject):
        return None
    items = value.get("value")
    if items is None or not isinstance(items.value, JsonArray):
        return None
    if any(name != "value" and not name.startswith("@") for name in value.keys()):
        return None
    return items.value.items
