"""The findings of a run as one sorted list, shared by the machine-readable formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from segquery.diagnostics import Diagnostic
from segquery.report import FileReport

STDIN_NAME = "-"


@dataclass(frozen=True)
class Finding:
    path: str
    report: FileReport
    diagnostic: Diagnostic

    def sort_key(self) -> tuple:
        return (self.path, *self.diagnostic.sort_key())


def display_path(path: str | None) -> str:
    """The path as the user gave it, with `/` separators; `-` for standard input."""
    if path is None:
        return STDIN_NAME
    return Path(path).as_posix()


def collect(reports: Iterable[FileReport]) -> list[Finding]:
    """Every finding of every report, sorted by path, then position, then code."""
    found = [Finding(display_path(report.path), report, diagnostic)
             for report in reports for diagnostic in report.diagnostics]
    return sorted(found, key=Finding.sort_key)
