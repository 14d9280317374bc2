"""`segquery migrate PATH...`: move outbound segments to real-time journeys.

Exit status: 0 when done (1 with --check when anything is unsupported or a
file could not be read), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from segquery.cli.common import file_selection_options
from segquery.cli.workspace_input import load_workspace
from segquery.config import ConfigError
from segquery.file_selection import FileSelection
from segquery.migrate import MappingError, load_interaction_map, migrate
from segquery.migrate.records import read_id_map, write_estate
from segquery.migrate.report import report_json, report_markdown, summary_table
from segquery.migrate.findings import Outcome


@click.command("migrate")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", "out_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write the real-time .segq files, record bodies and id map here.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the migration report: JSON when FILE ends in .json, else Markdown.")
@click.option("--check", is_flag=True, help="Exit 1 when anything is unsupported (for CI gates).")
@click.option("--allow-partial", is_flag=True,
              help="Write segments with unsupported constructs too, those constructs kept as written.")
@click.option("--interaction-map", "interaction_map", type=click.Path(dir_okay=False), metavar="FILE",
              help="A JSON file that extends the interaction mapping table, after the configuration's "
                   "`interaction-map` (docs/migration.md).")
@click.option("--id-map", "id_map", type=click.Path(dir_okay=False), metavar="FILE",
              help="Known new ids (an id-map.json written before, with the real ids filled in).")
@file_selection_options
def migrate_command(paths: tuple[str, ...], out_dir: str | None, report_file: str | None, check: bool,
                    allow_partial: bool, interaction_map: str | None, id_map: str | None,
                    files: FileSelection) -> None:
    """Translate the segments under PATH (.segq files and msdyncrm_segment JSON records) to real-time journeys."""
    try:
        workspace, settings = load_workspace(paths or (".",), files)
    except ConfigError as error:
        click.echo(f"segquery: configuration error: {error}", err=True)
        sys.exit(2)
    configured = settings.config.interaction_map
    try:
        interactions = load_interaction_map(configured) if configured else None
        if interaction_map:
            interactions = load_interaction_map(interaction_map, interactions)
        ids = read_id_map(id_map) if id_map else None
    except (MappingError, ValueError) as error:
        raise click.UsageError(str(error)) from None
    estate = migrate(workspace, schema=settings.schema, interactions=interactions, id_map=ids,
                     allow_partial=allow_partial)
    for path, found in estate.unread.items():
        for diagnostic in found:
            start = diagnostic.range.start
            click.echo(f"{path}:{start.line}:{start.column}: {diagnostic.code} {diagnostic.message}",
                       err=True)
    click.echo(summary_table(estate))
    if out_dir is not None:
        written = write_estate(estate, out_dir)
        click.echo(f"wrote {len(written)} files to {out_dir}")
    if report_file is not None:
        text = (json.dumps(report_json(estate), indent=2) + "\n" if report_file.lower().endswith(".json")
                else report_markdown(estate))
        Path(report_file).write_text(text, encoding="utf-8", newline="\n")
        click.echo(f"wrote the report to {report_file}")
    sys.exit(1 if check and estate.outcome is Outcome.UNSUPPORTED else 0)


def register(group: click.Group) -> None:
    group.add_command(migrate_command)
