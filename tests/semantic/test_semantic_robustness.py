"""The validator on the project's examples and on random queries."""

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from segquery.semantic import NO_SCHEMA, QueryKind, validate
from segquery.syntax.parser import parse_tolerant

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strategies import query_texts  # noqa: E402

from semantic_helpers import findings  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.segq")), ids=lambda path: path.name)
def test_examples_are_clean(path):
    assert findings(path.read_text(encoding="utf-8")) == []


def test_broken_example_with_an_unknown_attribute():
    text = (EXAMPLES / "broken" / "unknown_attribute.segq").read_text(encoding="utf-8")
    assert findings(text) == [
        ("V022", "1:25-1:37", "`adress1_city` is not an attribute of table `contact`; did you mean `address1_city`?"),
    ]


@settings(max_examples=40, deadline=None)
@given(query_texts())
def test_random_queries_validate_without_errors_in_the_validator(text):
    result = parse_tolerant(text)
    assert result.query is not None
    for kind in (None, QueryKind.STATIC):
        for schema in (None, NO_SCHEMA):
            for diagnostic in validate(result.query, result.source, kind=kind, schema=schema):
                assert 0 <= diagnostic.start <= diagnostic.end <= len(text)
                assert diagnostic.code.startswith("V")
                assert diagnostic.message
                if diagnostic.fix is not None:
                    assert all(0 <= edit.start <= edit.end <= len(text) for edit in diagnostic.fix.edits)
