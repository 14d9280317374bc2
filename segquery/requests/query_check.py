"""The one place where the request checker asks for a segment query to be checked.

`check_query` answers diagnostics whose offsets are relative to the query
string; the caller moves them into the file. It runs the tolerant parser, then
(when the query parses) the semantic validator in the kind the segment's type
implies (dynamic, static or compound), and reports comments, which a query
sent to the service cannot carry.
"""

from __future__ import annotations

from typing import Callable, Sequence

from segquery.diagnostics import Diagnostic, Fix, make_diagnostic
from segquery.requests import codes

QueryChecker = Callable[[str, "str | None"], Sequence[Diagnostic]]


def check_query(text: str, kind: str | None) -> list[Diagnostic]:
    """Diagnostics about `text` as a query of `kind` (None: inferred from the query's shape)."""
    # Imported on first use: reading a request file that holds no query need not load the parser.
    from segquery.semantic import QueryKind, validate
    from segquery.syntax.parser import parse_tolerant

    result = parse_tolerant(text)
    diagnostics = list(result.diagnostics)
    if result.ok and result.query is not None:
        diagnostics.extend(validate(result.query, result.source,
                                    kind=QueryKind.parse(kind) if kind else None))
    comments = result.query.comments if result.query is not None else ()
    for comment in comments:
        start, end = comment.span.start, comment.span.end
        diagnostics.append(make_diagnostic(
            result.source, codes.COMMENT_IN_QUERY, "a comment in a query sent to the service: the service's "
            "query language has no comments", start, end, fix=Fix.replace("Remove the comment", start, end, "")))
    return diagnostics
