"""A query's shape (segquery/workspace/shapes.py) gives the tables table inference gives on the tree.

The workspace infers profile types and checks set operations (W004) and
targets (W005) from shapes only, whether a check's worker made the shape or
the workspace parsed the query itself; these properties hold the shape's
evaluation to `infer_tables` on the tree, for any referenced segments' types.
"""

from __future__ import annotations

import pickle
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segquery.semantic.schemas import NO_SCHEMA
from segquery.semantic.tables import infer_tables
from segquery.syntax import ast
from segquery.syntax.dialects import dialect_named
from segquery.syntax.parser import parse_tolerant
from segquery.workspace.shapes import (UNKNOWN, Combined, Fixed, FromSegment, Group, Operand, QueryShape,
                                       ShapeTables, query_shape)
from realtime_strategies import realtime_query_texts
from strategies import mutated_examples, query_texts

# Types a referenced segment may have: known tables in other spellings, a table no schema knows, unknown.
TYPES = ("contact", "Contact", "account", "lead", "no_such_table", None)
HAND_WRITTEN = [
    "SEGMENT(a).TRAVERSE(contact_account_parentcustomerid)",
    "(SEGMENT(a) UNION SEGMENT(b)).TRAVERSE(contact_account_parentcustomerid).FILTER(x == 1)",
    "(SEGMENT(a)).TRAVERSE(contact_account_parentcustomerid).NOSUCHSTEP(1).TAKE(3)",
    "SEGMENT(a).NOSUCHSTEP(1) UNION PROFILE(contact)",
    "PROFILE(account).TRAVERSE(contact_account_parentcustomerid) EXCEPT (SEGMENT(a) INTERSECT SEGMENT(b))",
    "(PROFILE(lead) UNION PROFILE(lead)).TAKE(1) UNION SEGMENT('quoted name')",
    "SEGMENT(SEGMENT(x)) UNION SEGMENT(b)",
    "SEGMENT(a) UNION",
]


def _types(seed: int):
    """A referenced segment's type, the same for the same name."""
    return lambda name: TYPES[(zlib.crc32(name.encode()) + seed) % len(TYPES)]


def _has_reference(node: ast.Node) -> bool:
    return any(isinstance(child, ast.SegmentRef) for child in ast.walk(node))


def _result_references(body: ast.QueryExpr) -> tuple[int, ...]:
    """The references W005 checks, found as it once found them on the tree: those reached through set
    operations and groups without a TRAVERSE, in the order of a walk of the whole tree."""
    reaching = set()
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Chain) and isinstance(node.source, ast.SegmentRef):
            if not any(isinstance(step, (ast.Traverse, ast.InvalidCall)) for step in node.steps):
                reaching.add(id(node.source))
        elif isinstance(node, ast.SetOperation):
            stack.extend(node.operands)
        elif isinstance(node, ast.Grouped) and not any(isinstance(step, (ast.Traverse, ast.InvalidCall))
                                                       for step in node.steps):
            stack.append(node.body)
    return tuple(node.span.start for node in ast.walk(body) if id(node) in reaching)


def _assert_same_tables(text: str, dialect: str, seed: int) -> None:
    for schema in (None, NO_SCHEMA):
        query = parse_tolerant(text, dialect=dialect_named(dialect)).query
        shape = query_shape(query, schema, dialect)
        tables = ShapeTables(shape, _types(seed), schema)
        if query is None:
            assert (shape, tables.result) == (UNKNOWN, None)
            continue
        info = infer_tables(query, schema, segment_types=_types(seed), dialect=dialect)
        assert tables.result == info.result
        assert shape.result_references == _result_references(query.body)
        operations = [node for node in ast.walk(query) if isinstance(node, ast.SetOperation) and _has_reference(node)]
        combined = shape.combined()
        assert len(combined) == len(operations)
        for node, part in zip(operations, combined):
            assert [tables.table_of(operand.part) for operand in part.operands] == \
                [info.table_of(operand) for operand in node.operands]
            assert part.operators == tuple(operator.value for operator in node.operators)
            assert [(operand.start, operand.end, operand.has_reference) for operand in part.operands] == \
                [(operand.span.start, operand.span.end, _has_reference(operand)) for operand in node.operands]


@settings(max_examples=150, deadline=None)
@given(query_texts(), st.integers(0, 100))
def test_an_outbound_shape_gives_the_tables_inference_gives(text, seed):
    _assert_same_tables(text, "outbound", seed)


@settings(max_examples=100, deadline=None)
@given(realtime_query_texts(), st.integers(0, 100))
def test_a_realtime_shape_gives_the_tables_inference_gives(text, seed):
    _assert_same_tables(text, "realtime", seed)


@settings(max_examples=100, deadline=None)
@given(mutated_examples(), st.integers(0, 100))
def test_the_shape_of_a_broken_query_gives_the_tables_inference_gives(text, seed):
    _assert_same_tables(text, "outbound", seed)


@pytest.mark.parametrize("text", HAND_WRITTEN)
@pytest.mark.parametrize("seed", range(len(TYPES)))
def test_traversals_and_steps_that_did_not_parse_after_references(text, seed):
    _assert_same_tables(text, "outbound", seed)


def test_the_shape_keeps_what_the_checks_read_and_nothing_else():
    text = "(SEGMENT(a) UNION SEGMENT(b).TRAVERSE(contact_account_parentcustomerid)).TAKE(3) EXCEPT PROFILE(lead)"
    shape = query_shape(parse_tolerant(text).query, None, "outbound")
    inner = Combined((Operand(FromSegment("a", ()), 1, 11, "a"),
                      Operand(FromSegment("b", ("contact_account_parentcustomerid",)), 18, 71, None)),
                     ("UNION",))
    assert shape == QueryShape(
        Combined((Operand(Group(inner, ()), 0, 80, None), Operand(Fixed("lead"), 88, 101, None)),
                 ("EXCEPT",)),
        result_references=(1,))
    assert [operand.has_reference for operand in shape.body.operands] == [True, False]


def test_a_shape_survives_pickling_as_it_was():
    text = "SEGMENT(a) UNION (SEGMENT(b)).TAKE(1) INTERSECT PROFILE(contact)"
    shape = query_shape(parse_tolerant(text).query, None, "outbound")
    assert pickle.loads(pickle.dumps(shape, protocol=pickle.HIGHEST_PROTOCOL)) == shape
