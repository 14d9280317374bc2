"""Properties of the formatter over generated queries and over every example
file: idempotent, same tree, same comments, lines within the limit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from format_helpers import comment_texts, overlong_lines  # noqa: E402
from strategies import asts, query_texts  # noqa: E402

from segquery import ParseError, parse, parse_tolerant, unparse  # noqa: E402
from segquery.files import read_text  # noqa: E402
from segquery.format import format_query, format_text  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.segq"))
LINE_LENGTHS = st.sampled_from((30, 40, 60, 88))


def _check_formatted(text: str, formatted: str, line_length: int) -> None:
    assert parse(formatted) == parse(text)
    assert format_text(formatted, line_length=line_length) == formatted
    assert comment_texts(formatted) == comment_texts(text)
    assert overlong_lines(formatted, line_length) == []
    assert formatted.endswith("\n") and not formatted.endswith("\n\n") and not formatted.endswith("\r\n\r\n")


@settings(max_examples=100)
@given(query_texts(), LINE_LENGTHS)
def test_formatting_generated_texts(text: str, line_length: int) -> None:
    _check_formatted(text, format_text(text, line_length=line_length), line_length)


@settings(max_examples=60)
@given(asts(), LINE_LENGTHS)
def test_formatting_generated_trees(tree, line_length: int) -> None:
    formatted = format_query(tree, None, line_length=line_length)
    assert parse(formatted) == tree
    assert format_query(tree, unparse(tree), line_length=line_length) == formatted
    assert format_text(formatted, line_length=line_length) == formatted
    assert overlong_lines(formatted, line_length) == []


def test_there_are_examples() -> None:
    assert len(EXAMPLE_FILES) >= 10


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda path: str(path.relative_to(EXAMPLES)))
@pytest.mark.parametrize("line_length", (40, 88))
def test_formatting_examples(path: Path, line_length: int) -> None:
    text = read_text(path).text
    result = parse_tolerant(text)
    if result.ok:
        _check_formatted(text, format_text(text, line_length=line_length), line_length)
    else:
        with pytest.raises(ParseError):
            format_text(text, line_length=line_length)


def test_the_line_length_check_can_fail() -> None:
    """The checker behind the line-length property reports a line the layout could break."""
    assert overlong_lines("PROFILE(c).FILTER(a == 1 && b == 2)\n", 20) == [(
        "'PROFILE(c).FILTER(a == 1 && b == 2)' (35 > 20) could break after an opening parenthesis: `(` `c`; "
        "before a closing parenthesis: `c` `)`; before a step: `)` `.`; after an opening parenthesis: `(` `a`; "
        "before a comparison: `a` `==`; before a logical operator: `1` `&&`; before a comparison: `b` `==`; "
        "before a closing parenthesis: `2` `)`")]
