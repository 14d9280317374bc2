"""Finding configuration files and projects by walking up from a file.

The configuration of a file is the closest `segquery.toml`, or
`pyproject.toml` with a `[tool.segquery]` table, in its directory or above
(cached per directory). The project of a file is the set of query files
whose SEGMENT references resolve together: the directory of its closest
configuration file within its repository, else the repository root (the
directory holding `.git`), else the directory named to be searched, else the
file's own directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from segquery.config.model import CONFIG_FILENAMES, Config
from segquery.config.reading import has_segquery_table, load_config


class RealDirectories:
    """The real (resolved) directory of files, resolved once per directory as written: resolving
    every file's path costs a system call per component, and a walk asks for thousands."""

    def __init__(self) -> None:
        self._resolved: dict[str, Path] = {}

    def of(self, path: Path | str, is_link: bool | None = None) -> Path:
        """The resolved directory that holds `path`; a symbolic link's is its target's directory.
        `is_link` says whether `path` is a link, when the caller knows (None: look)."""
        text = os.fspath(path)
        if os.path.islink(text) if is_link is None else is_link:
            return Path(text).resolve().parent
        folder = os.path.dirname(text) or "."
        found = self._resolved.get(folder)
        if found is None:
            found = self._resolved[folder] = Path(folder).resolve()
        return found


class ConfigFinder:
    """Finds the configuration of each file by walking up its directories, with a cache per directory."""

    def __init__(self, override: Path | None = None) -> None:
        self.override = load_config(override) if override is not None else None
        self._by_directory: dict[Path, Config] = {}
        self._loaded: dict[Path, Config] = {}
        self._directories = RealDirectories()

    def for_path(self, path: Path | None) -> Config:
        if self.override is not None:
            return self.override
        directory = self._directories.of(path) if path is not None else Path.cwd().resolve()
        return self.for_directory(directory)

    def for_directory(self, directory: Path) -> Config:
        """The configuration of the files of a (resolved) directory."""
        if self.override is not None:
            return self.override
        unresolved: list[Path] = []       # walked up without a configuration file (iterative: paths can be deep)
        current = directory
        while (config := self._by_directory.get(current)) is None:
            unresolved.append(current)
            found = configuration_file_in(current)
            if found is not None:
                config = self._load(found)
                break
            if current.parent == current:
                config = Config(root=Path.cwd().resolve())
                break
            current = current.parent
        for walked in unresolved:
            self._by_directory[walked] = config
        return config

    def _load(self, path: Path) -> Config:
        config = self._loaded.get(path)
        if config is None:
            config = self._loaded[path] = load_config(path)
        return config


def configuration_file_in(directory: Path) -> Path | None:
    """The configuration file a directory holds (`segquery.toml` first), if any."""
    for name in CONFIG_FILENAMES:
        candidate = directory / name
        if candidate.is_file() and has_segquery_table(candidate):
            return candidate
    return None


def is_repository_root(directory: Path) -> bool:
    """Whether a directory is the top of a git working tree (`.git` is a directory, or a file in a worktree)."""
    return (directory / ".git").exists()


class ProjectFinder:
    """The project root of each file, with the markers of each directory cached."""

    def __init__(self) -> None:
        self._markers: dict[Path, bool] = {}
        self._roots: dict[tuple[Path, Path | None], Path] = {}
        self._directories = RealDirectories()

    def root_for(self, path: Path | str, fallback: Path | None = None, *, is_link: bool | None = None) -> Path:
        """The project root of a file (resolved): the closest directory that holds a
        configuration file or is a repository root; else `fallback` (a directory
        above the file that was named to be searched), else the file's directory."""
        directory = self.directory_of(path, is_link)
        key = (directory, fallback)
        root = self._roots.get(key)
        if root is None:
            root = self._roots[key] = self._marked_above(directory) or fallback or directory
        return root

    def directory_of(self, path: Path | str, is_link: bool | None = None) -> Path:
        """The resolved directory of a file (its target's, for a symbolic link)."""
        return self._directories.of(path, is_link)

    def _marked_above(self, directory: Path) -> Path | None:
        for current in (directory, *directory.parents):
            if self.is_project_root(current):
                return current
        return None

    def is_project_root(self, directory: Path) -> bool:
        """Whether a (resolved) directory roots a project: it holds a configuration file or is a repository root."""
        marked = self._markers.get(directory)
        if marked is None:
            marked = self._markers[directory] = (configuration_file_in(directory) is not None
                                                 or is_repository_root(directory))
        return marked
