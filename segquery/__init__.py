"""segquery: parse, validate, lint, format and resolve Dynamics 365 Marketing
segment queries.

The public API is small; see docs/api.md.
"""

from segquery.diagnostics import Applicability, Diagnostic, Fix, RelatedLocation, Severity, TextEdit
from segquery.source import Position, Range, SourceText, Span
from segquery.syntax import ParseError, ParseResult, parse, parse_file, parse_tolerant
from segquery.syntax.printer import unparse

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "Diagnostic",
    "Fix",
    "ParseError",
    "ParseResult",
    "Position",
    "Range",
    "RelatedLocation",
    "Severity",
    "SourceText",
    "Span",
    "TextEdit",
    "parse",
    "parse_file",
    "parse_tolerant",
    "unparse",
]
