"""A long FILTER's facts joined from its operands' equal the facts of the step read whole.

The language server checks a FILTER of many `&&` or `||` operands operand by operand and joins
the step's facts from the operands' (`joined` of each fact in segquery/syntax/step_facts.py).
"""

from __future__ import annotations

from hypothesis import given, settings
from strategies import query_texts

from segquery.syntax import ast
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.step_facts import qualification, qualifiers


def _joined(fact, step: ast.Filter):
    condition = step.condition
    assert isinstance(condition, ast.Logical)
    return fact.joined([(operand.span.start - step.span.start, fact(operand)) for operand in condition.operands])


@settings(max_examples=200, deadline=None)
@given(query_texts())
def test_joined_facts_equal_the_whole_steps(text: str) -> None:
    query = parse_tolerant(text).query
    assert query is not None
    for step in ast.walk(query):
        if isinstance(step, ast.Filter) and isinstance(step.condition, ast.Logical):
            assert _joined(qualification, step) == qualification(step)
            assert _joined(qualifiers, step) == qualifiers(step)


def test_the_first_qualified_attribute_and_the_unqualified_ones_of_a_condition() -> None:
    text = "PROFILE(contact, c).FILTER(fullname == 'a' || c.x == 1 || (y == 2 && c.z == 3) || DATEDIFF(DAY, c.d, w) > 1)"
    step = parse_tolerant(text).query.body.steps[0]
    found = _joined(qualification, step)
    assert found == qualification(step)
    assert found.first_qualified is not None and found.first_qualified.dotted == "c.x"
    assert text[step.span.start + found.first_qualified.start:step.span.start + found.first_qualified.end] == "c.x"
    assert [(reference.dotted, text[reference.span(step).start:reference.span(step).end])
            for reference in found.unqualified] == [("fullname", "fullname"), ("y", "y"), ("w", "w")]
