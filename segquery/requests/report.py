"""Collecting request diagnostics, and moving diagnostics found inside a JSON
string (a segment query, a member id list) to their place in the file."""

from __future__ import annotations

import json
from typing import Iterable

from segquery.diagnostics import Diagnostic, Fix, RelatedLocation, Severity, TextEdit, make_diagnostic
from segquery.fast_dataclass import dataclass
from segquery.lenient_json.values import JsonString
from segquery.source import SourceText, Span


@dataclass(frozen=True, slots=True)
class RequestDiagnostic(Diagnostic):
    """A diagnostic that also names the field it is about (for the service's result form)."""

    field_name: str | None = None


class Report:
    """The findings about one source; every range is an offset range into it."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: str, message: str, span: Span, *, field: str | None = None,
            severity: Severity | None = None, fix: Fix | None = None,
            related: Iterable[RelatedLocation] = ()) -> None:
        base = make_diagnostic(self.source, code, message, span.start, span.end, severity=severity,
                               fix=fix, related=related)
        self.diagnostics.append(_with_field(base, field))

    def extend(self, diagnostics: Iterable[Diagnostic], *, field: str | None = None) -> None:
        for diagnostic in diagnostics:
            self.diagnostics.append(_with_field(diagnostic, field) if field else diagnostic)

    def related(self, message: str, span: Span) -> RelatedLocation:
        return RelatedLocation(message, self.source.range(span.start, span.end), self.source.path)


def _with_field(diagnostic: Diagnostic, field: str | None) -> RequestDiagnostic:
    return RequestDiagnostic(diagnostic.code, diagnostic.severity, diagnostic.message, diagnostic.range,
                             diagnostic.fix, diagnostic.related, field)


def field_of(diagnostic: Diagnostic) -> str | None:
    return getattr(diagnostic, "field_name", None)


def escape_for(string: JsonString, text: str) -> str:
    """`text` written inside `string`'s quotes, so that it decodes back to itself."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    if string.quote == "'":
        body = body.replace('\\"', '"').replace("'", "\\'")
    return body


def move_into_string(diagnostic: Diagnostic, string: JsonString, source: SourceText, *,
                     field: str | None = None) -> RequestDiagnostic:
    """A diagnostic about string.value, re-positioned in the file that holds the string.

    Offsets into the decoded value go through the string's escape map; the text
    of fix edits is escaped for the string's quotes.
    """
    span = string.raw_span(diagnostic.start, diagnostic.end)
    fix = None
    if diagnostic.fix is not None:
        edits = tuple(TextEdit(string.raw_offset(edit.start), string.raw_offset(max(edit.start, edit.end)),
                               escape_for(string, edit.new_text)) for edit in diagnostic.fix.edits)
        fix = Fix(diagnostic.fix.message, edits, diagnostic.fix.applicability)
    related = tuple(
        RelatedLocation(item.message, source.range(*_raw(string, item.range.start.offset, item.range.end.offset)),
                        source.path) if item.path is None else item
        for item in diagnostic.related)
    return RequestDiagnostic(diagnostic.code, diagnostic.severity, diagnostic.message,
                             source.range(span.start, span.end), fix, related, field)


def _raw(string: JsonString, start: int, end: int) -> tuple[int, int]:
    span = string.raw_span(start, end)
    return span.start, span.end
