"""L024 empty-string-comparison: `x == ''` where a null test was meant."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Applicability, Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L024", name="empty-string-comparison", category=Category.CORRECTNESS, severity=Severity.WARNING,
    fix=FixAvailability.UNSAFE,
    summary="An attribute is compared with `''` where a null test was probably meant.",
    what_it_does="Reports `x == ''` and `x != ''` (either way round) and offers `ISNULL(x)` and "
                 "`ISNOTNULL(x)` instead.",
    why="Dataverse stores empty text as null, and a comparison with a null value is never true: "
        "`emailaddress1 == ''` keeps no record, not the records without an email address.",
    example="PROFILE(contact).FILTER(emailaddress1 == '')",
    use_instead="PROFILE(contact).FILTER(ISNULL(emailaddress1))",
    fix_safety="Unsafe: the fix changes what the query selects (that is its purpose). A system that does "
               "store empty strings would match different records."),
    fix_effect=FixEffect.CHANGES_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Comparison):
        if node.op not in (ast.CompareOp.EQ, ast.CompareOp.NE):
            continue
        attribute = _empty_string_partner(node)
        if attribute is None:
            continue
        test = "ISNULL" if node.op is ast.CompareOp.EQ else "ISNOTNULL"
        span = ctx.outer_span(node)
        replacement = f"{test}({ctx.slice(ctx.outer_span(attribute))})"
        if node.parens:
            replacement = "(" * node.parens + replacement + ")" * node.parens
        yield ctx.report("L024", f"`{ctx.snippet(node)}` compares with the empty string, but Dataverse stores empty "
                         f"text as null: write `{test}({ctx.snippet(attribute)})`", span.start, span.end,
                         fix=ctx.replace(f"Write `{test}(...)`", span, replacement,
                                         keep=[ctx.outer_span(attribute)], applicability=Applicability.UNSAFE))


def _empty_string_partner(node: ast.Comparison) -> ast.Attribute | None:
    for value, other in ((node.right, node.left), (node.left, node.right)):
        if isinstance(value, ast.StringLiteral) and value.value == "" and isinstance(other, ast.Attribute):
            return other
    return None
