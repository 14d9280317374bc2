"""Helpers shared by commands: `-` for standard input, printing text the way it was read, `--color`,
and the options that say which files a walk leaves out."""

from __future__ import annotations

import functools
import os
import sys
from typing import IO, Any, Callable

import click

from segquery.config import glob_problem
from segquery.file_selection import FileSelection
from segquery.files import Stored
from segquery.output.style import COLOR_CHOICES, Style, color_enabled
from segquery.dialect_names import DIALECT_SETTINGS

STDIN = "-"

dialect_option = click.option(
    "--dialect", type=click.Choice(DIALECT_SETTINGS, case_sensitive=False), default=None,
    help="The dialect of every file: outbound, realtime, or auto to read it from each text's constructs "
         "(a `// segquery: dialect = ...` directive in a file still wins; default: the configuration's).")

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


def input_paths(paths: tuple[str, ...], stdin_filename: str | None) -> tuple[str, ...]:
    """What a command reads: with `--stdin-filename`, standard input (as ruff does: a path named
    besides it is ignored, with a warning); else the paths named, or the current directory."""
    if stdin_filename is None:
        return paths or (".",)
    for path in paths:
        if path != STDIN:
            click.echo(f"segquery: warning: ignoring {path}: --stdin-filename reads standard input", err=True)
    return (STDIN,)


def _globs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...] | None:
    """Comma-separated (and repeatable) globs, each checked as the configuration's are."""
    if not values:
        return None
    globs = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    for pattern in globs:
        problem = glob_problem(pattern)
        if problem:
            raise click.BadParameter(problem, ctx=ctx, param=param)
    return globs


_FILE_SELECTION_OPTIONS = (
    click.option("--exclude", multiple=True, callback=_globs, metavar="GLOBS",
                 help="Leave out files and directories these globs name (comma-separated), instead of the "
                      "configured `exclude`."),
    click.option("--extend-exclude", multiple=True, callback=_globs, metavar="GLOBS",
                 help="Leave out these globs as well as the configured exclusions."),
    click.option("--force-exclude", is_flag=True,
                 help="Apply the exclusions to files named explicitly too (as pre-commit names them)."),
    click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
                 help="Leave out what .gitignore, .ignore and .git/info/exclude ignore."),
)


def file_selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --exclude, --extend-exclude, --force-exclude and --respect-gitignore; the command receives
    them as one `files` argument (a FileSelection)."""
    @functools.wraps(command)   # keeps the options already declared on the command
    def wrapper(*args: Any, exclude: tuple[str, ...] | None, extend_exclude: tuple[str, ...] | None,
                force_exclude: bool, respect_gitignore: bool, **kwargs: Any) -> Any:
        files = FileSelection(exclude=exclude, extend_exclude=extend_exclude or (),
                              respect_gitignore=respect_gitignore, force_exclude=force_exclude)
        return command(*args, files=files, **kwargs)

    for option in reversed(_FILE_SELECTION_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


def on_terminal() -> bool:
    """Whether a person watches standard error, so that progress is worth showing: a terminal,
    and not a CI job (which sets CI)."""
    return sys.stderr.isatty() and not os.environ.get("CI")
