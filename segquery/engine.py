"""The analysis pipeline behind `segquery check` and the language server:
parse, then (when the text parses) the later stages, each adding diagnostics.

Front ends call `check_text` / `check_paths`; they add no logic of their own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from segquery.diagnostics import Diagnostic, make_diagnostic, sorted_diagnostics
from segquery.source import SourceText
from segquery.syntax import ast
from segquery.syntax.parser import parse_tolerant, read_source_file

QUERY_SUFFIXES = (".segq",)


@dataclass
class FileReport:
    """Everything found in one file."""

    path: str | None
    source: SourceText
    diagnostics: list[Diagnostic] = field(default_factory=list)
    query: ast.Query | None = None


def check_text(text: str, *, path: str | None = None) -> FileReport:
    """All diagnostics for one query text."""
    result = parse_tolerant(text, path=path)
    return FileReport(path, result.source, sorted_diagnostics(result.diagnostics), result.query)


def iter_query_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named on the command line, and `*.segq` files below directories, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(QUERY_SUFFIXES):
                        yield Path(root) / name
        else:
            yield path


def check_file(path: str | Path) -> FileReport:
    try:
        text = read_source_file(path)
    except OSError as error:
        source = SourceText("", str(path))
        diagnostic = make_diagnostic(source, "E001", f"cannot read the file: {error.strerror or error}", 0, 0)
        return FileReport(str(path), source, [diagnostic])
    return check_text(text, path=str(path))


def check_paths(paths: Iterable[str | Path]) -> list[FileReport]:
    return [check_file(path) for path in iter_query_files(paths)]
