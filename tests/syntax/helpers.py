"""Compact views of diagnostics and trees for exact assertions."""

import dataclasses

from segquery import parse_tolerant
from segquery.syntax import ast
from segquery.syntax.parser import ParseResult


def where(diagnostic) -> str:
    start, end = diagnostic.range.start, diagnostic.range.end
    return f"{start.line}:{start.column}-{end.line}:{end.column}"


def findings(text: str) -> list[tuple[str, str, str]]:
    """(code, range, message) for every diagnostic of `text`."""
    return [(d.code, where(d), d.message) for d in parse_tolerant(text).diagnostics]


def fixed(text: str, diagnostic) -> str:
    """The text with one diagnostic's fix applied."""
    edits = sorted(diagnostic.fix.edits, key=lambda edit: edit.start, reverse=True)
    for edit in edits:
        text = text[:edit.start] + edit.new_text + text[edit.end:]
    return text


def exactly(value: object) -> object:
    """A node as nested tuples of every field (those equality leaves out too: spans,
    parentheses, qualifiers, spellings, comments); any other value as it is."""
    if isinstance(value, ast.Node):
        return (type(value).__name__, *((item.name, exactly(getattr(value, item.name)))
                                        for item in dataclasses.fields(value)))
    if isinstance(value, tuple):
        return tuple(exactly(item) for item in value)
    return value


def exact_result(result: ParseResult) -> object:
    """Everything a parse result holds, its source's line index included."""
    source = result.source
    lines = [source.offset(line, 1) for line in range(1, source.line_count + 1)]
    return exactly(result.query), result.diagnostics, source.text, source.path, lines
