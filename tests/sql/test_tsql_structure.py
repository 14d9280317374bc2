"""The T-SQL is checked beyond its text: sqlglot's T-SQL reader parses it back, and
the tree, written for DuckDB, selects the members (in the same order) that the
DuckDB compilation selects. A T-SQL function with another meaning, a lost
parenthesis or a misplaced OFFSET/FETCH would change them."""

import sqlglot
from hypothesis import given, settings, strategies as st

import segquery
from segquery.query_plan import FetchPlan, resolve
from segquery.sql import compile_sql
from sql_strategies import datasets, fetch_queries, queries
from sql_tables import CATALOG, NOW, duckdb_ordered_members, load_duckdb


@settings(max_examples=40)
@given(text=st.one_of(queries(), fetch_queries()), data=datasets())
def test_tsql_parsed_back_selects_what_duckdb_selects(text, data):
    query = segquery.parse(text)
    tsql = compile_sql(query, dialect="tsql", now=NOW, pretty=False)
    tree = sqlglot.parse_one(tsql, read="tsql")
    connection = load_duckdb(data)
    try:
        found = tuple(str(row[0]) for row in connection.execute(tree.sql("duckdb")).fetchall())
        expected = duckdb_ordered_members(query, connection)
    finally:
        connection.close()
    if not isinstance(resolve(query, CATALOG, now=NOW), FetchPlan):     # only a member fetch has an order
        found, expected = tuple(sorted(found)), tuple(sorted(expected))
    assert found == expected
