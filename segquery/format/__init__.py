"""The formatter: one canonical layout for segment queries (docs/formatter.md)."""

from segquery.format.edits import format_edits, format_range
from segquery.format.formatter import DEFAULT_INDENT, DEFAULT_LINE_LENGTH, format_query, format_text, line_ending
from segquery.format.layout import TokenMismatch

__all__ = [
    "DEFAULT_INDENT",
    "DEFAULT_LINE_LENGTH",
    "TokenMismatch",
    "format_edits",
    "format_query",
    "format_range",
    "format_text",
    "line_ending",
]
