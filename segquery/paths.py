"""Which files a list of paths names: the one directory walk shared by
`segquery check`, `segquery format` and the workspace."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator


def walk_paths(paths: Iterable[str | os.PathLike], suffixes: tuple[str, ...]) -> Iterator[tuple[Path, bool]]:
    """(path, named explicitly) for each file: files as given, and files with one
    of `suffixes` below directories. Hidden directories are skipped; the order
    is stable (sorted names, depth first)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(suffixes):
                        yield Path(root) / name, False
        else:
            yield path, True
