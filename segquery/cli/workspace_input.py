"""The workspace a command reads: the files below its paths that `check` would read."""

from __future__ import annotations

from pathlib import Path

from segquery.engine import CheckOptions, FileSettings, SettingsResolver, dialect_setting_of
from segquery.file_selection import Exclusion, FileSelection
from segquery.workspace import DEFAULT_MAX_DEPTH, Workspace


def load_workspace(paths: tuple[str, ...], files: FileSelection, max_depth: int = DEFAULT_MAX_DEPTH, *,
                   dialect: str | None = None) -> tuple[Workspace, FileSettings]:
    """The workspace of the files below `paths` (leaving out what the configuration's `exclude`
    and the ignore files leave out), with the settings of the first path's configuration; `dialect`
    (a name or `auto`) stands for every file's configured one, as `--dialect` does for `check`.
    Raises ConfigError when that configuration is invalid."""
    from segquery.workspace.loading import discover

    resolver = SettingsResolver(CheckOptions(files=files, dialect=dialect))
    rules = Exclusion(resolver.finder, files).walk_rules()
    first = Path(paths[0])
    # A folder's settings are those of a file in it (the name is never read).
    settings = resolver.for_file(str(first / "_" if first.is_dir() else first))
    workspace = Workspace.from_files(discover(paths, rules=rules), max_depth=max_depth,
                                     target_profile=settings.target, schema=settings.schema,
                                     dialect_of=dialect_setting_of(resolver))
    return workspace, settings
