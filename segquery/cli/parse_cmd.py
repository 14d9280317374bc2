"""`segquery parse FILE|-`: the AST as JSON with spans (and the diagnostics)."""

from __future__ import annotations

import json
import sys

import click

from pathlib import Path

from segquery.cli.common import STDIN, dialect_option
from segquery.config import ConfigError, ConfigFinder
from segquery.dialect_choice import choose_dialect_of_text
from segquery.files import UnreadableFile, read_stdin, read_text
from segquery.output.ast_json import node_to_json
from segquery.syntax.codes import NOT_A_REGULAR_FILE, UNREADABLE_FILE
from segquery.syntax.parser import ParseResult, parse_tolerant


@click.command("parse")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--indent", default=2, show_default=True, help="JSON indentation (0 for one line).")
@dialect_option
def parse_command(file: str, indent: int, dialect: str | None) -> None:
    """Print the syntax tree of FILE (or - for standard input) as JSON, with the dialect it was read in."""
    path = None if file == STDIN else file
    try:
        setting = dialect or ConfigFinder().for_path(Path(path) if path else None).dialect_for(
            Path(path) if path else None)
    except ConfigError as error:
        click.echo(f"segquery: configuration error: {error}", err=True)
        sys.exit(2)
    chosen = None
    try:
        text = (read_stdin() if file == STDIN else read_text(file)).text
        chosen = choose_dialect_of_text(text, setting)
        result = parse_tolerant(text, path=path, dialect=chosen.dialect)
    except UnreadableFile as error:
        if error.diagnostic.code in (UNREADABLE_FILE, NOT_A_REGULAR_FILE):
            raise click.UsageError(f"cannot read {file}: {error.reason}") from None
        result = ParseResult(None, (error.diagnostic,), error.source)   # bytes that are not text: positioned
    payload = {
        "path": path,
        "dialect": chosen.dialect.name if chosen else None,
        "dialect_reason": chosen.reason if chosen else None,
        "ast": node_to_json(result.query, result.source) if result.query is not None else None,
        "diagnostics": [d.to_dict(result.source) for d in result.diagnostics],
    }
    click.echo(json.dumps(payload, indent=indent or None, ensure_ascii=False))
    sys.exit(1 if result.diagnostics else 0)


def register(group: click.Group) -> None:
    group.add_command(parse_command)
