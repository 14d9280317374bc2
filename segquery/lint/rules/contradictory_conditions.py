"""L021 contradictory-conditions: two conditions of one `&&` chain that cannot both hold."""

from __future__ import annotations

import heapq

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import (
    LOWER_BOUNDS, UPPER_BOUNDS, Constraint, constraint, continues_chain, evaluate, range_bounds, same_value,
    unwrap_logical)
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L021", name="contradictory-conditions", category=Category.CORRECTNESS, severity=Severity.WARNING,
    summary="Two conditions of one `&&` chain can never both be true.",
    what_it_does="Compares the conditions of each `&&` chain that test one attribute against a constant and "
                 "reports pairs that exclude each other: two different values (`x == 'a' && x == 'b'`), "
                 "an empty range (`x > 5 && x < 3`), a value and its negation (`x == 1 && x != 1`), a value "
                 "outside a range, and a null test next to a comparison of the same attribute. Strings are "
                 "compared without regard to case, as Dataverse does by default, so `'a'` and `'A'` are not "
                 "reported as different. In a very long chain each condition is compared with the first "
                 "100 distinct conditions on its attribute of each kind.",
    why="The chain is never true, so the FILTER keeps no record, and a segment built on it is always empty. "
        "The author almost always meant `||`, or another attribute.",
    example="PROFILE(contact).FILTER(address1_city == 'Seattle' && address1_city == 'Portland')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle' || address1_city == 'Portland')",
    fix_safety="No fix: only the author knows which condition is wrong."),
    fix_effect=FixEffect.NONE, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Logical):
        if node.op is not ast.LogicOp.AND or continues_chain(node, ctx.parent(node)):
            continue
        # Per attribute and family of constraint, the earlier ones in chain order, to compare
        # with the families that can contradict them. A condition written again is skipped
        # (its first copy was compared already), and at most MAX_COMPARED distinct ones per
        # attribute and family are kept: a chain of thousands of conditions stays linear.
        earlier_by_family: dict[tuple[object, str], list[tuple[int, Constraint, ast.Expr]]] = {}
        seen: set[tuple[object, ...]] = set()
        for position, operand in enumerate(unwrap_logical(node, ast.LogicOp.AND)):
            current = constraint(operand)
            if current is None:
                continue
            identity = _identity(current)
            if identity in seen:
                continue
            seen.add(identity)
            family = _family(current)
            candidates = heapq.merge(*(earlier_by_family.get((current.key, other), [])
                                       for other in _CAN_CONTRADICT[family]), key=lambda item: item[0])
            for _, earlier, earlier_node in candidates:
                if reason := conflict(earlier, current):
                    yield ctx.report_pair("L021", f"`{ctx.snippet(operand)}` contradicts "
                                          f"`{ctx.snippet(earlier_node)}`: {reason}, so this `&&` chain is never true",
                                          operand, earlier_node,
                                          "the contradicted condition")
                    break
            kept = earlier_by_family.setdefault((current.key, family), [])
            if len(kept) < MAX_COMPARED:
                kept.append((position, current, operand))


MAX_COMPARED = 100


def _identity(item: Constraint) -> tuple[object, ...]:
    """Equal for the same condition written twice."""
    value = None if item.value is None else (item.value.kind, repr(item.value.value))
    return item.key, item.op, item.null, value


_CAN_CONTRADICT = {
    "null": ("null", "eq", "ne", "lower", "upper", "other"),
    "eq": ("null", "eq", "ne", "lower", "upper", "other"),
    "ne": ("null", "eq", "other"),
    "lower": ("null", "eq", "upper", "other"),
    "upper": ("null", "eq", "lower", "other"),
    "other": ("null", "eq", "ne", "lower", "upper", "other"),
}


def _family(item: Constraint) -> str:
    if item.null is not None:
        return "null"
    if item.op is ast.CompareOp.EQ:
        return "eq"
    if item.op is ast.CompareOp.NE:
        return "ne"
    if item.op in LOWER_BOUNDS:
        return "lower"
    if item.op in UPPER_BOUNDS:
        return "upper"
    return "other"


def conflict(first: Constraint, second: Constraint) -> str | None:
    """Why no value satisfies both constraints, or None when some value may."""
    if first.null is not None or second.null is not None:
        if first.null is not None and second.null is not None:
            return "a value cannot be null and not null" if first.null != second.null else None
        null_test = first if first.null is not None else second
        if null_test.null:
            return "no comparison is true when the value is null"
        return None
    if first.op is None or second.op is None or first.value is None or second.value is None:
        return None
    a_op, a_value, b_op, b_value = first.op, first.value, second.op, second.value
    if a_op is ast.CompareOp.EQ and b_op is ast.CompareOp.EQ:
        return "a value cannot equal both" if same_value(a_value, b_value) is False else None
    if a_op is ast.CompareOp.EQ or b_op is ast.CompareOp.EQ:
        (_, fixed), (op, other) = ((a_op, a_value), (b_op, b_value)) if a_op is ast.CompareOp.EQ \
            else ((b_op, b_value), (a_op, a_value))
        if op is ast.CompareOp.NE:
            return "a value cannot equal and differ from the same constant" if fixed == other else None
        return f"{fixed.shown()} is not {op.value} {other.shown()}" if evaluate(fixed, op, other) is False else None
    bounds = range_bounds(first, second)
    if bounds is None:
        return None
    lower, upper = bounds
    low, high = lower[1].value, upper[1].value
    strict = lower[0] is ast.CompareOp.GT or upper[0] is ast.CompareOp.LT
    if low > high or (low == high and strict):  # type: ignore[operator]
        return "the range is empty"
    return None
