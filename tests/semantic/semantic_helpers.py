"""Compact views of validator findings for exact assertions."""

from __future__ import annotations

import re

from segquery.semantic import QueryKind, validate
from segquery.syntax.parser import parse_tolerant

_KIND = re.compile(r"//\s*segquery:\s*kind\s*=\s*(\w+)")


def where(diagnostic) -> str:
    start, end = diagnostic.range.start, diagnostic.range.end
    return f"{start.line}:{start.column}-{end.line}:{end.column}"


def diagnostics(text: str, **options) -> list:
    """The validator's diagnostics for a text that must parse without errors.

    A `// segquery: kind = X` line sets the kind unless `kind` is given.
    """
    result = parse_tolerant(text)
    assert result.query is not None, [d.message for d in result.diagnostics]
    if "kind" not in options:
        match = _KIND.search(text)
        if match:
            options["kind"] = QueryKind.parse(match.group(1))
    return validate(result.query, result.source, **options)


def findings(text: str, **options) -> list[tuple[str, str, str]]:
    """(code, range, message) of every validator diagnostic of `text`."""
    return [(d.code, where(d), d.message) for d in diagnostics(text, **options)]


def codes_of(text: str, **options) -> list[str]:
    return [d.code for d in diagnostics(text, **options)]


def fixed(text: str, diagnostic) -> str:
    """The text with one diagnostic's fix applied."""
    for edit in sorted(diagnostic.fix.edits, key=lambda edit: edit.start, reverse=True):
        text = text[:edit.start] + edit.new_text + text[edit.end:]
    return text


def only(text: str, **options):
    """The one diagnostic of `text`."""
    (diagnostic,) = diagnostics(text, **options)
    return diagnostic
