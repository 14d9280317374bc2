"""The excerpt of a source line that a text report shows under a finding.

A query file may hold one very long line (a one-line JSON export, a query
written by a generator). Printing that whole line under each of its findings
makes the report grow with findings x line length, so a long line is cut to
a window around the finding, with `…` where text was left out, as compilers
and linters do. The window's cost depends on its width, never on the line's.
"""

from __future__ import annotations


from segquery.fast_dataclass import dataclass
from segquery.source import Position, SourceText

WINDOW = 120          # characters of a long line shown around a finding
CONTEXT_BEFORE = 40   # of them, how many come before the finding's start
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The text to show, and where under it the caret starts (0-based) and how many columns it covers."""

    text: str
    caret_start: int
    caret_width: int


def excerpt(source: SourceText, start: Position, end: Position) -> Excerpt:
    """The part of `start`'s line to show, with the caret range for `start`..`end` (clipped to the line)."""
    line_start = source.offset(start.line, 1)
    line_end = source.offset(start.line + 1, 1) if start.line < source.line_count else len(source.text)
    while line_end > line_start and source.text[line_end - 1] in "\r\n":
        line_end -= 1
    column = start.offset - line_start
    finding_end = end.offset if end.line == start.line else line_end
    if line_end - line_start <= WINDOW:
        low, high = line_start, line_end
    else:
        low = max(line_start, start.offset - CONTEXT_BEFORE)
        high = min(line_end, low + WINDOW)
        low = max(line_start, min(low, high - WINDOW))
    prefix = ELLIPSIS if low > line_start else ""
    suffix = ELLIPSIS if high < line_end else ""
    shown = prefix + source.text[low:high].expandtabs(1) + suffix
    caret_start = len(prefix) + min(column, high - line_start) - (low - line_start)
    caret_width = max(min(finding_end, high) - start.offset, 1)
    return Excerpt(shown, caret_start, caret_width)
