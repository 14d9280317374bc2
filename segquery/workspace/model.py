"""What the workspace knows about one segment and about each `SEGMENT(x)` in it.

A segment comes from a `.segq` file or from a record of a JSON file. Its query
text may sit inside a JSON string, so every position here is an offset into
the *file*; `query_span` keeps the offsets into the query text itself, which
expansion works on.
"""

from __future__ import annotations

import enum
from dataclasses import field
from typing import TYPE_CHECKING, Callable

from segquery.diagnostics import Diagnostic
from segquery.fast_dataclass import dataclass
from segquery.requests import realtime_schema
from segquery.requests import schema as record_schema
from segquery.source import Range, SourceText, Span
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import ParseResult, parse_tolerant
from segquery.syntax.realtime import REALTIME

if TYPE_CHECKING:
    from segquery.workspace.shapes import QueryShape


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
    DELETED = realtime_schema.DEFINITION_DELETED   # a real-time segment definition's own status

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")

    @property
    def is_active(self) -> bool:
        """Live, or on its way to live: members are evaluated."""
        return self in (SegmentStatus.LIVE, SegmentStatus.LIVE_EDITABLE, SegmentStatus.GOING_LIVE)


# The statuses of a real-time segment definition (`statuscode`), as the workspace's statuses.
REALTIME_STATUSES: dict[int, SegmentStatus] = {
    realtime_schema.DEFINITION_LIVE: SegmentStatus.LIVE, realtime_schema.DEFINITION_DRAFT: SegmentStatus.DRAFT,
    realtime_schema.DEFINITION_GOING_LIVE: SegmentStatus.GOING_LIVE,
    realtime_schema.DEFINITION_DELETED: SegmentStatus.DELETED,
}

QUERY_NAME_PREFIX = "SEGMENT_CRM_ID_"
REALTIME_QUERY_NAME_PREFIX = "SEGMENT_CJO_ID_"


def query_name_prefix(dialect: Dialect) -> str:
    return REALTIME_QUERY_NAME_PREFIX if dialect is REALTIME else QUERY_NAME_PREFIX


def query_name_from_id(segment_id: str, dialect: Dialect = OUTBOUND) -> str:
    """The name `SEGMENT(...)` uses for a segment id: `SEGMENT_CRM_ID_` (outbound) or `SEGMENT_CJO_ID_`
    (real-time journeys, the id of the segment definition) + the id's lower-case hex digits."""
    return query_name_prefix(dialect) + record_schema.normalize_id(segment_id).replace("-", "")


def id_in_query_name(name: str) -> tuple[Dialect, str] | None:
    """The dialect and the hex digits of a `SEGMENT_CRM_ID_<hex>` or `SEGMENT_CJO_ID_<hex>` name, else None."""
    for prefix, dialect in ((QUERY_NAME_PREFIX, OUTBOUND), (REALTIME_QUERY_NAME_PREFIX, REALTIME)):
        if name.upper().startswith(prefix) and len(name) > len(prefix):
            return dialect, name[len(prefix):].lower()
    return None


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
    dialect: Dialect = OUTBOUND     # the dialect its query is written in
    _parsed: ParseResult | None = field(default=None, repr=False)
    # What its profile type depends on, made where the query was already parsed (a check's worker
    # process), so that the workspace need not parse it again (None: parse it when needed).
    known_shape: QueryShape | None = field(default=None, repr=False)

    @property
    def parsed(self) -> ParseResult | None:
        """The tolerant parse of the query in its dialect, computed on first use; None without a query."""
        if self.query_text is None:
            return None
        if self._parsed is None:
            self._parsed = parse_tolerant(self.query_text, path=self.path, dialect=self.dialect)
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
