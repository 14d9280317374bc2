"""`segquery format [PATH...|-]`: rewrite query files in the canonical layout.

Exit status, as `ruff format`: 0 when all went well (and, with --check or
--diff, nothing would change); 1 with --check or --diff when a file would
change; 2 when a file cannot be read, has syntax errors or cannot be written
(it is reported and left as it is), or the configuration is invalid. An error
wins over changes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import click

from segquery.cli.common import (
    STDIN,
    color_option,
    dialect_option,
    echo,
    echo_as_stored,
    file_selection_options,
    input_paths,
    output_style,
)
from segquery.config import Config, ConfigError, ConfigFinder
from segquery.engine import FileReport, iter_query_files
from segquery.file_selection import Exclusion, FileSelection
from segquery.files import (
    Stored,
    TextFile,
    UnreadableFile,
    WriteFailed,
    read_stdin,
    read_text,
    write_text,
)
from segquery.format import DEFAULT_LINE_LENGTH, TokenMismatch, format_text
from segquery.output.diff import render_diff
from segquery.output.text import render_text
from segquery.source import SourceText
from segquery.dialect_choice import choose_dialect_of_text
from segquery.syntax.parser import ParseError


@dataclass
class _Outcome:
    """One input: its text before and after, or the report of why it was not formatted."""

    path: str | None          # None for standard input
    original: str = ""
    stored: Stored | None = None   # how the input was stored (None when it could not be read)
    formatted: str | None = None
    error: FileReport | None = None
    problem: str | None = None   # an error without a diagnostic

    @property
    def changed(self) -> bool:
        return self.formatted is not None and self.formatted != self.original

    @property
    def failed(self) -> bool:
        return self.error is not None or self.problem is not None


@click.command("format")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--check", is_flag=True, help="Write nothing; list the files that would change (exit 1 if any).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Write nothing; print the changes as a unified diff (exit 1 if any).")
@click.option("--line-length", type=click.IntRange(1, 1000), metavar="N",
              help=f"The line length (default: the configured `line-length`, else {DEFAULT_LINE_LENGTH}).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Use this configuration file instead of discovering one per file.")
@click.option("--stdin-filename", metavar="PATH",
              help="The path standard input stands for (to find its configuration and to name it in messages).")
@dialect_option
@file_selection_options
@color_option
def format_command(paths: tuple[str, ...], check: bool, show_diff: bool, line_length: int | None,
                   config_path: str | None, stdin_filename: str | None, dialect: str | None, color: str,
                   files: FileSelection) -> None:
    """Format query files in place (directories are searched for *.segq; - or --stdin-filename formats standard
    input to standard output)."""
    paths = input_paths(paths, stdin_filename)
    try:
        finder = ConfigFinder(Path(config_path) if config_path else None)
        outcomes = _format_all(paths, finder, line_length, stdin_filename, files, dialect)
    except ConfigError as error:
        click.echo(f"segquery: configuration error: {error}", err=True)
        sys.exit(2)

    changed = [outcome for outcome in outcomes if outcome.changed]
    stdin = next((outcome for outcome in outcomes if outcome.path is None), None)
    if not (check or show_diff):
        _write(changed)

    errors = [outcome.error for outcome in outcomes if outcome.error is not None]
    if errors:
        error_style = output_style(color, err=True)
        echo(render_text(errors, style=error_style), error_style, err=True)
    for outcome in outcomes:
        if outcome.problem:
            click.echo(f"segquery: {outcome.path or '-'}: {outcome.problem}", err=True)

    style = output_style(color)
    if show_diff:
        diff = render_diff((FileReport(outcome.path if outcome.path is not None else stdin_filename,
                                       SourceText(cast(str, outcome.formatted)), original=outcome.original)
                            for outcome in changed), style=style)
        if diff:
            echo(diff, style, nl=False)
    elif check:
        for outcome in changed:
            echo(f"Would reformat: {style.path(_name(outcome, stdin_filename))}", style)
    elif stdin is not None and stdin.formatted is not None:
        echo_as_stored(stdin.formatted, cast(Stored, stdin.stored))  # an input that was read was stored

    summary = _summary(outcomes, dry_run=check or show_diff)
    if summary and not (stdin is not None and len(outcomes) == 1):
        click.echo(summary, err=show_diff or stdin is not None)
    if any(outcome.failed for outcome in outcomes):
        sys.exit(2)
    sys.exit(1 if (check or show_diff) and changed else 0)


def _format_all(paths: tuple[str, ...], finder: ConfigFinder, line_length: int | None,
                stdin_filename: str | None, selection: FileSelection, dialect: str | None) -> list[_Outcome]:
    outcomes = []
    if STDIN in paths:
        config = finder.for_path(Path(stdin_filename) if stdin_filename else None)
        try:
            stdin = read_stdin(stdin_filename)
        except UnreadableFile as error:
            outcomes.append(_Outcome(None, error=FileReport(stdin_filename, error.source, [error.diagnostic])))
        else:
            setting = dialect or config.dialect_for(Path(stdin_filename) if stdin_filename else None)
            outcomes.append(_format_one(None, stdin, _line_length(line_length, config), stdin_filename, setting))
    files = [path for path in paths if path != STDIN]
    for path in iter_query_files(files, Exclusion(finder, selection).walk_rules()):
        config = finder.for_path(path)
        try:
            file = read_text(path)
        except UnreadableFile as error:
            outcomes.append(_Outcome(str(path), error=FileReport(str(path), error.source, [error.diagnostic])))
            continue
        outcomes.append(_format_one(str(path), file, _line_length(line_length, config), None,
                                    dialect or config.dialect_for(Path(path))))
    return outcomes


def _write(changed: list[_Outcome]) -> None:
    """Rewrite each changed file; one that cannot be written is left as it was and becomes a problem."""
    for outcome in changed:
        if outcome.path is None:
            continue
        try:
            # A changed file was read (so stored) and formatted.
            write_text(outcome.path, cast(str, outcome.formatted), cast(Stored, outcome.stored))
        except WriteFailed as error:
            outcome.formatted = None
            outcome.problem = error.reason


def _line_length(option: int | None, config: Config) -> int:
    """The command line wins over the configuration (whose default is the formatter's)."""
    return option if option is not None else config.line_length


def _format_one(path: str | None, file: TextFile, line_length: int, display: str | None,
                dialect_setting: str) -> _Outcome:
    text = file.text
    dialect = choose_dialect_of_text(text, dialect_setting).dialect
    try:
        return _Outcome(path, text, file.stored, format_text(text, line_length=line_length, dialect=dialect))
    except ParseError as error:
        name = path if path is not None else display
        return _Outcome(path, text, file.stored,
                        error=FileReport(name, SourceText(text, name), list(error.diagnostics)))
    except TokenMismatch as error:
        return _Outcome(path, text, file.stored, problem=f"cannot format this file: {error}")


def _name(outcome: _Outcome, stdin_filename: str | None) -> str:
    return outcome.path if outcome.path is not None else (stdin_filename or STDIN)


def _summary(outcomes: list[_Outcome], *, dry_run: bool) -> str:
    def files(count: int) -> str:
        return f"{count} file{'s' if count != 1 else ''}"

    changed = sum(1 for outcome in outcomes if outcome.changed)
    failed = sum(1 for outcome in outcomes if outcome.failed)
    unchanged = len(outcomes) - changed - failed
    parts = []
    if changed:
        parts.append(f"{files(changed)} {'would be reformatted' if dry_run else 'reformatted'}")
    if unchanged:
        parts.append(f"{files(unchanged)} {'already formatted' if dry_run else 'left unchanged'}")
    if failed:
        parts.append(f"{files(failed)} not formatted because of errors")
    return ", ".join(parts) + "." if parts else "No files to format."


def register(group: click.Group) -> None:
    group.add_command(format_command)
