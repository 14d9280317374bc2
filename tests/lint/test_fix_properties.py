"""Every fix keeps its rule's promise (FixEffect), on random queries.

- Applying all safe fixes until none is left converges, never breaks the
  query, and keeps its normal form (the identities of segquery.lint.normal_form).
- Rules whose fixes keep the tree (FixEffect.KEEPS_TREE) leave a tree equal to
  the original.
- Each meaning-preserving rule, applied alone, keeps the normal form.
- The fixed conditions select exactly the same records: a three-valued
  evaluator compares them on every combination of values and nulls.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lint_strategies import lint_trees
from segquery.lint import FixEffect, lint, lint_rules, normal_form
from segquery.lint.fixes import fix_until_stable
from segquery.syntax import ast
from segquery.syntax.parser import parse_tolerant
from strategies import query_texts

TEXTS = st.one_of(query_texts(), query_texts(lint_trees))


def _checker(enabled):
    def check(text: str):
        result = parse_tolerant(text)
        if result.query is None:
            return list(result.diagnostics)
        return list(result.diagnostics) + lint(result.query, result.source, enabled=enabled)
    return check


def _fix(text: str, enabled):
    result = fix_until_stable(text, _checker(enabled))
    assert not result.reverted, (text, result.text)
    assert result.converged, (text, result.text)
    after = parse_tolerant(result.text)
    assert after.ok, (text, result.text, after.diagnostics)
    return after.query


@given(TEXTS)
def test_all_safe_fixes_keep_the_normal_form(text):
    before = parse_tolerant(text)
    assert before.ok
    after = _fix(text, lambda code: True)
    assert normal_form(after) == normal_form(before.query), text


@given(TEXTS)
def test_tree_keeping_fixes_keep_the_tree(text):
    keeping = {rule.code for rule in lint_rules() if rule.fix_effect is FixEffect.KEEPS_TREE}
    assert keeping == {"L001", "L002", "L003", "L012", "L030"}
    before = parse_tolerant(text)
    assert _fix(text, keeping.__contains__) == before.query, text


@settings(max_examples=40)
@given(query_texts(lint_trees))
def test_each_meaning_keeping_rule_alone_keeps_the_normal_form(text):
    before = normal_form(parse_tolerant(text).query)
    for rule in lint_rules():
        if rule.fix_effect is FixEffect.KEEPS_MEANING:
            assert normal_form(_fix(text, rule.code.__eq__)) == before, (rule.code, text)


# ---------------------------------------------------------------- evaluation

_DOMAIN = (None, 1, 2, 3)


def _evaluate(node: ast.Expr, record: dict) -> bool | None:
    """SQL's three-valued logic: None is unknown."""
    if isinstance(node, ast.BooleanLiteral):
        return node.value
    if isinstance(node, ast.IsNull):
        return (record[node.operand.name.name] is None) != node.negated
    if isinstance(node, ast.Not):
        value = _evaluate(node.operand, record)
        return None if value is None else not value
    if isinstance(node, ast.Logical):
        values = [_evaluate(operand, record) for operand in node.operands]
        decisive = node.op is ast.LogicOp.OR
        if decisive in values:
            return decisive
        return None if None in values else not decisive
    if isinstance(node, ast.Comparison):
        left, right = (_value(side, record) for side in (node.left, node.right))
        if left is None or right is None:
            return None
        return {"==": left == right, "!=": left != right, ">": left > right, ">=": left >= right,
                "<": left < right, "<=": left <= right}[node.op.value]
    raise AssertionError(f"unexpected {node.kind}")


def _value(node: ast.Expr, record: dict):
    return record[node.name.name] if isinstance(node, ast.Attribute) else int(node.text)


def _filter_conditions(query: ast.Query) -> list[ast.Expr]:
    return [step.condition for step in query.body.steps if isinstance(step, ast.Filter)]


_SINGLE_CHAINS = lint_trees.filter(lambda query: isinstance(query.body, ast.Chain)
                                   and not any(isinstance(step, ast.Traverse) for step in query.body.steps))


@given(query_texts(_SINGLE_CHAINS))
def test_fixed_filters_select_the_same_records(text):
    before = parse_tolerant(text).query
    after = _fix(text, lambda code: True)
    for x, y in itertools.product(_DOMAIN, repeat=2):
        record = {"x": x, "y": y}
        expected = all(_evaluate(c, record) is True for c in _filter_conditions(before) if not _qualified(c))
        actual = all(_evaluate(c, record) is True for c in _filter_conditions(after) if not _qualified(c))
        assert expected == actual, (text, record)


def _qualified(condition: ast.Expr) -> bool:
    return any(isinstance(node, ast.Attribute) and node.qualifier is not None for node in ast.walk(condition))
