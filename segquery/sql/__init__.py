"""Compile a segment query to SQL over tables shaped like a Dataverse export.

    compile_sql(segquery.parse("PROFILE(contact).FILTER(address1_city == 'Seattle')"),
                dialect="duckdb", now=datetime(2026, 1, 1))

The SQL is built as sqlglot expression trees and printed for DuckDB, T-SQL
(Fabric, Synapse) or Spark SQL. Every statement returns one column,
`profileid`: the members. `docs/sql.md` states the semantics.
"""

from __future__ import annotations

from datetime import datetime

from sqlglot import exp

from segquery.query_plan import Catalog, FetchPlan, Plan, SegmentSource, resolve
from segquery.sql.queries import ID_COLUMN, QueryCompiler
from segquery.syntax import ast

DIALECTS = ("duckdb", "tsql", "spark")

__all__ = ["DIALECTS", "ID_COLUMN", "compile_sql", "count_query", "members_query", "plan_query", "render"]


def plan_query(plan: Plan, *, now: datetime) -> exp.Query:
    """The SELECT of a plan's members; a member fetch returns them in its order,
    with the columns its SELECT names after `profileid`."""
    compiler = QueryCompiler(now)
    if isinstance(plan, FetchPlan):
        return compiler.fetch(plan, ordered=True, selected=True)
    return compiler.select(plan)


def count_query(plan: Plan, *, now: datetime) -> exp.Select:
    """`SELECT COUNT(*) AS members FROM (<plan>)`."""
    compiler = QueryCompiler(now)
    inner = exp.Subquery(this=compiler.select(plan), alias=exp.TableAlias(this=exp.to_identifier("m", quoted=True)))
    return exp.select(exp.alias_(exp.Count(this=exp.Star()), exp.to_identifier("members", quoted=True))).from_(inner)


def members_query(plan: Plan, *, now: datetime, limit: int) -> exp.Select:
    """The first `limit` members: in the order of a member fetch, else in id order."""
    compiler = QueryCompiler(now)
    if isinstance(plan, FetchPlan):
        return compiler.fetch(plan, ordered=True, limit=limit)
    inner = exp.Subquery(this=compiler.select(plan), alias=exp.TableAlias(this=exp.to_identifier("m", quoted=True)))
    key = exp.column(exp.to_identifier(ID_COLUMN, quoted=True), table=exp.to_identifier("m", quoted=True))
    return exp.select(key).from_(inner).order_by(key.copy()).limit(limit)


def render(query: exp.Expr, dialect: str, *, pretty: bool = True) -> str:
    """The SQL text of a statement in one dialect."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
    return query.sql(dialect=dialect, pretty=pretty)


def compile_sql(query: ast.Query, *, dialect: str, now: datetime, catalog: Catalog | None = None,
                segments: SegmentSource | None = None, pretty: bool = True) -> str:
    """The SQL of a parsed query (`segquery.ast.Query`); raises PlanError on names the catalog lacks."""
    plan = resolve(query, catalog or Catalog.from_schema(), now=now, segments=segments)
    return render(plan_query(plan, now=now), dialect, pretty=pretty)
