"""`segquery preview FILE --data DIR`: the member count of every stage, on exported data."""

from __future__ import annotations

import json
import sys

import click

from segquery.cli.common import on_terminal
from segquery.cli.query_input import print_problems, query_options, run_input
from segquery.query_plan import PlanError
from segquery.preview import DataError, DuckDBEngine, EngineError, SparkEngine, find_tables, plan_for, preview
from segquery.preview.funnel import ProgressLine, funnel_table

ENGINES = ("duckdb", "spark")


@click.command("preview")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="The export: one .csv or .parquet file, one folder of them, or one Delta table, per table.")
@click.option("--engine", type=click.Choice(ENGINES), default="duckdb", show_default=True,
              help="Run on an embedded DuckDB, or on Spark in local mode (Parquet, Delta, CSV).")
@click.option("--members", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also list the first N members (by id, or in the order of a member fetch).")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
@query_options
def preview_command(file: str, data_dir: str, engine: str, members: int, output_format: str, **options) -> None:
    """Count the members of FILE at every stage (each step and set operation) on the data in DIR."""
    loaded, now, color = run_input(file, options)
    try:
        tables = find_tables(data_dir)
        runner = DuckDBEngine(tables) if engine == "duckdb" else SparkEngine(tables)
    except DataError as error:
        raise click.UsageError(f"cannot read the data: {error}") from None
    try:
        try:
            plan = plan_for(loaded.query_or_fail, runner, now=now, schema=loaded.schema, segments=loaded.segments)
        except PlanError as error:
            print_problems(loaded, error.diagnostics(loaded.source), color)
            sys.exit(1)
        progress = ProgressLine(sys.stderr) if on_terminal() else None
        try:
            result = preview(plan, runner, now=now, members=members, progress=progress)
        except EngineError as error:
            click.echo(f"segquery preview: {engine} could not run the query: {error}", err=True)
            sys.exit(1)
        finally:
            if progress is not None:
                progress.clear()
    finally:
        runner.close()
    if output_format == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(funnel_table(result))


def register(group: click.Group) -> None:
    group.add_command(preview_command)
