"""Printing long reports as they are made, a block at a time."""

from __future__ import annotations

from typing import IO, Iterable

import click

from segquery.output.style import PLAIN, Style


def echo_blocks(blocks: Iterable[str], style: Style = PLAIN, *, file: IO[str] | None = None,
                err: bool = False) -> bool:
    """Print each block on its own line(s) as soon as it is made; True when anything was printed.

    A report with thousands of findings is never held whole in memory.
    """
    printed = False
    for block in blocks:
        click.echo(block, file=file, err=err, color=True if style.enabled else None)
        printed = True
    return printed
