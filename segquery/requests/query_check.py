"""The one place where the request checker asks for a segment query to be checked.

`check_query` answers diagnostics whose offsets are relative to the query
string; the caller moves them into the file. It runs the tolerant parser in
the query's dialect, then (when the query parses) the semantic validator of
that dialect in the kind the segment's type implies (dynamic, static or
compound), and reports
comments, which a query sent to the service cannot carry. The query of an
outbound record (`msdyncrm_segmentquery`) is read in the outbound dialect,
the query of a real-time segment definition (`msdynmkt_segmentquery`) in the
real-time one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from segquery.diagnostics import Diagnostic, Fix, make_diagnostic
from segquery.requests import codes

if TYPE_CHECKING:
    from segquery.syntax import ast
    from segquery.syntax.dialect import Dialect

QueryChecker = Callable[[str, "str | None"], Sequence[Diagnostic]]


def check_query(text: str, kind: str | None, *, dialect: Dialect | None = None) -> list[Diagnostic]:
    """Diagnostics about `text` as a query of `kind` (None: inferred from the query's shape) in `dialect`
    (None: outbound)."""
    # Imported on first use: reading a request file that holds no query need not load the parser.
    from segquery.semantic import QueryKind, validate
    from segquery.syntax.outbound import OUTBOUND
    from segquery.syntax.parser import parse_tolerant

    dialect = dialect or OUTBOUND
    result = parse_tolerant(text, dialect=dialect)
    diagnostics = list(result.diagnostics)
    if result.ok and result.query is not None:
        diagnostics.extend(validate(result.query, result.source, kind=QueryKind.parse(kind) if kind else None,
                                    target=_target(result.query, dialect), dialect=dialect))
    comments = result.query.comments if result.query is not None else ()
    for comment in comments:
        start, end = comment.span.start, comment.span.end
        diagnostics.append(make_diagnostic(
            result.source, codes.COMMENT_IN_QUERY, "a comment in a query sent to the service: the service's "
            "query language has no comments", start, end, fix=Fix.replace("Remove the comment", start, end, "")))
    return diagnostics


def _target(query: ast.Query, dialect: Dialect) -> str:
    """The profile type the query must select. A real-time definition does not say its base table (its
    segment record does), so a query of contacts or leads is taken at its word."""
    from segquery.semantic import DEFAULT_TARGET
    from segquery.semantic.tables import infer_tables

    if dialect.name != "realtime":
        return DEFAULT_TARGET
    selected = infer_tables(query, dialect=dialect.name).result
    return selected if selected in ("contact", "lead") else DEFAULT_TARGET


def check_realtime_query(text: str, kind: str | None) -> list[Diagnostic]:
    """`check_query` in the real-time journeys dialect."""
    from segquery.syntax.dialects import dialect_named

    return check_query(text, kind, dialect=dialect_named("realtime"))


@dataclass(frozen=True)
class QueryCheckers:
    """The checkers of the queries of each dialect. A caller's own checker checks the queries of both."""

    outbound: QueryChecker = check_query
    realtime: QueryChecker = check_realtime_query

    @classmethod
    def using(cls, custom: QueryChecker | None) -> "QueryCheckers":
        return cls(custom, custom) if custom is not None else cls()
