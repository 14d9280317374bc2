"""Exact views of lint findings and fixes, for the per-rule tests."""

from __future__ import annotations

from segquery.diagnostics import Applicability
from segquery.lint import lint
from segquery.lint.fixes import apply_fixes
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant


def where(diagnostic) -> str:
    start, end = diagnostic.range.start, diagnostic.range.end
    return f"{start.line}:{start.column}-{end.line}:{end.column}"


def lint_text(text: str, code: str, *, dialect: Dialect = OUTBOUND):
    """The findings of one rule (selected alone) for a text that must parse cleanly."""
    result = parse_tolerant(text, dialect=dialect)
    assert result.ok, result.diagnostics
    return lint(result.query, result.source, enabled=lambda c: c == code, dialect=dialect)


def findings(text: str, code: str, *, dialect: Dialect = OUTBOUND) -> list[tuple[str, str, str]]:
    """(code, range, message) of one rule's findings."""
    return [(d.code, where(d), d.message) for d in lint_text(text, code, dialect=dialect)]


def fixed(text: str, code: str, *, unsafe: bool = False, dialect: Dialect = OUTBOUND) -> str:
    """The text after applying one rule's fixes until none is left."""
    for _ in range(10):
        new, applied = apply_fixes(text, lint_text(text, code, dialect=dialect), unsafe=unsafe)
        if not applied:
            return text
        text = new
    raise AssertionError("fixes did not converge")


def applicabilities(text: str, code: str, *, dialect: Dialect = OUTBOUND) -> list[str | None]:
    return [d.fix.applicability.value if d.fix else None for d in lint_text(text, code, dialect=dialect)]


__all__ = ["Applicability", "applicabilities", "findings", "fixed", "lint_text", "where"]
