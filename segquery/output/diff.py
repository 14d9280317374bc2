"""`--diff`: the changes fixes would make, as a unified diff per file."""

from __future__ import annotations

import difflib
from typing import Iterable

from segquery.report import FileReport
from segquery.output.findings import display_path
from segquery.output.style import PLAIN, Style


def render_diff(reports: Iterable[FileReport], *, style: Style = PLAIN) -> str:
    pieces = []
    for report in reports:
        if not report.changed:
            continue
        name = display_path(report.path)
        assert report.original is not None
        for line in difflib.unified_diff(report.original.splitlines(keepends=True),
                                         report.source.text.splitlines(keepends=True),
                                         fromfile=f"a/{name.lstrip('/')}", tofile=f"b/{name.lstrip('/')}"):
            marker = ""
            if not line.endswith("\n"):
                line, marker = line + "\n", "\\ No newline at end of file\n"
            pieces.append(_colored(line, style) + marker)
    return "".join(pieces)


def _colored(line: str, style: Style) -> str:
    """A diff line in colour: file headers bold, hunk headers cyan, removed red, added green."""
    if not style.enabled:
        return line
    body = line[:-1]
    if line.startswith(("---", "+++")):
        return style.path(body) + "\n"
    if line.startswith("@@"):
        return style.punctuation(body) + "\n"
    if line.startswith("-"):
        return style.removed(body) + "\n"
    if line.startswith("+"):
        return style.added(body) + "\n"
    return line
