"""Which files a list of paths names: the one directory walk shared by
`segquery check`, `segquery format` and the workspace."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from segquery.files import special_kind

# Told about each FIFO, device or socket found (and skipped) below a directory: path, what it is.
SkipNote = Callable[[Path, str], None]


def path_key(path: str | os.PathLike) -> str:
    """A path as the file system compares it: absolute, in the file system's case."""
    return os.path.normcase(os.path.abspath(path))


def note_on_stderr(path: Path, kind: str) -> None:
    print(f"segquery: note: skipped {path}: {kind}, not a regular file", file=sys.stderr)


def walk_paths(paths: Iterable[str | os.PathLike], suffixes: tuple[str, ...], *,
               on_skipped: SkipNote | None = note_on_stderr) -> Iterator[tuple[Path, bool]]:
    """(path, named explicitly) for each file: files as given, and regular files with one
    of `suffixes` below directories. Hidden directories are skipped, and so are FIFOs,
    devices and sockets (`on_skipped` is told); the order is stable (sorted names,
    depth first). A file named explicitly is yielded whatever it is: its reader reports it."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(suffixes):
                        found = Path(root) / name
                        kind = special_kind(found)
                        if kind is None:
                            yield found, False
                        elif on_skipped is not None:
                            on_skipped(found, kind)
        else:
            yield path, True
