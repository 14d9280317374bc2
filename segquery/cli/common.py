"""Helpers shared by commands: reading `-` from standard input, and `--color`."""

from __future__ import annotations

import sys
from typing import IO

import click

from segquery.output.style import COLOR_CHOICES, Style, color_enabled

STDIN = "-"

color_option = click.option(
    "--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
    help="Colour the findings: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR asks for it), "
         "always or never.")


def read_stdin() -> str:
    data = sys.stdin.buffer.read()
    return data.decode("utf-8-sig", errors="replace")


def output_style(color: str, *, err: bool = False) -> Style:
    """The colour style for text bound for standard output (or standard error with `err`)."""
    return Style(color_enabled(color, sys.stderr if err else sys.stdout))


def echo(text: str, style: Style, *, err: bool = False, nl: bool = True, file: IO[str] | None = None) -> None:
    """click.echo that keeps the escape codes of a colour style (click drops them off a terminal);
    without colour it behaves exactly as click.echo."""
    click.echo(text, file=file, err=err, nl=nl, color=True if style.enabled else None)
