"""Every query the parser accepts gets an explanation: one line per source, step
and set operation, each pointing into the text."""

from __future__ import annotations

from hypothesis import given, settings
from strategies import asts

from segquery.explain import LineKind, explain
from segquery.syntax import ast
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.printer import unparse


def _parts(node: ast.QueryExpr) -> tuple[int, int, int]:
    """(sources, steps, set operators) of a query."""
    if isinstance(node, ast.Chain):
        return 1, len(node.steps), 0
    if isinstance(node, ast.Grouped):
        sources, steps, operators = _parts(node.body)
        return sources, steps + len(node.steps), operators
    assert isinstance(node, ast.SetOperation)
    totals = [_parts(operand) for operand in node.operands]
    # A bare SEGMENT(x) after an operator is part of the operator's sentence, not a source line of its own.
    joined = sum(1 for operand in node.operands[1:] if isinstance(operand, ast.Chain)
                 and isinstance(operand.source, ast.SegmentRef) and not operand.steps)
    return (sum(total[0] for total in totals) - joined, sum(total[1] for total in totals),
            len(node.operators) + sum(total[2] for total in totals))


@settings(max_examples=60)   # each example parses and explains a whole query
@given(asts())
def test_every_parsed_query_is_explained_line_by_line(query):
    text = unparse(query)
    result = parse_tolerant(text)
    assert result.ok and result.query is not None
    lines = explain(text).lines
    kinds = [line.kind for line in lines]
    assert (kinds.count(LineKind.SOURCE), kinds.count(LineKind.STEP), kinds.count(LineKind.SET_OPERATION)) == \
        _parts(result.query.body)
    assert all(0 <= line.span.start <= line.span.end <= len(text) and line.text for line in lines)
