"""A reference evaluator: the members of a query over rows held in memory.

It is small and slow on purpose. It reads the same plan as the SQL compiler
(`segquery.query_plan`) but shares no code with it, so comparing the two tests the
SQL: every rule of `docs/sql.md` (three-valued logic, case-insensitive string
tests, dates and windows relative to `now`, joins, grouped counts, set
operations) is written here once more, in plain Python.

    evaluate(segquery.parse("PROFILE(contact).FILTER(address1_city == 'Seattle')"),
             {"contact": [{"contactid": "1", "address1_city": "seattle"}]},
             now=datetime(2026, 1, 1))
    # frozenset({'1'})
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable, Mapping

from segquery.evaluate.rows import Tables, members
from segquery.query_plan import Catalog, Plan, SegmentSource, resolve
from segquery.schema import Schema
from segquery.syntax import ast

__all__ = ["evaluate", "evaluate_plan", "segment_source"]


def evaluate(query: ast.Query, data: Mapping[str, Iterable[Mapping[str, Any]]], *, now: datetime,
             schema: Schema | None = None,
             segments: Mapping[str, ast.Query] | SegmentSource | None = None) -> frozenset[str]:
    """The ids of the profiles `query` selects in `data` (table name -> rows, a row
    a dict of column -> value; dates as `datetime`, a missing column is null).

    `schema` gives tables, primary keys, relationships and interaction types
    (the bundled schema by default); `segments` resolves `SEGMENT(x)` (a
    mapping of name to parsed query, names in any case, or a function).
    Raises `segquery.query_plan.PlanError` when the query names what the schema lacks.
    """
    plan = resolve(query, Catalog.from_schema(schema), now=now, segments=segment_source(segments))
    return evaluate_plan(plan, data, now=now)


def evaluate_plan(plan: Plan, data: Mapping[str, Iterable[Mapping[str, Any]]], *, now: datetime) -> frozenset[str]:
    """The ids a resolved plan selects in `data`."""
    return members(plan, Tables(data), now)


def segment_source(segments: Mapping[str, ast.Query] | SegmentSource | None) -> SegmentSource | None:
    """A lookup function from a mapping of segment names (any case) to queries."""
    if segments is None or callable(segments):
        return segments
    folded = {name.casefold(): query for name, query in segments.items()}
    return lambda name: folded.get(name.casefold())
