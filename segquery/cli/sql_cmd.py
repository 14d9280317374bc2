"""`segquery sql FILE|- --dialect duckdb|tsql|spark`: the query compiled to SQL."""

from __future__ import annotations

import sys

import click

from segquery.cli.query_input import print_problems, query_options, run_input
from segquery.query_plan import Catalog, PlanError, resolve
from segquery.sql import DIALECTS, plan_query, render


@click.command("sql")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--dialect", "sql_dialect", type=click.Choice(DIALECTS), default="duckdb", show_default=True,
              help="The SQL dialect: DuckDB, T-SQL (Fabric, Synapse) or Spark SQL.")
@query_options
def sql_command(file: str, sql_dialect: str, **options) -> None:
    """Print the SQL that selects the members of FILE (or - for standard input).

    The tables are those of a Dataverse export: one per table, logical names as
    columns, one per interaction type. The statement returns one column, profileid.
    """
    loaded, now, color = run_input(file, options)
    try:
        plan = resolve(loaded.query_or_fail, Catalog.from_schema(loaded.schema), now=now, segments=loaded.segments)
    except PlanError as error:
        print_problems(loaded, error.diagnostics(loaded.source), color)
        sys.exit(1)
    click.echo(render(plan_query(plan, now=now), sql_dialect))


def register(group: click.Group) -> None:
    group.add_command(sql_command)
