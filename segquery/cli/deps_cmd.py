"""`segquery deps [PATH...]`: the reference graph of a workspace of segments.

Exit status: 0 when the workspace has no error diagnostic, 1 when it has one
(or a requested order or expansion cannot be given), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from typing import cast

import click


from segquery.cli.common import color_option, dialect_option, file_selection_options, output_style
from segquery.cli.printing import echo_blocks
from segquery.cli.workspace_input import load_workspace
from segquery.config import ConfigError
from segquery.diagnostics import Severity
from segquery.report import FileReport
from segquery.file_selection import FileSelection
from segquery.output.text import text_blocks
from segquery.source import SourceText
from segquery.workspace import DEFAULT_MAX_DEPTH, CycleError, ExpandError, SegmentLookupError, Workspace
from segquery.workspace.render import render_dot, render_json, render_mermaid, render_tree

FORMATS = ("text", "json", "dot", "mermaid")


@click.command("deps")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="How to print the graph (dot and mermaid only for the graph itself).")
@click.option("--order", is_flag=True, help="Print the go-live order: each segment after those it references.")
@click.option("--reverse", is_flag=True, help="With --order: the stop/delete order, dependents first.")
@click.option("--dependents", "dependents_of", metavar="NAME", help="Print the segments that depend on NAME.")
@click.option("--expand", "expand_name", metavar="NAME", help="Print NAME's query with every reference inlined.")
@click.option("--keep-interactions", is_flag=True,
              help="With --expand: keep SEGMENT(x) of interaction segments used as set operands.")
@click.option("--max-depth", type=click.IntRange(min=1), default=DEFAULT_MAX_DEPTH, show_default=True,
              help="Longest allowed chain of references (W007).")
@dialect_option
@file_selection_options
@color_option
def deps_command(paths: tuple[str, ...], output_format: str, order: bool, reverse: bool, dependents_of: str | None,
                 expand_name: str | None, keep_interactions: bool, max_depth: int, dialect: str | None, color: str,
                 files: FileSelection) -> None:
    """Resolve SEGMENT(...) references across .segq and JSON files (directories are searched, leaving out
    what the configuration's `exclude` and the ignore files leave out, as `check` does)."""
    modes = [flag for flag, given in (("--order", order), ("--dependents", dependents_of is not None),
                                      ("--expand", expand_name is not None)) if given]
    if len(modes) > 1:
        raise click.UsageError(f"{' and '.join(modes)} cannot be combined")
    if reverse and not order:
        raise click.UsageError("--reverse goes with --order")
    if keep_interactions and expand_name is None:
        raise click.UsageError("--keep-interactions goes with --expand")
    if modes and output_format in ("dot", "mermaid"):
        raise click.UsageError(f"--format {output_format} draws the graph; it does not go with {modes[0]}")
    try:
        workspace, _ = load_workspace(paths or (".",), files, max_depth,
                                      dialect=dialect.lower() if dialect else None)
    except ConfigError as error:
        click.echo(f"segquery: configuration error: {error}", err=True)
        sys.exit(2)
    failed = _report(workspace, color)
    if order:
        failed |= _print_order(workspace, reverse, output_format)
    elif dependents_of is not None:
        _print_dependents(workspace, dependents_of, output_format)
    elif expand_name is not None:
        failed |= _print_expansion(workspace, expand_name, output_format, keep_interactions)
    else:
        text = {"text": render_tree, "json": render_json, "dot": render_dot,
                "mermaid": render_mermaid}[output_format](workspace)
        if text:
            click.echo(text)
    sys.exit(1 if failed else 0)


def _report(workspace: Workspace, color: str) -> bool:
    """Print every diagnostic on standard error (standard output stays machine-readable); True on errors."""
    reports = []
    for path in workspace.files:
        found = workspace.diagnostics_for(path, syntax=True)
        if found:
            reports.append(FileReport(path, cast(SourceText, workspace.source(path)), found))  # a member file
    style = output_style(color, err=True)
    echo_blocks(text_blocks(reports, style=style), style, err=True)
    return any(d.severity is Severity.ERROR for report in reports for d in report.diagnostics)


def _segment_key(workspace: Workspace, name: str) -> str:
    try:
        return workspace.segment(name).key
    except SegmentLookupError as error:
        raise click.UsageError(str(error)) from None


def _print_order(workspace: Workspace, reverse: bool, output_format: str) -> bool:
    try:
        keys = workspace.order(reverse=reverse)
    except CycleError as error:
        click.echo(f"segquery deps: {error}", err=True)
        return True
    if output_format == "json":
        click.echo(json.dumps({"order": keys, "reverse": reverse}, indent=2, ensure_ascii=False))
    else:
        width = len(str(len(keys)))
        for number, key in enumerate(keys, start=1):
            click.echo(f"{number:>{width}}. {key}")
    return False


def _print_dependents(workspace: Workspace, name: str, output_format: str) -> None:
    key = _segment_key(workspace, name)
    direct = workspace.dependents(key, transitive=False)
    indirect = [other for other in workspace.dependents(key) if other not in direct]
    if output_format == "json":
        click.echo(json.dumps({"segment": key, "direct": direct, "indirect": indirect}, indent=2,
                              ensure_ascii=False))
        return
    if not direct:
        click.echo(f"No segment references `{key}`.")
        return
    click.echo(f"Segments that reference `{key}` directly ({len(direct)}):")
    click.echo("\n".join(f"  {other}" for other in direct))
    if indirect:
        click.echo(f"Segments that depend on it through others ({len(indirect)}):")
        click.echo("\n".join(f"  {other}" for other in indirect))


def _print_expansion(workspace: Workspace, name: str, output_format: str, keep_interactions: bool) -> bool:
    key = _segment_key(workspace, name)
    try:
        text = workspace.expand(key, keep_interactions=keep_interactions)
    except ExpandError as error:
        click.echo(f"segquery deps: cannot expand `{key}`: {error}", err=True)
        return True
    if output_format == "json":
        click.echo(json.dumps({"segment": key, "query": text}, indent=2, ensure_ascii=False))
    else:
        click.echo(text)
    return False


def register(group: click.Group) -> None:
    group.add_command(deps_command)
