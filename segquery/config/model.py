"""What a configuration file holds once read and checked: `Config`, and the
`ConfigError` that reports a file that cannot be used."""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path

from segquery.config.matching import GlobMatcher
from segquery.diagnostics import Severity
from segquery.dialect_names import DEFAULT_DIALECT_NAME, DEFAULT_TARGET
from segquery.fast_dataclass import dataclass

CONFIG_FILENAMES = ("segquery.toml", "pyproject.toml")
QUERY_KINDS = ("dynamic", "static", "compound", "fetch")
DEFAULT_LINE_LENGTH = 88
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class ConfigError(Exception):
    """A configuration file that cannot be used; str() is `path:line:column: message`."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        where = f"{self.path}:{line}:{column or 1}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


def target_problem(value: object) -> str | None:
    """Why a `target` (from a file or the command line) is not a profile type name, or None."""
    if isinstance(value, str) and _IDENTIFIER.match(value):
        return None
    return f"expected a profile type name such as \"contact\", got {describe(value)}"


def describe(value: object) -> str:
    """A TOML value as a message shows it: strings quoted, tables and lists by their type."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    container_names: dict[type, str] = {dict: "a table", list: "a list"}
    return container_names.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class OrgSettings:
    """`[tool.segquery.org]`: which org `pull`, `plan` and `apply` talk to (never how to sign in)."""

    url: str
    api_version: str


@dataclass(frozen=True)
class Config:
    """The settings one configuration file holds (defaults where it is silent)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    line_length: int = DEFAULT_LINE_LENGTH
    schema: Path | None = None
    target: str = DEFAULT_TARGET
    kinds: tuple[tuple[str, str], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    exclude: tuple[str, ...] = ()
    dialect: str = DEFAULT_DIALECT_NAME
    dialects: tuple[tuple[str, str], ...] = ()
    extend_exclude: tuple[str, ...] = ()
    cache_dir: Path | None = None
    org: OrgSettings | None = None
    interaction_map: Path | None = None   # extends the interaction mapping table of `segquery migrate`

    def kind_for(self, path: Path | None) -> str | None:
        """The kind the first matching `kinds` glob gives a file, if any."""
        if path is None:
            return None
        return next((kind for pattern, kind in self.kinds if self._glob(pattern).matches(path)), None)

    def dialect_for(self, path: Path | None) -> str:
        """The dialect setting of a file: the first matching `dialects` glob's, else `dialect`."""
        if path is not None:
            for pattern, name in self.dialects:
                if self._glob(pattern).matches(path):
                    return name
        return self.dialect

    def ignored_for(self, path: Path | None) -> tuple[str, ...]:
        """The selectors `per-file-ignores` removes for a file."""
        if path is None:
            return ()
        return tuple(code for pattern, codes in self.per_file_ignores if self._glob(pattern).matches(path)
                     for code in codes)

    def excludes(self, path: Path, *, is_dir: bool = False) -> bool:
        """Whether `exclude` or `extend-exclude` names a file (or a directory above it)."""
        return self.exclude_matcher().matches(path, is_dir=is_dir)

    def exclude_matcher(self) -> GlobMatcher:
        return GlobMatcher.cached(self.exclude + self.extend_exclude, self.root)

    def _glob(self, pattern: str) -> GlobMatcher:
        return GlobMatcher.cached((pattern,), self.root, single=True)
