"""Formatting a whole query: text -> tree -> document -> text."""

from __future__ import annotations

from segquery.config import DEFAULT_LINE_LENGTH
from segquery.format.comments import attach_comments
from segquery.format.doc import settle
from segquery.format.layout import QueryLayout
from segquery.format.render import render
from segquery.source import SourceText, first_line_ending
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse

DEFAULT_INDENT = 4


def format_text(text: str, *, line_length: int = DEFAULT_LINE_LENGTH, indent: int = DEFAULT_INDENT,
                dialect: Dialect = OUTBOUND) -> str:
    """The canonical layout of a query text.

    Raises `segquery.ParseError` when the text has syntax errors: broken text
    is never formatted.
    """
    return format_query(parse(text, dialect=dialect), text, line_length=line_length, indent=indent, dialect=dialect)


def format_query(query: ast.Query, source: str | SourceText | None, *, line_length: int = DEFAULT_LINE_LENGTH,
                 indent: int = DEFAULT_INDENT, dialect: Dialect = OUTBOUND) -> str:
    """The canonical layout of a parsed query.

    `source` is the text the query was parsed from; its comments are kept. It
    may be None for a tree built in code (which then must have no comments).
    Raises ValueError when the tree does not come from `source`.
    """
    if line_length < 1:
        raise ValueError(f"the line length must be at least 1, not {line_length}")
    if indent < 0:
        raise ValueError(f"the indent must not be negative, not {indent}")
    text = source.text if isinstance(source, SourceText) else source
    if text is None and query.comments:
        raise ValueError("the query has comments: pass the source text it was parsed from")
    layout = QueryLayout(attach_comments(text, dialect.lexicon) if text is not None else None, dialect)
    formatted = render(settle(layout.query(query)), width=line_length, indent_width=indent) + "\n"
    if text is not None and line_ending(text) != "\n":
        formatted = formatted.replace("\n", line_ending(text))
    return formatted


def line_ending(text: str) -> str:
    """The line ending of the first line of `text` (`\\n`, `\\r\\n` or `\\r`); `\\n` when it has none."""
    return first_line_ending(text)
