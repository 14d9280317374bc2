"""Helpers shared by commands: `-` for standard input, printing text the way it was read, and `--color`."""

from __future__ import annotations

import sys
from typing import IO

import click

from segquery.files import Stored
from segquery.output.style import COLOR_CHOICES, Style, color_enabled

STDIN = "-"

color_option = click.option(
    "--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
    help="Colour the findings: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR asks for it), "
         "always or never.")


def echo_as_stored(text: str, stored: Stored) -> None:
    """Print a text read from standard input back on standard output, in its encoding (and byte-order mark)."""
    click.echo(stored.encoding.encode(text), nl=False)


def output_style(color: str, *, err: bool = False) -> Style:
    """The colour style for text bound for standard output (or standard error with `err`)."""
    return Style(color_enabled(color, sys.stderr if err else sys.stdout))


def echo(text: str, style: Style, *, err: bool = False, nl: bool = True, file: IO[str] | None = None) -> None:
    """click.echo that keeps the escape codes of a colour style (click drops them off a terminal);
    without colour it behaves exactly as click.echo."""
    click.echo(text, file=file, err=err, nl=nl, color=True if style.enabled else None)
