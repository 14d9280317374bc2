"""`--diff`: the changes fixes would make, as a unified diff per file."""

from __future__ import annotations

import difflib
from typing import Iterable

from segquery.engine import FileReport
from segquery.output.findings import display_path


def render_diff(reports: Iterable[FileReport]) -> str:
    pieces = []
    for report in reports:
        if not report.changed:
            continue
        name = display_path(report.path)
        assert report.original is not None
        for line in difflib.unified_diff(report.original.splitlines(keepends=True),
                                         report.source.text.splitlines(keepends=True),
                                         fromfile=f"a/{name.lstrip('/')}", tofile=f"b/{name.lstrip('/')}"):
            pieces.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(pieces)
