"""DuckDB runs the compiled SQL; the reference evaluator runs the same query over the
same rows in Python. For every generated query and dataset, the members agree."""

from hypothesis import given, settings

import segquery
from segquery.evaluate import evaluate, evaluate_ordered
from segquery.syntax import ast
from segquery.syntax.dialects import dialect_named
from sql_strategies import datasets, fetch_queries, queries, realtime_queries
from sql_tables import NOW, duckdb_members, duckdb_ordered_members, load_duckdb


@settings(max_examples=120)
@given(text=queries(), data=datasets())
def test_duckdb_selects_the_members_the_evaluator_selects(text, data):
    _assert_duckdb_selects_what_the_evaluator_selects(segquery.parse(text), data)


@settings(max_examples=100)
@given(text=realtime_queries(), data=datasets())
def test_duckdb_selects_the_members_the_evaluator_selects_in_the_realtime_dialect(text, data):
    _assert_duckdb_selects_what_the_evaluator_selects(segquery.parse(text, dialect=dialect_named("realtime")), data)


@settings(max_examples=100)
@given(text=fetch_queries(), data=datasets())
def test_a_member_fetch_returns_the_members_the_evaluator_returns_in_the_same_order(text, data):
    query = segquery.parse(text)
    connection = load_duckdb(data)
    try:
        found = duckdb_ordered_members(query, connection)
        expected = evaluate_ordered(query, data, now=NOW)
        if isinstance(query.body, ast.SetOperation):    # a set has no order
            found, expected = tuple(sorted(found)), tuple(sorted(expected))
        assert found == expected
    finally:
        connection.close()


def _assert_duckdb_selects_what_the_evaluator_selects(query, data):
    connection = load_duckdb(data)
    try:
        assert duckdb_members(query, connection) == evaluate(query, data, now=NOW)
    finally:
        connection.close()
