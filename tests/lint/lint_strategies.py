"""Trees dense in what the lint rules look for: repeated and contradictory
conditions, negations, TRUE/FALSE, redundant parentheses, DISTINCT steps,
unused aliases and repeated set operands. Drawn from a few names so that
repetitions are common; written out by tests/strategies.py's `query_texts`."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from segquery.syntax import ast

ATTRIBUTES = ("x", "y")
VALUES = ("1", "2", "3")


def _attribute(name: str, qualifier: str | None = None) -> ast.Attribute:
    return ast.Attribute(name=ast.Identifier(name=name),
                         qualifier=ast.Identifier(name=qualifier) if qualifier else None)


def _parens(strategy):
    return st.tuples(strategy, st.sampled_from((0, 0, 0, 1, 2))).map(lambda pair: replace(pair[0], parens=pair[1]))


comparisons = st.builds(
    lambda name, op, value, flipped: ast.Comparison(
        left=ast.NumberLiteral(text=value) if flipped else _attribute(name), op=op,
        right=_attribute(name) if flipped else ast.NumberLiteral(text=value)),
    st.sampled_from(ATTRIBUTES), st.sampled_from(list(ast.CompareOp)), st.sampled_from(VALUES), st.booleans())
null_tests = st.builds(lambda name, negated: ast.IsNull(operand=_attribute(name), negated=negated),
                       st.sampled_from(ATTRIBUTES), st.booleans())
literals = st.booleans().map(lambda value: ast.BooleanLiteral(value=value))
negations = st.one_of(comparisons, null_tests).map(lambda operand: ast.Not(operand=operand))
atoms = _parens(st.one_of(comparisons, comparisons, null_tests, literals, negations,
                          negations.map(lambda operand: ast.Not(operand=operand))))


def _extend(children):
    return _parens(st.one_of(
        st.builds(lambda op, operands: ast.Logical(op=op, operands=tuple(operands)),
                  st.sampled_from(list(ast.LogicOp)), st.lists(children, min_size=2, max_size=4)),
        children.map(lambda operand: ast.Not(operand=operand)),
    ))


conditions = st.recursive(atoms, _extend, max_leaves=8)


@st.composite
def chains(draw) -> ast.Chain:
    alias = draw(st.sampled_from((None, "c")))
    steps = draw(st.lists(st.one_of(
        conditions.map(lambda condition: ast.Filter(condition=condition)),
        st.just(ast.Distinct()),
        st.builds(lambda alias_name: ast.Traverse(relationship=ast.Identifier(name="r"),
                                                  alias=ast.Identifier(name=alias_name) if alias_name else None),
                  st.sampled_from((None, "t"))),
        st.just(ast.Filter(condition=ast.Comparison(left=_attribute("x", "c"), op=ast.CompareOp.EQ,
                                                    right=ast.NumberLiteral(text="1"))))), max_size=4))
    return ast.Chain(source=ast.Profile(table=ast.Identifier(name="contact"),
                                        alias=ast.Identifier(name=alias) if alias else None), steps=tuple(steps))


segments = st.sampled_from(("a", "b")).map(lambda name: ast.Chain(source=ast.SegmentRef(name=ast.Identifier(name=name))))
operands = _parens(st.one_of(segments, segments, chains()))


def _extend_sets(children):
    return _parens(st.integers(min_value=2, max_value=4).flatmap(lambda count: st.builds(
        lambda items, operators: ast.SetOperation(operands=tuple(items), operators=tuple(operators)),
        st.lists(children, min_size=count, max_size=count),
        st.lists(st.sampled_from(list(ast.SetOp)), min_size=count - 1, max_size=count - 1))))


lint_trees = st.one_of(chains(), st.recursive(operands, _extend_sets, max_leaves=5)).map(
    lambda body: ast.Query(body=body))


# ---------------------------------------------------------------- real-time journeys

in_lists = st.builds(
    lambda name, values: ast.InList(subject=_attribute(name), values=tuple(ast.NumberLiteral(text=v) for v in values)),
    st.sampled_from(ATTRIBUTES), st.lists(st.sampled_from(VALUES + ("1.0",)), min_size=1, max_size=4))
realtime_conditions = st.recursive(_parens(st.one_of(in_lists, in_lists, comparisons, null_tests, literals)),
                                   _extend, max_leaves=6)


def _relate(alias: str) -> ast.Relate:
    return ast.Relate(relationship=ast.Identifier(name="r"), alias=ast.Identifier(name=alias))


# PROFILE(contact) with FILTERs, and RELATE steps whose FILTER uses the alias or not.
realtime_lint_trees = st.lists(st.one_of(
    realtime_conditions.map(lambda condition: (ast.Filter(condition=condition),)),
    st.tuples(st.sampled_from(("a", "b")), realtime_conditions).map(lambda pair: (
        _relate(pair[0]), ast.Filter(condition=ast.Logical(op=ast.LogicOp.AND, operands=(
            ast.Comparison(left=_attribute("x", "a"), op=ast.CompareOp.EQ, right=ast.NumberLiteral(text="1")),
            pair[1]))))),
), max_size=3).map(lambda groups: ast.Query(body=ast.Chain(
    source=ast.Profile(table=ast.Identifier(name="contact")), steps=tuple(step for group in groups for step in group))))
