"""`segquery sample-data DIR --contacts N`: a synthetic dataset to try queries on."""

from __future__ import annotations

from datetime import datetime, timezone

import click

from segquery.sample_data import generate


@click.command("sample-data")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--contacts", type=click.IntRange(min=1), required=True, help="How many contacts to write.")
@click.option("--interactions", type=click.IntRange(min=0),
              help="How many interactions to write, outbound and real-time together [default: ten per contact].")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed writes the same files.")
@click.option("--now", type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
              help="The (UTC) time the data run up to [default: today, 00:00 UTC].")
def sample_data_command(directory: str, contacts: int, interactions: int | None, seed: int,
                        now: datetime | None) -> None:
    """Write a synthetic dataset into DIRECTORY: one CSV file per table, shaped like a Dataverse export."""
    try:
        rows = generate(directory, contacts=contacts, seed=seed, interactions=interactions,
                        now=now.replace(tzinfo=timezone.utc) if now is not None else None)
    except OSError as error:
        raise click.UsageError(f"cannot write the dataset to {directory}: {error.strerror or error}") from None
    click.echo(f"Wrote {sum(rows.values()):,} rows in {len(rows)} tables to {directory}")


def register(group: click.Group) -> None:
    group.add_command(sample_data_command)
