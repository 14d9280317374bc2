"""The Visitor and Transformer bases."""

import pytest

from segquery import parse, unparse
from segquery.syntax import ast
from segquery.syntax.visitor import SKIP, Transformer, Visitor, node_kinds


def test_enter_and_leave_in_source_order():
    events = []

    class Recorder(Visitor):
        def enter_attribute(self, node):
            events.append(("enter", node.dotted))

        def leave_comparison(self, node):
            events.append(("leave", node.op.value))

    Recorder().visit(parse("PROFILE(c, x).FILTER(x.a == 1 && b != 2)"))
    assert events == [("enter", "x.a"), ("leave", "=="), ("enter", "b"), ("leave", "!=")]


def test_skip_leaves_children_unvisited():
    seen = []

    class NoFilters(Visitor):
        def enter_filter(self, node):
            return SKIP

        def enter_attribute(self, node):
            seen.append(node.dotted)

    NoFilters().visit(parse("PROFILE(a).FILTER(x == 1).TRAVERSE(r, FILTER(y == 2))"))
    assert seen == []


def test_method_names_are_checked_against_node_kinds():
    with pytest.raises(TypeError, match="`comparision` is not a node kind"):
        class Typo(Visitor):  # noqa: F841
            def enter_comparision(self, node):
                pass
    assert {"comparison", "chain", "set_operation", "date_diff"} <= node_kinds()


def test_transformer_rebuilds_the_tree_bottom_up():
    class Upper(Transformer):
        def transform_string_literal(self, node):
            return ast.StringLiteral(value=node.value.upper(), span=node.span)

    query = parse("PROFILE(c).FILTER(a == 'x' || NOT(b == 'y'))")
    assert unparse(Upper().transform(query)) == "PROFILE(c).FILTER(a == 'X' || NOT(b == 'Y'))"
    assert unparse(query) == "PROFILE(c).FILTER(a == 'x' || NOT(b == 'y'))"


def test_untouched_trees_are_returned_as_they_are():
    class Nothing(Transformer):
        pass

    query = parse("PROFILE(c).FILTER(a == 1)")
    assert Nothing().transform(query) is query


def test_deep_and_long_trees_do_not_exhaust_the_stack():
    text = "PROFILE(c).FILTER(" + " || ".join(f"a == {i}" for i in range(20_000)) + ")"
    count = 0

    class Counter(Visitor):
        def enter_number_literal(self, node):
            nonlocal count
            count += 1

    Counter().visit(parse(text))
    assert count == 20_000
