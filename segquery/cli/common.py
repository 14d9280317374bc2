"""Helpers shared by commands: `-` for standard input, and printing text the way it was read."""

from __future__ import annotations

import click

from segquery.files import Stored

STDIN = "-"


def echo_as_stored(text: str, stored: Stored) -> None:
    """Print a text read from standard input back on standard output, in its encoding (and byte-order mark)."""
    click.echo(stored.encoding.encode(text), nl=False)
