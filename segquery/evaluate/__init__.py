"""A reference evaluator: the members of a query over rows held in memory.

It is small and slow on purpose, and it shares no code with the SQL compiler
beyond the parser and the calendar arithmetic of `segquery.query_plan.dates`:
it reads names straight from the schema (`names.py`), not through the plan
the SQL is compiled from, so comparing the two tests the SQL and the plan.
Every rule of `docs/sql.md` (three-valued logic, case-insensitive string
tests, dates and windows relative to `now`, joins, grouped counts, set
operations, member fetch) is written here once more, in plain Python.

    evaluate(segquery.parse("PROFILE(contact).FILTER(address1_city == 'Seattle')"),
             {"contact": [{"contactid": "1", "address1_city": "seattle"}]},
             now=datetime(2026, 1, 1))
    # frozenset({'1'})
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Iterable, Mapping

from segquery.evaluate.names import Names, NotEvaluable, UnknownName
from segquery.evaluate.rows import Run, Segments, Tables
from segquery.schema import Schema, default_schema
from segquery.syntax import ast

__all__ = ["NotEvaluable", "UnknownName", "evaluate", "evaluate_ordered"]

Data = Mapping[str, Iterable[Mapping[str, Any]]]
SegmentQueries = Mapping[str, ast.Query] | Callable[[str], "ast.Query | None"]


def evaluate(query: ast.Query, data: Data, *, now: datetime, schema: Schema | None = None,
             segments: SegmentQueries | None = None) -> frozenset[str]:
    """The ids of the profiles `query` selects in `data` (table name -> rows, a row
    a dict of column -> value; dates as `datetime`, a missing column is null).

    `schema` gives tables, primary keys, relationships and interaction types
    (the bundled schema by default); `segments` resolves `SEGMENT(x)` (a
    mapping of name to parsed query, names in any case, or a function).
    Raises UnknownName when the query names what the schema lacks, and
    NotEvaluable for a construct that selects no set of profiles.
    """
    return frozenset(evaluate_ordered(query, data, now=now, schema=schema, segments=segments))


def evaluate_ordered(query: ast.Query, data: Data, *, now: datetime, schema: Schema | None = None,
                     segments: SegmentQueries | None = None) -> tuple[str, ...]:
    """The members in order: as a member fetch (ORDERBY, SKIP, TAKE) leaves them, else by id."""
    run = Run(Names(schema or default_schema()), Tables(data), now, _lookup(segments))
    return run.query(query.body).ids


def _lookup(segments: SegmentQueries | None) -> Segments | None:
    """A lookup function from a mapping of segment names (any case) to queries."""
    if segments is None or callable(segments):
        return segments
    folded = {name.casefold(): query for name, query in segments.items()}
    return lambda name: folded.get(name.casefold())
