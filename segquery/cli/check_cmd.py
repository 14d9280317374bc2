"""`segquery check PATH...|-`: report every finding, exit 1 when there is one."""

from __future__ import annotations

import sys

import click

from segquery.cli.common import STDIN, read_stdin
from segquery.engine import check_paths, check_text
from segquery.output.text import render_text, summary_line


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--quiet", "-q", is_flag=True, help="Print only the findings, no summary.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def check_command(paths: tuple[str, ...], quiet: bool, exit_zero: bool) -> None:
    """Check query files (directories are searched for *.segq; - reads standard input)."""
    if not paths:
        paths = (".",)
    reports = []
    file_paths = [path for path in paths if path != STDIN]
    if STDIN in paths:
        reports.append(check_text(read_stdin(), path=None))
    reports.extend(check_paths(file_paths))
    text = render_text(reports)
    if text:
        click.echo(text)
    if not quiet:
        click.echo(summary_line(reports))
    findings = any(report.diagnostics for report in reports)
    sys.exit(1 if findings and not exit_zero else 0)


def register(group: click.Group) -> None:
    group.add_command(check_command)
