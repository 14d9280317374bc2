"""Properties of the parser over random input.

Only ParseError may escape `parse`; `parse_tolerant` never raises; every
diagnostic has a code, a known severity and a range inside the text. Run a
long campaign outside CI with HYPOTHESIS_PROFILE=fuzz.
"""

import sys
from pathlib import Path

from hypothesis import given, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strategies import ALPHABET, EXAMPLE_TEXTS, mutated_examples  # noqa: E402

from segquery import ParseError, parse, parse_tolerant, unparse  # noqa: E402
from segquery.rules import get_rule  # noqa: E402


def assert_well_formed(text: str) -> None:
    result = parse_tolerant(text)
    for diagnostic in result.diagnostics:
        assert get_rule(diagnostic.code) is not None, diagnostic.code
        assert diagnostic.message
        assert 0 <= diagnostic.range.start.offset <= diagnostic.range.end.offset <= len(text)
    try:
        query = parse(text)
    except ParseError as error:
        assert error.diagnostics
    else:
        assert result.query == query
        assert parse(unparse(query)) == query


@given(st.text(max_size=300))
def test_random_unicode_text(text):
    assert_well_formed(text)


@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_random_language_like_text(text):
    assert_well_formed(text)


@given(mutated_examples())
def test_mutated_examples(text):
    assert_well_formed(text)


def test_every_prefix_of_every_example():
    for text in EXAMPLE_TEXTS:
        for end in range(len(text) + 1):
            assert_well_formed(text[:end])
