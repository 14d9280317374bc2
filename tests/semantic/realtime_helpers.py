"""Validator findings of real-time journeys queries, for exact assertions."""

from __future__ import annotations

from segquery.semantic import validate
from segquery.syntax.dialects import dialect_named
from segquery.syntax.parser import parse_tolerant

from semantic_helpers import where

REALTIME = dialect_named("realtime")


def realtime_diagnostics(text: str, **options) -> list:
    """The validator's diagnostics for a real-time text that must parse without errors."""
    result = parse_tolerant(text, dialect=REALTIME)
    assert result.query is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    return validate(result.query, result.source, dialect=REALTIME, **options)


def realtime_findings(text: str, **options) -> list[tuple[str, str, str]]:
    """(code, range, message) of every validator diagnostic of a real-time text."""
    return [(d.code, where(d), d.message) for d in realtime_diagnostics(text, **options)]


def assert_realtime_case(case: tuple[str, dict, list]) -> None:
    """A pinned real-time case: (query, options, findings) as `realtime_findings` gives them."""
    text, options, expected = case
    assert realtime_findings(text, **options) == expected
