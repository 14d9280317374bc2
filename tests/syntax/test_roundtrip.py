"""`parse(unparse(tree)) == tree` for generated trees, and parsing generated
texts (random case, spacing, comments and quotes) gives the tree they were made from."""

import sys
from pathlib import Path

from hypothesis import given

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strategies import asts, query_texts  # noqa: E402

from segquery import parse, unparse  # noqa: E402


@given(asts())
def test_parse_of_unparse_is_the_same_tree(tree):
    text = unparse(tree)
    assert parse(text) == tree
    assert unparse(parse(text)) == text


@given(query_texts())
def test_generated_texts_parse_and_print_stably(text):
    query = parse(text)
    canonical = unparse(query)
    assert parse(canonical) == query
