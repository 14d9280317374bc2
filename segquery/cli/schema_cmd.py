"""`segquery schema pull`: write the org's schema into the project's JSON schema file.

Exit status: 0 written (or, with --check, unchanged), 1 with --check when the org
has drifted from the file, 2 when the org cannot be reached or refuses.
"""

from __future__ import annotations

import sys
from typing import Iterable, Sequence

import click

from segquery.cli.common import on_terminal
from segquery.cli.org_options import org_options, reports_org_failures


@click.group("schema")
def schema_command() -> None:
    """Work with the schema queries are checked against."""


@schema_command.command("pull")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False),
              help="The schema file to write (default: the configured `schema`, else schema.json).")
@click.option("--tables", metavar="NAMES", help="Only these tables (comma-separated); default: every table.")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 when the org differs from the file.")
@org_options
@reports_org_failures("schema pull")
def schema_pull_command(output: str | None, tables: str | None, check_only: bool, org_url: str | None, auth: str,
                        config_path: str | None) -> None:
    """Pull tables, attributes, option sets and relationships from the org."""
    from segquery.org.connect import open_client, org_settings, project_config
    from segquery.org.schema_pull import pull_schema, schema_file, schema_text

    settings = org_settings(org_url, config=config_path)
    if output is None:
        configured = project_config(config_path).schema
        output = str(configured) if configured is not None else "schema.json"
    wanted = [name.strip() for name in tables.split(",") if name.strip()] if tables else None
    with open_client(settings, auth) as client:
        pulled = schema_file(output, schema_text(pull_schema(client, tables=wanted, progress=_progress), settings.url))
    if check_only:
        if pulled.unchanged:
            click.echo(f"{output}: the org's schema is unchanged")
            return
        click.echo(pulled.diff().rstrip("\n") if pulled.current is not None else f"{output}: no such file")
        click.echo(f"{output}: the org's schema has drifted from the file", err=True)
        sys.exit(1)
    pulled.write()
    click.echo(f"{output}: {'unchanged' if pulled.unchanged else 'written'}", err=True)


def _progress(names: Sequence[str]) -> Iterable[str]:
    """A progress bar on a terminal; nothing in a pipe, a file or CI."""
    if not on_terminal():
        return names
    return _bar(names)


def _bar(names: Sequence[str]) -> Iterable[str]:
    with click.progressbar(names, label="tables", file=sys.stderr) as bar:
        yield from bar


def register(group: click.Group) -> None:
    group.add_command(schema_command)
