"""L006 negated-null-test: `NOT(ISNULL(x))` instead of `ISNOTNULL(x)`."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L006", name="negated-null-test", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="`NOT(ISNULL(x))` or `NOT(ISNOTNULL(x))` instead of the opposite test.",
    what_it_does="Reports a null test wrapped in NOT and rewrites it to the opposite test.",
    why="The language has both tests; the direct one says the same in fewer words and reads at a glance.",
    example="PROFILE(contact).FILTER(NOT(ISNULL(emailaddress1)))",
    use_instead="PROFILE(contact).FILTER(ISNOTNULL(emailaddress1))",
    fix_safety="Safe: a null test is never unknown, so its negation is exactly the opposite test."),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Not):
        test = node.operand
        if not isinstance(test, ast.IsNull):
            continue
        wanted = "ISNULL" if test.negated else "ISNOTNULL"
        argument = ctx.outer_span(test.operand)
        replacement = f"{wanted}({ctx.slice(argument)})"
        yield ctx.report("L006", f"`NOT({'ISNOTNULL' if test.negated else 'ISNULL'}(...))` is `{wanted}(...)`: "
                         f"write `{wanted}({ctx.snippet(test.operand)})`", node.span.start, node.span.end,
                         fix=ctx.replace(f"Write `{wanted}(...)`", node.span, replacement, keep=[argument]))
