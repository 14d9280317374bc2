"""What the workspace knows about one segment and about each `SEGMENT(x)` in it.

A segment comes from a `.segq` file or from a record of a JSON file. Its query
text may sit inside a JSON string, so every position here is an offset into
the *file*; `query_span` keeps the offsets into the query text itself, which
expansion works on.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Callable

from segquery.diagnostics import Diagnostic
from segquery.requests import schema as record_schema
from segquery.source import Range, SourceText, Span
from segquery.syntax import ast
from segquery.syntax.parser import ParseResult, parse_tolerant


class SegmentType(enum.IntEnum):
    """`msdyncrm_segmenttype` option values."""

    DYNAMIC = record_schema.DYNAMIC
    STATIC = record_schema.STATIC
    COMPOUND = record_schema.COMPOUND

    @property
    def label(self) -> str:
        return self.name.lower()


class SegmentStatus(enum.IntEnum):
    """`statuscode` option values."""

    DRAFT = record_schema.DRAFT
    LIVE = record_schema.LIVE
    STOPPED = record_schema.STOPPED
    LIVE_EDITABLE = record_schema.LIVE_EDITABLE
    EXPIRED = record_schema.EXPIRED
    ERROR = record_schema.ERROR
    GOING_LIVE = record_schema.GOING_LIVE
    STOPPING = record_schema.STOPPING

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")

    @property
    def is_active(self) -> bool:
        """Live, or on its way to live: members are evaluated."""
        return self in (SegmentStatus.LIVE, SegmentStatus.LIVE_EDITABLE, SegmentStatus.GOING_LIVE)


QUERY_NAME_PREFIX = "SEGMENT_CRM_ID_"


def query_name_from_id(segment_id: str) -> str:
    """The backend name `SEGMENT(...)` uses for a segment id: `SEGMENT_CRM_ID_` + lower-case hex."""
    return QUERY_NAME_PREFIX + record_schema.normalize_id(segment_id).replace("-", "")


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a workspace file: the path as the workspace shows it, and a range."""

    path: str
    span: Span
    range: Range


@dataclass(frozen=True, slots=True)
class Reference:
    """One `SEGMENT(name)` call.

    `span` covers the name argument (quotes included when the name is quoted)
    in the file; `call_span` the whole call; `query_span` the call in the query
    text, which differs from `call_span` when the query sits in a JSON string.
    """

    name: str
    span: Span
    call_span: Span
    query_span: Span


@dataclass(eq=False)
class Segment:
    """One segment of the workspace. Compared by identity: two records may be equal in every field."""

    path: str                       # as the workspace shows it
    source: SourceText              # the whole file
    index: int                      # position among the segments of its file
    name: str | None                # the display name: `name` directive, file stem or msdyncrm_segmentname
    handles: tuple[str, ...]        # every name SEGMENT(...) may use for it, `name` first
    definition: Span                # where the name is written (file offsets)
    name_source: str | None         # where `name` comes from: "directive", "stem", "record",
                                    # "query name", "id", or None for an unnamed record
    query_text: str | None          # None for a record without a query (static segments)
    extent: Span = Span(0, 0)       # the whole file, or the record in a JSON file
    references: tuple[Reference, ...] = ()
    segment_id: str | None = None
    query_name: str | None = None
    segment_type: SegmentType | None = None
    status: SegmentStatus | None = None
    target_profile: str | None = None
    # decoded query offsets -> file offsets (identity for .segq files)
    to_file: Callable[[int, int], Span] = field(default=lambda start, end: Span(start, end), repr=False)
    # moves a diagnostic about the query text into the file
    move_diagnostic: Callable[[Diagnostic], Diagnostic] = field(default=lambda d: d, repr=False)
    key: str = ""                   # unique in the workspace; assigned by the workspace
    _parsed: ParseResult | None = field(default=None, repr=False)

    @property
    def parsed(self) -> ParseResult | None:
        """The tolerant parse of the query, computed on first use; None without a query."""
        if self.query_text is None:
            return None
        if self._parsed is None:
            self._parsed = parse_tolerant(self.query_text, path=self.path)
        return self._parsed

    @property
    def query(self) -> ast.Query | None:
        parsed = self.parsed
        return parsed.query if parsed is not None else None

    def query_diagnostics(self) -> list[Diagnostic]:
        """The parser's diagnostics for the query, positioned in the file."""
        parsed = self.parsed
        if parsed is None:
            return []
        return [self.move_diagnostic(diagnostic) for diagnostic in parsed.diagnostics]

    def location(self, span: Span | None = None) -> Location:
        span = self.definition if span is None else span
        return Location(self.path, span, self.source.range(span.start, span.end))

    @property
    def label(self) -> str:
        """How messages name the segment."""
        return self.key or self.name or "(unnamed)"
