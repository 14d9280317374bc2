"""`segquery pull [DIRECTORY]`: the org's segments into `.segq` and JSON files.

Exit status: 0 when every file is written or unchanged, 1 when a local edit was
kept (rerun with --force to replace it) or a pulled query does not parse, 2 when
the org cannot be reached or refuses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from segquery.cli.org_options import org_options, reports_org_failures


@click.command("pull")
@click.argument("directory", type=click.Path(file_okay=False), default="segments")
@click.option("--force", is_flag=True, help="Replace files that differ from the org (their diff is shown).")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
@org_options
@reports_org_failures("pull")
def pull_command(directory: str, force: bool, output_format: str, org_url: str | None, auth: str,
                 config_path: str | None) -> None:
    """Write the org's segments (outbound and real-time) into DIRECTORY (default: segments)."""
    from segquery.org.connect import open_client, org_settings
    from segquery.org.pull import pull_segments

    settings = org_settings(org_url, config=config_path)
    with open_client(settings, auth) as client:
        result = pull_segments(client, Path(directory), force=force)
    if output_format == "json":
        click.echo(json.dumps({
            "written": result.written, "unchanged": result.unchanged,
            "kept": [path for path, _ in result.kept], "overwritten": [path for path, _ in result.overwritten],
            "unparsable": [{"path": item.path, "problem": item.message} for item in result.flagged]}, indent=2))
    else:
        for path in result.written:
            click.echo(f"{path}: written")
        for path, diff in result.overwritten:
            click.echo(f"{path}: replaced (--force); it differed from the org:\n{diff}", nl=False)
        for path, diff in result.kept:
            click.echo(f"{path}: kept: it differs from the org (rerun with --force to replace it):\n{diff}", nl=False)
        for item in result.flagged:
            click.echo(f"{item.path}:{item.message} (pulled as the org holds it)")
        click.echo(f"{len(result.written) + len(result.overwritten)} written, {len(result.unchanged)} unchanged, "
                   f"{len(result.kept)} kept, {len(result.flagged)} that do not parse", err=True)
    sys.exit(1 if result.kept or result.flagged else 0)


def register(group: click.Group) -> None:
    group.add_command(pull_command)
