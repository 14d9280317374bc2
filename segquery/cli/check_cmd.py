"""`segquery check PATH...|-`: report every finding; exit 1 when one remains.

Exit status: 0 clean, 1 findings (or, with --diff, files that fixes would
change), 2 usage, configuration or internal error, or a fixed file that could
not be written (whatever --exit-zero says).
"""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from dataclasses import replace
from typing import IO, Iterable, Iterator, cast

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
from segquery.cli.printing import echo_blocks
from segquery.config import QUERY_KINDS, ConfigError, selector_problem, target_problem
from segquery.check_options import CheckOptions
from segquery.checking import check_paths
from segquery.output.formats import OUTPUT_FORMATS, render_machine
from segquery.output.style import PLAIN
from segquery.output.text import fix_summary, summary_line, text_blocks
from segquery.org.auth import AUTH_MODES
from segquery.file_selection import FileSelection
from segquery.files import UnreadableFile, WriteFailed, read_stdin, write_text
from segquery.report import FileReport


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


def _target(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A profile type name, checked as the configuration's `target` is."""
    problem = target_problem(value) if value is not None else None
    if problem:
        raise click.BadParameter(problem, ctx=ctx, param=param)
    return value


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
@click.option("--target", metavar="PROFILE", callback=_target,
              help="The profile type dynamic segments must end on.")
@dialect_option
@click.option("--statistics", is_flag=True, help="Print how many findings of each code, instead of each finding.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the findings, no summary.")
@click.option("--stdin-filename", metavar="PATH",
              help="The path standard input stands for (for configuration, kinds and .json detection).")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes for many files (default: one per CPU).")
@click.option("--no-cache", is_flag=True, envvar="SEGQUERY_NO_CACHE",
              help="Neither read nor write the check cache (also: SEGQUERY_NO_CACHE=1).")
@click.option("--output-file", type=click.Path(dir_okay=False, writable=True),
              help="Write the findings to this file instead of standard output.")
@click.option("--show-fixes", is_flag=True, help="List the fixes applied (with --fix) or available, per file and code.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report only findings that are not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record today's findings in this baseline file (and exit 0).")
@click.option("--remote", is_flag=True,
              help="Send each outbound segment's query to the org's own validation (msdyncrm_ValidateSegment) "
                   "and report where its verdict and segquery's differ.")
@click.option("--org", "org_url", metavar="URL", help="With --remote: the org, instead of [tool.segquery.org] url.")
@click.option("--auth", type=click.Choice(AUTH_MODES), default="default", show_default=True,
              help="With --remote: how to sign in (see `segquery pull --help`).")
@file_selection_options
@color_option
def check_command(paths: tuple[str, ...], output_format: str, fix: bool, unsafe_fixes: bool, show_diff: bool,
                  select: tuple[str, ...] | None, extend_select: tuple[str, ...] | None,
                  ignore: tuple[str, ...] | None, config_path: str | None, kind: str | None, schema: str | None,
                  target: str | None, dialect: str | None, statistics: bool, exit_zero: bool, quiet: bool,
                  stdin_filename: str | None, jobs: int | None, no_cache: bool, output_file: str | None,
                  show_fixes: bool, baseline_path: str | None, write_baseline_path: str | None, remote: bool,
                  org_url: str | None, auth: str, color: str, files: FileSelection) -> None:
    """Check query files (directories are searched for *.segq; - or --stdin-filename reads standard input)."""
    if remote:
        from segquery.cli.remote_check import run_remote_check

        run_remote_check(paths, org_url, auth, config_path, output_format)
    paths = input_paths(paths, stdin_filename)
    options = CheckOptions(config=config_path, select=select, extend_select=extend_select or (),
                           ignore=ignore or (), kind=kind.lower() if kind else None, schema=schema, target=target,
                           dialect=dialect.lower() if dialect else None, fix=fix or show_diff,
                           unsafe_fixes=unsafe_fixes, jobs=jobs, files=files, cache=not no_cache)
    try:
        stdin_report, reports = _run(paths, options, stdin_filename)
    except ConfigError as error:
        click.echo(f"segquery: configuration error: {error}", err=True)
        sys.exit(2)
    if not reports:
        click.echo("segquery: warning: no query files found: directories are searched for *.segq files; "
                   "name .json and .http request files explicitly", err=True)

    if show_diff:
        from segquery.output.diff import render_diff

        style = output_style(color)
        diff = render_diff(reports, style=style)
        if diff:
            echo(diff, style, nl=False)
        changed = sum(1 for report in reports if report.changed)
        if not quiet:
            fixes = sum(sum(report.fixed.values()) for report in reports)
            click.echo(f"Would fix {fixes} problem{'s' if fixes != 1 else ''} in {changed} "
                       f"file{'s' if changed != 1 else ''}.", err=True)
        sys.exit(1 if changed and not exit_zero else 0)

    unwritten: list[str] = []
    if fix:
        reports, unwritten = _write_fixes(reports, options, skip=stdin_report)
    _print_problems(reports)
    for problem in unwritten:
        click.echo(f"segquery: {problem}", err=True)
    if write_baseline_path is not None:
        from segquery.baseline import write_baseline

        recorded = write_baseline(reports, write_baseline_path)
        click.echo(f"Recorded {recorded} finding{'s' if recorded != 1 else ''} in {write_baseline_path}.", err=True)
        sys.exit(2 if unwritten else 0)
    if baseline_path is not None:
        reports = _without_baselined(reports, baseline_path, quiet)
    stdin_fixed = fix and stdin_report is not None and stdin_report.stored is not None
    with _findings_output(output_file) as out:
        _print_findings(reports, output_format, statistics, quiet, fix, unsafe_fixes, out=out,
                        err=stdin_fixed and out is None, color=color)
        if show_fixes:
            _print_fix_list(reports, fixing=fix, out=out, err=stdin_fixed and out is None)
    if stdin_fixed and stdin_report is not None and stdin_report.stored is not None:
        echo_as_stored(stdin_report.source.text, stdin_report.stored)
    findings = any(report.diagnostics for report in reports)
    sys.exit(2 if unwritten else 1 if findings and not exit_zero else 0)


def _without_baselined(reports: list[FileReport], baseline_path: str, quiet: bool) -> list[FileReport]:
    from segquery.baseline import BaselineError, apply_baseline  # only runs with a baseline read it

    try:
        outcome = apply_baseline(reports, baseline_path)
    except BaselineError as error:
        click.echo(f"segquery: {error}", err=True)
        sys.exit(2)
    if outcome.stale and not quiet:
        click.echo(f"segquery: {outcome.stale} finding{'s' if outcome.stale != 1 else ''} of the baseline "
                   f"no longer occur{'s' if outcome.stale == 1 else ''}: rewrite it with --write-baseline",
                   err=True)
    return outcome.reports


@contextlib.contextmanager
def _findings_output(output_file: str | None) -> Iterator[IO[str] | None]:
    """The file findings go to with --output-file (None: standard output)."""
    if output_file is None:
        yield None
        return
    try:
        handle = open(output_file, "w", encoding="utf-8", newline="\n")
    except OSError as error:
        click.echo(f"segquery: cannot write {output_file}: {error.strerror or error}", err=True)
        sys.exit(2)
    with handle:
        yield handle


def _print_fix_list(reports: list[FileReport], *, fixing: bool, out: IO[str] | None, err: bool) -> None:
    """--show-fixes: what fixes did (or could do), per file and code."""
    from segquery.rules.summary import find_rule

    lines = []
    for report in reports:
        counts = report.fixed if fixing else Counter(d.code for d in report.diagnostics if d.fix is not None)
        for code, count in sorted(counts.items()):
            rule = find_rule(code)
            name = f" ({rule.name})" if rule else ""
            lines.append(f"  {report.path or '-'}: {count} × {code}{name}")
    heading = "Fixed:" if fixing else "Fixes available:"
    click.echo("\n".join([heading, *lines]) if lines else f"{heading} none.", file=out, err=err)


def _run(paths: tuple[str, ...], options: CheckOptions,
         stdin_filename: str | None) -> tuple[FileReport | None, list[FileReport]]:
    """The report of standard input (if read) and the reports of all inputs, in order."""
    reports: list[FileReport] = []
    stdin_report = None
    if STDIN in paths:
        try:
            stdin = read_stdin(stdin_filename)
        except UnreadableFile as error:
            stdin_report = FileReport(stdin_filename, error.source, [error.diagnostic])
        else:
            from segquery.engine import check_stdin

            stdin_report = check_stdin(stdin.text, stdin_filename, options)
            stdin_report.stored = stdin.stored
        reports.append(stdin_report)
    file_paths = [path for path in paths if path != STDIN]
    if file_paths:
        reports.extend(check_paths(file_paths, options=options))
    return stdin_report, reports


def _write_fixes(reports: Iterable[FileReport], options: CheckOptions, *,
                 skip: FileReport | None) -> tuple[list[FileReport], list[str]]:
    """Write every fixed file (but `skip`, standard input). Returns the reports, where a file that
    could not be written is reported as it still is on disk (checked again without fixes), and
    one message per such file."""
    written: list[FileReport] = []
    problems: list[str] = []
    for report in reports:
        if report is not skip and report.changed and report.path is not None and report.stored is not None:
            try:
                write_text(report.path, report.source.text, report.stored)
            except WriteFailed as error:
                from segquery.engine import check_text

                problems.append(str(error))
                report = check_text(cast(str, report.original), path=report.path, options=replace(options, fix=False))
        written.append(report)
    return written, problems


def _print_problems(reports: list[FileReport]) -> None:
    for report in reports:
        if report.fix_problem:
            click.echo(f"segquery: {report.path or '-'}: {report.fix_problem}", err=True)


def _print_findings(reports: list[FileReport], output_format: str, statistics: bool, quiet: bool, fixing: bool,
                    unsafe_fixes: bool, *, out: IO[str] | None, err: bool, color: str) -> None:
    """The findings in the chosen format; text in colour when it goes to a terminal (never to --output-file)."""
    style = PLAIN if out is not None or output_format != "text" or statistics else output_style(color, err=err)

    def print_block(text: str) -> None:
        if text:
            echo(text, style, file=out, err=err)

    if statistics:
        from segquery.output.statistics import count_codes, render_statistics, render_statistics_json

        rows = count_codes(reports, unsafe_fixes=unsafe_fixes)
        print_block(render_statistics_json(rows) if output_format == "json" else render_statistics(rows))
    elif output_format != "text":
        print_block(render_machine(output_format, reports, unsafe_fixes=unsafe_fixes))
    else:
        echo_blocks(text_blocks(reports, style=style), style, file=out, err=err)
        if not quiet:
            print_block(summary_line(reports))
            print_block(fix_summary(reports, fixing=fixing, unsafe_fixes=unsafe_fixes, style=style))


def register(group: click.Group) -> None:
    group.add_command(check_command)
