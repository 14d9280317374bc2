"""L022 constant-comparison: comparisons whose result does not depend on the record."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import evaluate, literal_value
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.lint.normal_form import normal_form
from segquery.rules.registry import Category, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast

_REFLEXIVE = (ast.CompareOp.EQ, ast.CompareOp.GE, ast.CompareOp.LE)


@lint_rule(RuleInfo(
    code="L022", name="constant-comparison", category=Category.CORRECTNESS, severity=Severity.WARNING,
    summary="A comparison is always true or always false.",
    what_it_does="Reports comparisons of two constants (`1 == 1`, `'a' == 'b'`, `DATE(2024, 1, 1) > "
                 "DATE(2025, 1, 1)`) and comparisons of an expression with itself (`x == x`, `x != x`).",
    why="A comparison that does not look at the record is a placeholder or a slip: `1 == 1` keeps every "
        "record, `x != x` keeps none, and `x == x` keeps exactly the records where `x` has a value, which is "
        "better written `ISNOTNULL(x)`.",
    example="PROFILE(contact).FILTER(1 == 1 && address1_city == address1_city)",
    use_instead="PROFILE(contact).FILTER(ISNOTNULL(address1_city))",
    fix_safety="No fix: the intended comparison is for the author to write."),
    fix_effect=FixEffect.NONE, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Comparison):
        left, right = literal_value(node.left), literal_value(node.right)
        span = ctx.outer_span(node)
        if left is not None and right is not None:
            result = evaluate(left, node.op, right)
            if result is not None:
                yield ctx.report("L022", f"`{ctx.snippet(node)}` compares two constants: it is always "
                                 f"{'true' if result else 'false'}", span.start, span.end)
        elif left is None and right is None and normal_form(node.left) == normal_form(node.right):
            if node.op in _REFLEXIVE:
                message = (f"`{ctx.snippet(node)}` compares a value with itself: it is true for every record "
                           f"where the value is not null; write `ISNOTNULL(...)` if that is meant")
            else:
                message = f"`{ctx.snippet(node)}` compares a value with itself: it is never true"
            yield ctx.report("L022", message, span.start, span.end)
