"""Generated real-time journeys trees and texts round-trip through the printer
and the formatter, in the real-time dialect (bounded by the ci profile)."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from format_helpers import comment_texts, overlong_lines  # noqa: E402
from realtime_strategies import realtime_asts, realtime_query_texts  # noqa: E402

from segquery.format import format_query, format_text  # noqa: E402
from segquery.syntax.parser import parse, parse_tolerant  # noqa: E402
from segquery.syntax.printer import unparse  # noqa: E402
from segquery.syntax.realtime import REALTIME  # noqa: E402

LINE_LENGTHS = st.sampled_from((30, 40, 60, 88))


@settings(max_examples=50)
@given(realtime_asts(), LINE_LENGTHS)
def test_generated_trees_round_trip_through_print_and_format(tree, line_length: int) -> None:
    printed = unparse(tree)
    result = parse_tolerant(printed, dialect=REALTIME)
    assert list(result.diagnostics) == [], printed
    assert result.query == tree
    formatted = format_query(tree, None, line_length=line_length, dialect=REALTIME)
    assert parse(formatted, dialect=REALTIME) == tree
    assert format_query(tree, printed, line_length=line_length, dialect=REALTIME) == formatted
    assert format_text(formatted, line_length=line_length, dialect=REALTIME) == formatted
    assert overlong_lines(formatted, line_length, REALTIME.lexicon) == []


@settings(max_examples=50)
@given(realtime_query_texts(), LINE_LENGTHS)
def test_formatting_generated_texts(text: str, line_length: int) -> None:
    formatted = format_text(text, line_length=line_length, dialect=REALTIME)
    assert parse(formatted, dialect=REALTIME) == parse(text, dialect=REALTIME)
    assert format_text(formatted, line_length=line_length, dialect=REALTIME) == formatted
    assert comment_texts(formatted) == comment_texts(text)
    assert overlong_lines(formatted, line_length, REALTIME.lexicon) == []
