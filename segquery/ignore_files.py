"""The files a user told every tool to leave alone: `.gitignore` and
`.ignore` files, and the repository's `.git/info/exclude`.

As in git, a deeper ignore file wins over a shallower one, the last matching
line of a file decides, `!pattern` takes a path back, and nothing below an
ignored directory is visited. In one directory `.ignore` wins over
`.gitignore` (as in ripgrep). Ignore files are read from the repository root
down (outside a repository, from the directory the walk starts in).
"""

from __future__ import annotations

import stat
from functools import lru_cache
from pathlib import Path

from segquery.config.discovery import is_repository_root
from segquery.config.matching import GlobMatcher
from segquery.files import UnreadableFile, read_text

# In the order they apply within one directory: a later file wins.
IGNORE_FILE_NAMES = (".gitignore", ".ignore")


class IgnoreFiles:
    """The ignore files that apply below one walk's starting directory, read once per directory."""

    def __init__(self, start: Path) -> None:
        start = start.resolve()
        self.boundary = next((directory for directory in (start, *start.parents) if is_repository_root(directory)),
                             start)
        self._chains: dict[Path, tuple[GlobMatcher, ...]] = {}

    def ignored(self, path: Path, *, is_dir: bool) -> bool:
        """Whether the ignore files above `path` (an absolute path below the boundary,
        whose directory is resolved) leave it out."""
        for matcher in reversed(self._chain(path.parent)):
            decision = matcher.decision(path, is_dir=is_dir)
            if decision is not None:
                return decision
        return False

    def apply_in(self, directory: Path) -> bool:
        """Whether any ignore file applies to the entries of `directory` (resolved, below the boundary)."""
        return bool(self._chain(directory))

    def _chain(self, directory: Path) -> tuple[GlobMatcher, ...]:
        """The matchers of `directory` and of the directories above it up to the boundary, outermost first."""
        missing: list[Path] = []
        current = directory
        while current not in self._chains:
            missing.append(current)
            if current == self.boundary or current.parent == current:
                break
            current = current.parent
        chain = self._chains.get(current, ())
        for walked in reversed(missing):
            chain = chain + _matchers_in(walked, walked == self.boundary)
            self._chains[walked] = chain
        return chain


def _matchers_in(directory: Path, is_boundary: bool) -> tuple[GlobMatcher, ...]:
    files = [directory / name for name in IGNORE_FILE_NAMES]
    if is_boundary and is_repository_root(directory):
        files.insert(0, directory / ".git" / "info" / "exclude")
    return tuple(matcher for file in files if (matcher := _matcher_of(file, _stamp(file))) is not None)


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells an ignore file changed (modified time, size); None when it is not a regular file."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size) if stat.S_ISREG(status.st_mode) else None


@lru_cache(maxsize=1024)
def _matcher_of(path: Path, stamp: tuple[int, int] | None) -> GlobMatcher | None:
    """The compiled lines of one ignore file, shared by every walk until the file changes."""
    lines = _read_lines(path) if stamp is not None else []
    return GlobMatcher(lines, path.parent, tolerant=True) if lines else None


def _read_lines(path: Path) -> list[str]:
    """The lines of an ignore file; none when it is unreadable (an ignore file is advice)."""
    try:
        return read_text(path).text.splitlines()
    except UnreadableFile:
        return []
