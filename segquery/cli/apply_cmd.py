"""`segquery apply [DIRECTORY]`: send a plan (made now, or read with --plan) to the org.

Exit status: 0 when every request succeeded (or there was nothing to do), 1 when
a request failed (the report says what was done and what was not), a segment
was refused, or a new id could not be written into a file that changed since
the plan, 2 when the org cannot be reached or nothing could confirm.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from segquery.cli.org_options import org_options, reports_org_failures


@click.command("apply")
@click.argument("directory", type=click.Path(exists=True, file_okay=False), default="segments")
@click.option("--plan", "plan_file", type=click.Path(exists=True, dir_okay=False),
              help="Send this plan (from `segquery plan --out`) instead of making one now.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for CI).")
@org_options
@reports_org_failures("apply")
def apply_command(directory: str, plan_file: str | None, yes: bool, org_url: str | None, auth: str,
                  config_path: str | None) -> None:
    """Create and update the org's segments as the plan says, stopping at the first failure."""
    from segquery.org.apply import apply_plan
    from segquery.org.connect import open_client, org_settings
    from segquery.org.errors import OrgError
    from segquery.org.plan import Plan
    from segquery.org.planning import plan_for

    settings = org_settings(org_url, config=config_path)
    with open_client(settings, auth) as client:
        if plan_file:
            try:
                plan = Plan.from_json(json.loads(Path(plan_file).read_text(encoding="utf-8")))
            except ValueError as error:
                raise OrgError(f"{plan_file}: not a segquery plan: {error}") from None
        else:
            plan = plan_for(client, Path(directory))
        click.echo(plan.render_text())
        if plan.is_empty:
            sys.exit(1 if plan.refused else 0)
        if not yes:
            if not can_confirm():
                click.echo("segquery apply: nothing sent: give --yes to apply without a terminal to confirm on",
                           err=True)
                sys.exit(2)
            if not click.confirm(f"Send these {len(plan.steps)} request(s) to {plan.org}?", default=False):
                click.echo("Nothing sent.", err=True)
                sys.exit(1)
        report = apply_plan(client, plan)
    click.echo(report.render_text(plan.api_root))
    sys.exit(0 if report.ok and not plan.refused and not report.ids_not_written else 1)


def can_confirm() -> bool:
    """Whether a person can answer the confirmation: standard input is a terminal."""
    return sys.stdin.isatty()


def register(group: click.Group) -> None:
    group.add_command(apply_command)
