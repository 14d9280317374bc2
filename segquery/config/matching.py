"""Glob patterns (`kinds`, `per-file-ignores`, `exclude`, ignore files), read
with `.gitignore` rules by the pathspec library.

The patterns are compiled for pathspec's RE2 back end: RE2 runs in time
linear in the length of the path whatever the pattern, where a backtracking
engine takes exponential time on globs such as `*a*a*a*a*a*a*a*b`.
"""

from __future__ import annotations

import os
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pathspec

# pathspec's back end with a linear-time guarantee (google-re2).
BACKEND = "re2"
# Longer globs are refused: no real path pattern is this long, and RE2 refuses to
# compile programs past a memory budget (a glob of this length compiles well within it).
MAX_GLOB_LENGTH = 4096
# Globs are compiled in groups of this many: RE2 compiles one group into one
# program, and refuses a program past its memory budget.
_GROUP_SIZE = 256
# How much of a refused glob a message quotes.
_SHOWN_LENGTH = 60


class GlobError(ValueError):
    """A glob that cannot be compiled; str() says why."""


def compile_globs(lines: Iterable[str]) -> "pathspec.GitIgnoreSpec":
    """The `.gitignore`-style spec of some lines, or a GlobError."""
    import pathspec  # imported when a glob is first compiled: it takes a while, and most runs need none
    import re2

    lines = list(lines)
    if any(len(line) > MAX_GLOB_LENGTH for line in lines):
        raise GlobError(f"a glob is at most {MAX_GLOB_LENGTH} characters long")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # "possible nested set" from Python's re: not the user's concern
            return pathspec.GitIgnoreSpec.from_lines(lines, backend=BACKEND)
    except re.error as error:
        raise GlobError(error.msg) from None
    except re2.error as error:
        too_large = "too large" in str(error)
        raise GlobError("the patterns are too large to compile" if too_large
                        else "this character class is not supported") from None
    except ValueError as error:
        raise GlobError(str(error)) from None


class GlobMatcher:
    """An ordered list of globs relative to a directory, as in a `.gitignore`:
    the last pattern that matches a path decides, and `!pattern` takes a path
    back out. With `single`, the one glob of a `kinds` or `per-file-ignores`
    entry: `!pattern` then matches what the pattern does not ("every file but
    these")."""

    def __init__(self, patterns: Iterable[str], root: Path, *, single: bool = False, tolerant: bool = False) -> None:
        """With `tolerant` (an ignore file's lines), a glob that cannot be compiled is left out,
        as git leaves it out; otherwise it raises GlobError."""
        self.patterns = tuple(normalize(pattern) for pattern in patterns)
        self.root = root.resolve()
        self.inverted = single and len(self.patterns) == 1 and self.patterns[0].startswith("!")
        lines = [self.patterns[0][1:]] if self.inverted else list(self.patterns)
        compile_group = _compile_usable if tolerant else compile_globs
        self._specs = [spec for spec in map(compile_group, _groups(lines)) if spec is not None]

    @staticmethod
    def cached(patterns: tuple[str, ...], root: Path, *, single: bool = False) -> "GlobMatcher":
        """One compiled matcher per (patterns, directory), shared by every file."""
        return _cached_matcher(patterns, root, single)

    def decision(self, path: Path | str, *, is_dir: bool = False) -> bool | None:
        """True when the last matching pattern includes the path, False when a
        `!pattern` takes it out, None when no pattern matches it."""
        if not self._specs:
            return None
        relative = relative_posix(path, self.root) + ("/" if is_dir else "")
        # The last group with a matching pattern holds the last matching pattern.
        include = next((result.include for result in (spec.check_file(relative) for spec in reversed(self._specs))
                        if result.include is not None), None)
        if self.inverted:
            return include is not True
        return include

    def matches(self, path: Path | str, *, is_dir: bool = False) -> bool:
        """Whether the globs name the path, or a directory above it."""
        return bool(self.patterns) and self.decision(path, is_dir=is_dir) is True


@lru_cache(maxsize=1024)
def _cached_matcher(patterns: tuple[str, ...], root: Path, single: bool) -> GlobMatcher:
    return GlobMatcher(patterns, root, single=single)


def normalize(pattern: str) -> str:
    """A configured glob as a `.gitignore` line: surrounding blanks and a leading `./` dropped."""
    pattern = pattern.strip()
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    body = body[2:] if body.startswith("./") else body
    return ("!" if negated else "") + body


def relative_posix(path: Path | str, root: Path) -> str:
    """The path relative to `root` (a resolved directory) with `/` separators; the
    absolute path, without its leading `/`, when the path is not below `root`.
    A path is taken where it is written (as git does with a symbolic link),
    and resolved only when it is not below `root` as written."""
    absolute = Path(os.path.abspath(path))
    for candidate in (absolute, absolute.resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return absolute.resolve().as_posix().lstrip("/")


def glob_problem(pattern: str) -> str | None:
    """Why a configured glob cannot be used (such as a range `[z-a]`), or None."""
    try:
        spec = compile_globs([normalize(pattern).removeprefix("!")])
    except GlobError as error:
        return f"invalid glob pattern {shown_glob(pattern)}: {error}"
    if not any(compiled.include is not None for compiled in spec.patterns):
        return f"invalid glob pattern {shown_glob(pattern)}: it matches no path"
    return None


def shown_glob(pattern: str) -> str:
    """A glob quoted for a message: a long one cut short, with its length."""
    if len(pattern) <= _SHOWN_LENGTH:
        return repr(pattern)
    return f"{pattern[:_SHOWN_LENGTH]!r}... ({len(pattern)} characters)"


def glob_matches(pattern: str, path: Path, root: Path) -> bool:
    """Whether one glob matches a file, relative to `root`.

    A glob without `/` matches the file's name or the name of any directory
    above it (like .gitignore); one with `/` matches the relative path of the
    file or of a directory above it. A trailing `/` matches directories only.
    """
    return GlobMatcher.cached((pattern,), root, single=True).matches(path)


def _compile_usable(group: list[str]) -> "pathspec.GitIgnoreSpec | None":
    """The spec of the lines of a group that compile (None when none does)."""
    try:
        return compile_globs(group)
    except GlobError:
        pass
    usable = []
    for line in group:
        try:
            compile_globs([line])
        except GlobError:
            continue
        usable.append(line)
    return compile_globs(usable) if usable else None


def _groups(lines: list[str]) -> list[list[str]]:
    return [lines[start:start + _GROUP_SIZE] for start in range(0, len(lines), _GROUP_SIZE)]
