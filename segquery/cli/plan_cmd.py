"""`segquery plan [DIRECTORY]`: the requests that would bring the org to the repository's segments.

Exit status: 0 when every segment could be planned, 1 when one is refused (an
invalid query, or one that depends on it), 2 when the org cannot be reached.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from segquery.cli.org_options import org_options, reports_org_failures


@click.command("plan")
@click.argument("directory", type=click.Path(exists=True, file_okay=False), default="segments")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--out", "out_file", type=click.Path(dir_okay=False),
              help="Also write the plan as JSON to this file, for `segquery apply --plan`.")
@org_options
@reports_org_failures("plan")
def plan_command(directory: str, output_format: str, out_file: str | None, org_url: str | None, auth: str,
                 config_path: str | None) -> None:
    """Compare the segments of DIRECTORY (default: segments) with the org's, in dependency order."""
    from segquery.org.connect import open_client, org_settings
    from segquery.org.planning import plan_for

    settings = org_settings(org_url, config=config_path)
    with open_client(settings, auth) as client:
        plan = plan_for(client, Path(directory))
    text = json.dumps(plan.to_json(), indent=2, ensure_ascii=False)
    if out_file:
        Path(out_file).write_text(text + "\n", encoding="utf-8")
    click.echo(text if output_format == "json" else plan.render_text())
    sys.exit(1 if plan.refused else 0)


def register(group: click.Group) -> None:
    group.add_command(plan_command)
