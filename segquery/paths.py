"""Which files a list of paths names: the one directory walk shared by
`segquery check`, `segquery format`, `segquery deps` and the workspace.

A walk skips hidden directories, what `.gitignore` / `.ignore` files leave
out (see segquery.ignore_files), and what the exclude globs name. Files named
explicitly are taken as they are, unless `force_exclude` asks to apply the
exclude globs to them too (pre-commit names every file explicitly).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from segquery.files import special_kind
from segquery.ignore_files import IgnoreFiles

# (path as written, is a directory) -> whether the exclude globs name it.
Excluder = Callable[[Path, bool], bool]
# Told about each FIFO, device or socket found (and skipped) below a directory: path, what it is.
SkipNote = Callable[[Path, str], None]


JSON_SUFFIX = ".json"


def is_json_path(path: str) -> bool:
    """A JSON file (request body or collection of segment records), whatever the case of its suffix."""
    return path.lower().endswith(JSON_SUFFIX)


def path_key(path: str | os.PathLike) -> str:
    """A path as the file system compares it: absolute, in the file system's case."""
    return os.path.normcase(os.path.abspath(path))


def note_on_stderr(path: Path, kind: str) -> None:
    print(f"segquery: note: skipped {path}: {kind}, not a regular file", file=sys.stderr)


@dataclass(frozen=True)
class WalkRules:
    """What a walk leaves out besides hidden directories."""

    excluded: Excluder | None = None
    respect_ignore_files: bool = True
    force_exclude: bool = False

    def excludes_named(self, path: Path) -> bool:
        """Whether a path named explicitly is left out (only with `force_exclude`)."""
        return self.force_exclude and self.excluded is not None and self.excluded(path, path.is_dir())


DEFAULT_RULES = WalkRules()


def walk_paths(paths: Iterable[str | os.PathLike], suffixes: tuple[str, ...],
               rules: WalkRules = DEFAULT_RULES, *,
               on_skipped: SkipNote | None = note_on_stderr) -> Iterator[tuple[Path, bool]]:
    """(path, named explicitly) for each file: files as given, and regular files with one
    of `suffixes` below directories. FIFOs, devices and sockets found below a directory
    are skipped (`on_skipped` is told); the order is stable (sorted names, depth first).
    A file named explicitly is yielded whatever it is: its reader reports it."""
    for raw in paths:
        path = Path(raw)
        if rules.excludes_named(path):
            continue
        if path.is_dir():
            for found in _walk_directory(path, suffixes, rules):
                kind = special_kind(found)
                if kind is None:
                    yield found, False
                elif on_skipped is not None:
                    on_skipped(found, kind)
        else:
            yield path, True


def _left_out(top: Path, rules: WalkRules) -> Callable[[Path, Path, bool], bool]:
    """Whether a walk from `top` leaves a path out (given as walked and resolved): ignore files, exclusions."""
    ignore_files = IgnoreFiles(top.resolve()) if rules.respect_ignore_files else None

    def left_out(path: Path, real: Path, is_dir: bool) -> bool:
        return ((ignore_files is not None and ignore_files.ignored(real, is_dir=is_dir))
                or (rules.excluded is not None and rules.excluded(path, is_dir)))
    return left_out


def walk_finds(top: Path, path: Path, suffixes: tuple[str, ...], rules: WalkRules) -> bool:
    """Whether walking the directory `top` yields `path` (a file below it): one file's answer,
    without the walk, for a change that an editor reports."""
    try:
        relative = path.relative_to(top)
    except ValueError:
        return False
    if not path.name.endswith(suffixes):
        return False
    left_out = _left_out(top, rules)
    real_top = top.resolve()
    for depth in range(1, len(relative.parts) + 1):
        part = Path(*relative.parts[:depth])
        is_dir = depth < len(relative.parts)
        if (is_dir and part.name.startswith(".")) or left_out(top / part, real_top / part, is_dir):
            return False
    return True


def _walk_directory(top: Path, suffixes: tuple[str, ...], rules: WalkRules) -> Iterator[Path]:
    real_top = top.resolve()
    left_out = _left_out(top, rules)

    for root, dirs, files in os.walk(top):
        real_root = real_top / os.path.relpath(root, top)
        dirs[:] = [name for name in sorted(dirs)
                   if not name.startswith(".") and not left_out(Path(root) / name, real_root / name, True)]
        for name in sorted(files):
            if name.endswith(suffixes) and not left_out(Path(root) / name, real_root / name, False):
                yield Path(root) / name
