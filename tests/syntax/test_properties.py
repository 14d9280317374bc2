"""Properties of the parser over random input.

Only ParseError may escape `parse`; `parse_tolerant` never raises; every
diagnostic has a code, a known severity and a range inside the text. Run a
long campaign outside CI with HYPOTHESIS_PROFILE=fuzz.
"""

from pathlib import Path

from hypothesis import given, strategies as st

from segquery import ParseError, parse, parse_tolerant, unparse
from segquery.rules import get_rule

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").rglob("*.segq"))
EXAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in EXAMPLES]

# Characters that matter to the language, plus some that must be rejected.
ALPHABET = st.sampled_from(list("()'\".,=!<>&|+-*/ \n\tabcXYZ_019") + ["//", "/*", "*/", "\\", "\0", "é", "‘",
                                                                      "PROFILE(", "FILTER(", "SEGMENT(", " UNION ",
                                                                      "TRAVERSE(", "HAVING(", "COUNT()", "&&", "||",
                                                                      "==", "DATE(", "NOT(", " ASC", "MINUS"])


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


@st.composite
def mutated_examples(draw):
    text = draw(st.sampled_from(EXAMPLE_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            end = draw(st.integers(position, min(len(text), position + 8)))
            text = text[:position] + text[end:]
        elif action == "insert":
            text = text[:position] + draw(ALPHABET) + text[position:]
        else:
            end = draw(st.integers(position, min(len(text), position + 12)))
            text = text[:end] + text[position:end] + text[end:]
    return text


@given(mutated_examples())
def test_mutated_examples(text):
    assert_well_formed(text)


def test_every_prefix_of_every_example():
    for text in EXAMPLE_TEXTS:
        for end in range(len(text) + 1):
            assert_well_formed(text[:end])
