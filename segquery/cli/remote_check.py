"""`segquery check --remote`: the service's verdict on each outbound query beside segquery's.

Exit status: 0 when they agree on every segment, 1 when they differ on one, 2 when
the org cannot be reached.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from segquery.cli.org_options import org_failures


def run_remote_check(paths: tuple[str, ...], org_url: str | None, auth: str, config_path: str | None,
                     output_format: str) -> None:
    from segquery.org.connect import open_client, org_settings
    from segquery.org.remote_check import remote_check, render_verdicts

    with org_failures("check --remote"):
        settings = org_settings(org_url, config=config_path)
        verdicts = []
        with open_client(settings, auth) as client:
            for path in paths or (".",):
                if not Path(path).is_dir():
                    raise click.UsageError(f"--remote checks the segments of directories; {path} is not one")
                verdicts += remote_check(client, Path(path))
    if output_format == "json":
        click.echo(json.dumps([verdict.to_json() for verdict in verdicts], indent=2, ensure_ascii=False))
    else:
        click.echo(render_verdicts(verdicts))
    sys.exit(1 if any(verdict.differs for verdict in verdicts) else 0)
