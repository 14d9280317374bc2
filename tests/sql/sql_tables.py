"""Small datasets for the SQL tests: rows as the evaluator takes them, and the same
rows in DuckDB tables typed as the catalog says."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable, Mapping

import duckdb

from segquery.query_plan import Catalog, ColumnKind, resolve
from segquery.sql import plan_query, render
from segquery.syntax import ast

NOW = datetime(2026, 3, 31, 12, 0, 0)
CATALOG = Catalog.from_schema()

# The columns each table of the tests has (a subset of the bundled schema's).
COLUMNS: dict[str, tuple[str, ...]] = {
    "contact": ("contactid", "firstname", "address1_city", "numberofchildren", "annualincome", "birthdate",
                "createdon", "donotbulkemail", "parentcustomerid"),
    "account": ("accountid", "name", "address1_city", "numberofemployees", "revenue", "createdon",
                "primarycontactid"),
    "EmailOpened": ("interactionId", "contactId", "timestamp", "emailDomain"),
    "msdynmkt_emailopened": ("msdynmkt_entityid", "msdynmkt_entityid_logicalname", "msdynmkt_originaltimestamp",
                             "msdynmkt_emailaddress"),
}

_SQL_TYPES = {ColumnKind.STRING: "VARCHAR", ColumnKind.NUMBER: "DOUBLE", ColumnKind.BOOLEAN: "BOOLEAN",
              ColumnKind.DATETIME: "TIMESTAMP"}


def kind(table: str, column: str) -> ColumnKind:
    layout = CATALOG.table(table) or CATALOG.interaction(table)
    assert layout is not None
    return layout.columns.kind(layout.columns.find(column) or column)


def load_duckdb(data: Mapping[str, Iterable[Mapping[str, Any]]]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding every table of COLUMNS, typed, with `data`'s rows."""
    connection = duckdb.connect()
    for table, columns in COLUMNS.items():
        declared = ", ".join(f'"{column}" {_SQL_TYPES[kind(table, column)]}' for column in columns)
        connection.execute(f'CREATE TABLE "{table}" ({declared})')
        rows = [tuple(row.get(column) for column in columns) for row in data.get(table, ())]
        if rows:
            marks = ", ".join("?" for _ in columns)
            connection.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
    return connection


def duckdb_members(query: ast.Query, connection: duckdb.DuckDBPyConnection, *, now: datetime = NOW,
                   segments=None) -> frozenset[str]:
    return frozenset(duckdb_ordered_members(query, connection, now=now, segments=segments))


def duckdb_ordered_members(query: ast.Query, connection: duckdb.DuckDBPyConnection, *, now: datetime = NOW,
                           segments=None) -> tuple[str, ...]:
    """The members in the order the statement returns them."""
    plan = resolve(query, CATALOG, now=now, segments=segments)
    rows = connection.execute(render(plan_query(plan, now=now), "duckdb")).fetchall()
    return tuple(str(row[0]) for row in rows if row[0] is not None)
