"""L007 negated-comparison: `NOT(a == b)` instead of `a != b`."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import NEGATED
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import COMPARE, LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L007", name="negated-comparison", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="A comparison wrapped in NOT instead of the opposite comparison.",
    what_it_does="Reports `NOT(a == b)`, `NOT(a > b)` and the other comparisons under NOT, and rewrites them "
                 "with the opposite operator (`!=`, `<=`...).",
    why="The opposite operator says the same thing without a second level of parentheses.",
    example="PROFILE(contact).FILTER(NOT(address1_country == 'USA'))",
    use_instead="PROFILE(contact).FILTER(address1_country != 'USA')",
    fix_safety="Safe: where a value is null both forms are unknown, and otherwise they agree, so the filter "
               "keeps the same records."),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Not):
        comparison = node.operand
        if not isinstance(comparison, ast.Comparison):
            continue
        opposite = NEGATED[comparison.op].value
        left, right = ctx.outer_span(comparison.left), ctx.outer_span(comparison.right)
        replacement = f"{ctx.slice(left)} {opposite} {ctx.slice(right)}"
        if not node.parens and ctx.required_strength(node) > COMPARE:
            replacement = f"({replacement})"
        yield ctx.report("L007", f"`NOT(... {comparison.op.value} ...)` is `... {opposite} ...`: write "
                         f"`{ctx.snippet(comparison.left)} {opposite} {ctx.snippet(comparison.right)}`",
                         node.span.start, node.span.end,
                         fix=ctx.replace(f"Write `{opposite}`", node.span, replacement, keep=[left, right]))
