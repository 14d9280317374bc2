"""`segquery check PATH...|-`: report every finding; exit 1 when one remains.

Exit status: 0 clean, 1 findings (or, with --diff, files that fixes would
change), 2 usage, configuration or internal error.
"""

from __future__ import annotations

import sys

import click

from segquery.cli.common import STDIN, read_stdin
from segquery.config import QUERY_KINDS, ConfigError, selector_problem
from segquery.engine import (
    CheckOptions,
    FileReport,
    SettingsResolver,
    check_paths,
    check_text,
)
from segquery.output.diff import render_diff
from segquery.output.github import render_github
from segquery.output.json_output import render_json
from segquery.output.sarif import render_sarif
from segquery.output.statistics import (
    count_codes,
    render_statistics,
    render_statistics_json,
)
from segquery.output.text import fix_summary, render_text, summary_line
from segquery.syntax.parser import write_source_file

OUTPUT_FORMATS = ("text", "json", "sarif", "github")


def _selectors(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...] | None:
    """Comma-separated (and repeatable) rule selectors, each checked against the rule table."""
    if not values:
        return None
    selectors = tuple(part.strip().upper() for value in values for part in value.split(",") if part.strip())
    for selector in selectors:
        problem = selector_problem(selector)
        if problem:
            raise click.BadParameter(problem, ctx=ctx, param=param)
    return selectors


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True,
              help="How to print the findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes and write the files (with -, print the fixed text).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply (with --fix) or offer unsafe fixes.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the changes fixes would make, without writing them.")
@click.option("--select", multiple=True, callback=_selectors, metavar="CODES",
              help="Only these codes or prefixes (comma-separated), instead of the configured selection.")
@click.option("--extend-select", multiple=True, callback=_selectors, metavar="CODES",
              help="These codes or prefixes in addition to the selection.")
@click.option("--ignore", multiple=True, callback=_selectors, metavar="CODES",
              help="Leave out these codes or prefixes.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Use this configuration file instead of discovering one per file.")
@click.option("--kind", type=click.Choice(QUERY_KINDS, case_sensitive=False),
              help="The query kind of every file (a `// segquery: kind = ...` directive still wins).")
@click.option("--schema", type=click.Path(exists=True, dir_okay=False),
              help="A schema file (JSON or Dataverse $metadata) instead of the configured one.")
@click.option("--target", metavar="PROFILE", help="The profile type dynamic segments must end on.")
@click.option("--statistics", is_flag=True, help="Print how many findings of each code, instead of each finding.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the findings, no summary.")
@click.option("--stdin-filename", metavar="PATH",
              help="The path standard input stands for (for configuration, kinds and .json detection).")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes for many files (default: one per CPU).")
def check_command(paths: tuple[str, ...], output_format: str, fix: bool, unsafe_fixes: bool, show_diff: bool,
                  select: tuple[str, ...] | None, extend_select: tuple[str, ...] | None,
                  ignore: tuple[str, ...] | None, config_path: str | None, kind: str | None, schema: str | None,
                  target: str | None, statistics: bool, exit_zero: bool, quiet: bool, stdin_filename: str | None,
                  jobs: int | None) -> None:
    """Check query files (directories are searched for *.segq; - reads standard input)."""
    if not paths:
        paths = (".",)
    options = CheckOptions(config=config_path, select=select, extend_select=extend_select or (),
                           ignore=ignore or (), kind=kind.lower() if kind else None, schema=schema, target=target,
                           fix=fix or show_diff, unsafe_fixes=unsafe_fixes, jobs=jobs)
    try:
        stdin_report, reports = _run(paths, options, stdin_filename)
    except ConfigError as error:
        click.echo(f"segquery: configuration error: {error}", err=True)
        sys.exit(2)
    if not reports:
        click.echo("segquery: warning: no query files found: directories are searched for *.segq files; "
                   "name .json and .http request files explicitly", err=True)

    if show_diff:
        diff = render_diff(reports)
        if diff:
            click.echo(diff, nl=False)
        changed = sum(1 for report in reports if report.changed)
        if not quiet:
            fixes = sum(sum(report.fixed.values()) for report in reports)
            click.echo(f"Would fix {fixes} problem{'s' if fixes != 1 else ''} in {changed} "
                       f"file{'s' if changed != 1 else ''}.", err=True)
        sys.exit(1 if changed and not exit_zero else 0)

    stdin_fixed = None
    if fix:
        _write_fixes(report for report in reports if report is not stdin_report)
        stdin_fixed = stdin_report.source.text if stdin_report is not None else None
    _print_problems(reports)
    out_to_stderr = stdin_fixed is not None
    _print_findings(reports, output_format, statistics, quiet, fix, unsafe_fixes, err=out_to_stderr)
    if stdin_fixed is not None:
        click.echo(stdin_fixed, nl=False)
    findings = any(report.diagnostics for report in reports)
    sys.exit(1 if findings and not exit_zero else 0)


def _run(paths: tuple[str, ...], options: CheckOptions,
         stdin_filename: str | None) -> tuple[FileReport | None, list[FileReport]]:
    """The report of standard input (if read) and the reports of all inputs, in order."""
    reports: list[FileReport] = []
    stdin_report = None
    if STDIN in paths:
        stdin_report = check_text(read_stdin(), path=stdin_filename, options=options,
                                  resolver=SettingsResolver(options))
        reports.append(stdin_report)
    file_paths = [path for path in paths if path != STDIN]
    if file_paths:
        reports.extend(check_paths(file_paths, options=options))
    return stdin_report, reports


def _write_fixes(reports) -> None:
    for report in reports:
        if report.changed and report.path is not None:
            write_source_file(report.path, report.source.text)


def _print_problems(reports: list[FileReport]) -> None:
    for report in reports:
        if report.fix_problem:
            click.echo(f"segquery: {report.path or '-'}: {report.fix_problem}", err=True)


def _print_findings(reports: list[FileReport], output_format: str, statistics: bool, quiet: bool, fixing: bool,
                    unsafe_fixes: bool, *, err: bool) -> None:
    if statistics:
        rows = count_codes(reports, unsafe_fixes=unsafe_fixes)
        text = render_statistics_json(rows) if output_format == "json" else render_statistics(rows)
        if text:
            click.echo(text, err=err)
        return
    if output_format == "json":
        click.echo(render_json(reports, unsafe_fixes=unsafe_fixes), err=err)
    elif output_format == "sarif":
        click.echo(render_sarif(reports), err=err)
    elif output_format == "github":
        text = render_github(reports)
        if text:
            click.echo(text, err=err)
    else:
        text = render_text(reports)
        if text:
            click.echo(text, err=err)
        if not quiet:
            click.echo(summary_line(reports), err=err)
            hints = fix_summary(reports, fixing=fixing, unsafe_fixes=unsafe_fixes)
            if hints:
                click.echo(hints, err=err)


def register(group: click.Group) -> None:
    group.add_command(check_command)
