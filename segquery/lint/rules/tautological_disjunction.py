"""L029 tautological-disjunction: two conditions of one `||` chain that cover every value."""

from __future__ import annotations

import heapq
from operator import attrgetter

from typing import Iterator, Sequence

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import (
    NEGATED, Constraint, continues_chain, range_bounds, same_value, unwrap_logical)
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.lint.operand_facts import OperandFacts, operand_facts
from segquery.rules.registry import Category, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L029", name="tautological-disjunction", category=Category.CORRECTNESS, severity=Severity.WARNING,
    summary="Two conditions of one `||` chain together hold for every value.",
    what_it_does="Reports pairs of conditions on one attribute in a `||` chain that leave no value out: "
                 "`ISNULL(x) || ISNOTNULL(x)`, `x != 'a' || x != 'b'`, `x == 1 || x != 1`, "
                 "`x > 5 || x <= 5`, `x < 10 || x > 3`.",
    why="Such a chain keeps every record (or every record where the attribute has a value), which is rarely "
        "what a segment is for. `x != 'a' || x != 'b'` is the classic slip for `x != 'a' && x != 'b'`.",
    example="PROFILE(contact).FILTER(address1_country != 'USA' || address1_country != 'Canada')",
    use_instead="PROFILE(contact).FILTER(address1_country != 'USA' && address1_country != 'Canada')",
    fix_safety="No fix: whether `&&` or other values were meant is for the author to say."),
    fix_effect=FixEffect.NONE, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Logical):
        if node.op is not ast.LogicOp.OR or continues_chain(node, ctx.parent(node)):
            continue
        facts = ctx.step_facts_of(operand_facts, node.operands)
        compared = compared_keys(facts)
        if not compared:
            continue
        # Per attribute, the earlier constraints in chain order (position, constraint, operand of `node`,
        # index in its `unwrap_logical`), with `==` kept apart, so that they are compared only with others.
        equalities: dict[object, list[tuple[int, Constraint, ast.Expr, int]]] = {}
        others: dict[object, list[tuple[int, Constraint, ast.Expr, int]]] = {}
        position = 0
        for operand, fact in zip(node.operands, facts):
            for piece, current in enumerate(fact.or_constraints):
                position += 1
                if current is None or current.key not in compared:
                    continue
                is_equality = current.op is ast.CompareOp.EQ
                candidates = others.get(current.key, []) if is_equality else heapq.merge(
                    equalities.get(current.key, []), others.get(current.key, []), key=lambda item: item[0])
                for _, earlier, earlier_operand, earlier_piece in candidates:
                    if reason := covers_everything(earlier, current):
                        current_node, earlier_node = _piece(operand, piece), _piece(earlier_operand, earlier_piece)
                        yield ctx.report_pair("L029", f"`{ctx.snippet(earlier_node)}` or `{ctx.snippet(current_node)}` "
                                              f"holds for every {reason}", current_node, earlier_node,
                                              "the other condition")
                        break
                (equalities if is_equality else others).setdefault(current.key, []).append(
                    (position, current, operand, piece))


def compared_keys(facts: Sequence[OperandFacts]) -> set[str]:
    """The attributes with a constraint other than `==`: two `==` never cover everything, so only these
    attributes' constraints are compared (a long `x == 1 || x == 2 || ...` chain has none)."""
    return set().union(*map(attrgetter("unequal_keys"), facts))


def _piece(operand: ast.Expr, index: int) -> ast.Expr:
    """The condition of `operand_facts(operand).or_constraints[index]`."""
    return unwrap_logical(operand, ast.LogicOp.OR)[index]


def covers_everything(first: Constraint, second: Constraint) -> str | None:
    """What the two constraints together cover completely, or None."""
    if first.null is not None and second.null is not None:
        return "record, so this `||` chain is always true" if first.null != second.null else None
    if first.op is None or second.op is None or first.value is None or second.value is None:
        return None
    a_op, a_value, b_op, b_value = first.op, first.value, second.op, second.value
    with_value = "record where the value is not null, so this `||` chain keeps all of them"
    if a_op is ast.CompareOp.NE and b_op is ast.CompareOp.NE:
        return with_value if same_value(a_value, b_value) is False else None
    if NEGATED[a_op] is b_op and a_value == b_value and (a_op in (ast.CompareOp.EQ, ast.CompareOp.NE)
                                                         or a_value.kind in ("number", "date")):
        return with_value
    bounds = range_bounds(first, second)
    if bounds is None:
        return None
    lower, upper = bounds
    low, high = lower[1].value, upper[1].value
    inclusive = lower[0] is ast.CompareOp.GE or upper[0] is ast.CompareOp.LE
    if low < high or (low == high and inclusive):  # type: ignore[operator]
        return with_value
    return None
