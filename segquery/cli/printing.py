"""Printing long reports as they are made, a block at a time."""

from __future__ import annotations

from typing import IO, Iterable

import click

from segquery.output.style import PLAIN, Style

# Characters printed at once.
_BATCH = 64 * 1024


def echo_blocks(blocks: Iterable[str], style: Style = PLAIN, *, file: IO[str] | None = None,
                err: bool = False) -> bool:
    """Print each block on its own line(s) as soon as it is made (a few at a time, as a write of each
    would cost more than making it); True when anything was printed.

    A report with thousands of findings is never held whole in memory.
    """
    printed = False
    batch: list[str] = []
    size = 0
    for block in blocks:
        batch.append(block)
        size += len(block)
        if size >= _BATCH:
            click.echo("\n".join(batch), file=file, err=err, color=True if style.enabled else None)
            batch, size = [], 0
        printed = True
    if batch:
        click.echo("\n".join(batch), file=file, err=err, color=True if style.enabled else None)
    return printed
