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
from pathlib import Path
from typing import Callable, Iterable, Iterator

from segquery.fast_dataclass import dataclass
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
    # Whether the exclude globs may name a file of a (resolved) directory; None: ask `excluded` for every file.
    may_exclude_files_in: Callable[[Path], bool] | None = None

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
    for found, explicit in walk_files(paths, suffixes, rules, on_skipped=on_skipped):
        yield Path(found), explicit


def walk_files(paths: Iterable[str | os.PathLike], suffixes: tuple[str, ...],
               rules: WalkRules = DEFAULT_RULES, *, on_skipped: SkipNote | None = note_on_stderr,
               links: set[str] | None = None) -> Iterator[tuple[str, bool]]:
    """`walk_paths` with each path as a string (spelled as `str(Path(...))` would spell it), for
    walks of thousands of files where making a Path of each costs more than the walk.
    The symbolic links found below directories are added to `links`."""
    for raw in paths:
        path = Path(raw)
        if rules.excludes_named(path):
            continue
        if path.is_dir():
            yield from ((found, False) for found in _walk_directory(path, suffixes, rules, on_skipped, links))
        else:
            yield str(path), True


def _left_out(rules: WalkRules, ignore_files: IgnoreFiles | None) -> Callable[[Path, Path, bool], bool]:
    """Whether a walk leaves a path out (given as walked and resolved): ignore files, exclusions."""
    def left_out(path: Path, real: Path, is_dir: bool) -> bool:
        return ((ignore_files is not None and ignore_files.ignored(real, is_dir=is_dir))
                or (rules.excluded is not None and rules.excluded(path, is_dir)))
    return left_out


def _ignore_files(top: Path, rules: WalkRules) -> IgnoreFiles | None:
    """The ignore files a walk from `top` respects (None: it respects none)."""
    return IgnoreFiles(top.resolve()) if rules.respect_ignore_files else None


def walk_finds(top: Path, path: Path, suffixes: tuple[str, ...], rules: WalkRules) -> bool:
    """Whether walking the directory `top` yields `path` (a file below it): one file's answer,
    without the walk, for a change that an editor reports."""
    try:
        relative = path.relative_to(top)
    except ValueError:
        return False
    if not path.name.endswith(suffixes):
        return False
    left_out = _left_out(rules, _ignore_files(top, rules))
    real_top = top.resolve()
    for depth in range(1, len(relative.parts) + 1):
        part = Path(*relative.parts[:depth])
        is_dir = depth < len(relative.parts)
        if (is_dir and part.name.startswith(".")) or left_out(top / part, real_top / part, is_dir):
            return False
    return True


def _walk_directory(top: Path, suffixes: tuple[str, ...], rules: WalkRules,
                    on_skipped: SkipNote | None, links: set[str] | None = None) -> Iterator[str]:
    """The files below `top`, depth first in sorted order, as `os.walk` would list them (symbolic
    links to directories are not followed). The type of each entry comes with the directory
    listing, so a regular file costs no system call of its own; the ignore files and exclude
    globs are asked about each file only in directories where one of them may apply."""
    ignore_files = _ignore_files(top, rules)
    left_out = _left_out(rules, ignore_files)

    def files_may_be_left_out(real: Path) -> bool:
        if ignore_files is not None and ignore_files.apply_in(real):
            return True
        if rules.excluded is None:
            return False
        return rules.may_exclude_files_in is None or rules.may_exclude_files_in(real)

    def walk(folder: str, real: Path) -> Iterator[str]:
        try:
            with os.scandir(folder or ".") as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:            # as os.walk does: a directory that cannot be listed is passed over
            return
        check_files = files_may_be_left_out(real)
        directories = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                directories.append(entry)
                continue
            name = entry.name
            if not name.endswith(suffixes):
                continue
            path = folder + name
            is_link = entry.is_symlink()
            if (check_files or is_link) and left_out(Path(path), real / name, False):
                continue
            kind = None if _is_regular(entry) else special_kind(path)
            if kind is None:
                if is_link and links is not None:
                    links.add(path)
                yield path
            elif on_skipped is not None:
                on_skipped(Path(path), kind)
        for entry in directories:
            name = entry.name
            if name.startswith(".") or left_out(Path(folder + name), real / name, True) or entry.is_symlink():
                continue
            yield from walk(folder + name + os.sep, real / name)

    start = str(top)
    yield from walk("" if start == "." else start if start.endswith(os.sep) else start + os.sep, top.resolve())


def _is_regular(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
