"""`segquery clean [PATH...]`: delete the check cache of the projects the paths belong to."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from segquery.cache import default_cache_dir, remove_cache
from segquery.config import ConfigError, ConfigFinder


@click.command("clean")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=False))
def clean_command(paths: tuple[str, ...]) -> None:
    """Delete the check cache (`.segquery_cache`, or the configured `cache-dir`) of each directory's project."""
    finder = ConfigFinder()
    directories: dict[Path, None] = {}
    for path in paths or (".",):
        try:
            config = finder.for_directory(Path(path).resolve())
        except ConfigError as error:
            click.echo(f"segquery: configuration error: {error}", err=True)
            sys.exit(2)
        root = config.path.parent.resolve() if config.path is not None else Path(path).resolve()
        directories[config.cache_dir or default_cache_dir(root)] = None
        directories[default_cache_dir(Path(path).resolve())] = None
    for directory in directories:
        try:
            removed = remove_cache(directory)
        except OSError as error:
            click.echo(f"segquery: cannot remove {directory}: {error.strerror or error}", err=True)
            sys.exit(2)
        if removed:
            click.echo(f"Removed {directory}", err=True)


def register(group: click.Group) -> None:
    group.add_command(clean_command)
