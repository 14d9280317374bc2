"""Options and error reports shared by the commands that run a query over data (sql, preview)."""

from __future__ import annotations

import functools
import sys
from datetime import datetime
from typing import Any, Callable

import click

from segquery.cli.common import color_option, output_style
from segquery.cli.printing import echo_blocks
from segquery.diagnostics import Diagnostic
from segquery.report import FileReport
from segquery.files import UnreadableFile
from segquery.output.text import text_blocks
from segquery.query_plan.inputs import QueryInput, parse_now, read_query
from segquery.syntax.codes import NOT_A_REGULAR_FILE, UNREADABLE_FILE
from segquery.syntax.dialects import dialect_settings

_OPTIONS = (
    click.option("--now", "now_text", metavar="ISO-DATE",
                 help="The moment DATETIMEUTCNOW() and HAVING windows are relative to (UTC; default: now)."),
    click.option("--schema", type=click.Path(exists=True, dir_okay=False),
                 help="A schema file (JSON or Dataverse $metadata) instead of the configured one."),
    click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                 help="A configuration file instead of the one found from FILE's folder."),
    click.option("--query-dialect", type=click.Choice(dialect_settings(), case_sensitive=False), default=None,
                 help="The dialect FILE is written in (outbound, realtime, or auto to read it from the text), "
                      "instead of the configured one."),
    click.option("--workspace", multiple=True, type=click.Path(exists=True),
                 help="Where SEGMENT(x) references are found (repeatable; default: FILE's folder)."),
    color_option,
)


def query_options(command: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


def run_input(file: str, options: dict[str, Any]) -> tuple[QueryInput, datetime, str]:
    """Read FILE as the options say; print its parse errors and exit 1 when it has any."""
    color = options["color"]
    try:
        now = parse_now(options["now_text"])
    except ValueError:
        raise click.BadParameter(f"{options['now_text']!r} is no ISO date or date and time",
                                 param_hint="--now") from None
    try:
        loaded = read_query(file, schema=options["schema"], config=options["config_path"],
                            dialect=options["query_dialect"], workspace=options["workspace"])
    except UnreadableFile as error:
        if error.diagnostic.code in (UNREADABLE_FILE, NOT_A_REGULAR_FILE):
            raise click.UsageError(f"cannot read {file}: {error.reason}") from None
        report = FileReport(None if file == "-" else file, error.source, [error.diagnostic])
        echo_blocks(text_blocks([report], style=output_style(color, err=True)), err=True)
        sys.exit(1)
    if loaded.errors or loaded.query is None:
        print_problems(loaded, loaded.errors, color)
        sys.exit(1)
    return loaded, now, color


def print_problems(loaded: QueryInput, diagnostics: list[Diagnostic], color: str) -> None:
    """The diagnostics, with the source lines they point at, on standard error."""
    style = output_style(color, err=True)
    echo_blocks(text_blocks([FileReport(loaded.path, loaded.source, diagnostics)], style=style), style, err=True)
