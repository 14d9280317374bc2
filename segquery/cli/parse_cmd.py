"""`segquery parse FILE|-`: the AST as JSON with spans (and the diagnostics)."""

from __future__ import annotations

import json
import sys

import click

from segquery.cli.common import STDIN, read_stdin
from segquery.output.ast_json import node_to_json
from segquery.syntax.parser import parse_tolerant, read_source_file


@click.command("parse")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--indent", default=2, show_default=True, help="JSON indentation (0 for one line).")
def parse_command(file: str, indent: int) -> None:
    """Print the syntax tree of FILE (or - for standard input) as JSON."""
    try:
        text = read_stdin() if file == STDIN else read_source_file(file)
    except OSError as error:
        raise click.UsageError(f"cannot read {file}: {error.strerror or error}") from None
    result = parse_tolerant(text, path=None if file == STDIN else file)
    payload = {
        "path": None if file == STDIN else file,
        "ast": node_to_json(result.query, result.source) if result.query is not None else None,
        "diagnostics": [d.to_dict(result.source) for d in result.diagnostics],
    }
    click.echo(json.dumps(payload, indent=indent or None, ensure_ascii=False))
    sys.exit(1 if result.diagnostics else 0)


def register(group: click.Group) -> None:
    group.add_command(parse_command)
