"""`segquery explain FILE|-`: the query in plain English, as text or JSON."""

from __future__ import annotations

import json
import sys

import click

from segquery.cli.common import STDIN, dialect_option
from segquery.config import ConfigError
from segquery.engine import CheckOptions, FileReport
from segquery.explain.settings import explain_configured
from segquery.files import UnreadableFile, read_stdin, read_text
from segquery.output.text import render_diagnostic
from segquery.syntax.codes import NOT_A_REGULAR_FILE, UNREADABLE_FILE
from segquery.syntax.parser import ParseError


@click.command("explain")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="Indented text, or JSON with each line's depth, kind and source range.")
@click.option("--schema", type=click.Path(exists=True, dir_okay=False),
              help="A schema file (JSON or Dataverse $metadata) instead of the configured one.")
@dialect_option
def explain_command(file: str, output_format: str, schema: str | None, dialect: str | None) -> None:
    """Explain the query in FILE (or - for standard input) in plain English."""
    path = None if file == STDIN else file
    try:
        text = (read_stdin() if file == STDIN else read_text(file)).text
        options = CheckOptions(schema=schema, dialect=dialect.lower() if dialect else None)
        explanation = explain_configured(text, path=path, options=options)
    except UnreadableFile as error:
        if error.diagnostic.code in (UNREADABLE_FILE, NOT_A_REGULAR_FILE):
            raise click.UsageError(f"cannot read {file}: {error.reason}") from None
        _print_diagnostics(FileReport(path, error.source, [error.diagnostic]))
    except ParseError as error:
        _print_diagnostics(FileReport(path, error.source, list(error.diagnostics)))
    except ConfigError as error:
        click.echo(f"segquery: configuration error: {error}", err=True)
        sys.exit(2)
    if output_format == "json":
        click.echo(json.dumps(explanation.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(explanation.text())


def _print_diagnostics(report: FileReport) -> None:
    """Why the query cannot be explained, on standard error; exit 1."""
    for diagnostic in report.diagnostics:
        click.echo(render_diagnostic(report, diagnostic), err=True)
    sys.exit(1)


def register(group: click.Group) -> None:
    group.add_command(explain_command)
