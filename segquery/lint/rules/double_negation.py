"""L008 double-negation: `NOT(NOT(condition))`."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext, strength
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L008", name="double-negation", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="A condition negated twice.",
    what_it_does=("Reports `NOT(NOT(condition))` and replaces it with the condition; a longer run of nested "
                  "NOTs is one finding, left with one NOT when their number is odd."),
    why="Two negations cancel out; they are usually left over from editing and make the reader count.",
    example="PROFILE(contact).FILTER(NOT(NOT(donotbulkemail == false)))",
    use_instead="PROFILE(contact).FILTER(donotbulkemail == false)",
    fix_safety="Safe: in the service's three-valued logic NOT(NOT(x)) is x for true, false and unknown."),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    # One finding, and one fix, per run of nested NOTs: fixes of nested pairs would overlap and
    # could only be applied one pair per pass.
    for node in ctx.nodes(ast.Not):
        if not isinstance(node.operand, ast.Not) or isinstance(ctx.parent(node), ast.Not):
            continue
        run = [node]
        while isinstance(run[-1].operand, ast.Not):
            run.append(run[-1].operand)
        condition = run[-1].operand
        kept_node = condition if len(run) % 2 == 0 else run[-1]
        kept = ctx.outer_span(kept_node)
        replacement = ctx.slice(kept)
        if not node.parens and not kept_node.parens and strength(kept_node) < ctx.required_strength(node):
            replacement = f"({replacement})"
        yield ctx.report("L008", _message(ctx, condition, len(run)), node.span.start, node.span.end,
                         fix=ctx.replace(_fix_title(len(run)), node.span, replacement, keep=[kept]))


def _message(ctx: LintContext, condition: ast.Expr, count: int) -> str:
    if count == 2:
        return f"double negation: `NOT(NOT({ctx.snippet(condition)}))` is the condition itself"
    left = "the condition itself" if count % 2 == 0 else "one `NOT`"
    return f"{count} nested negations around `{ctx.snippet(condition)}`: they cancel out to {left}"


def _fix_title(count: int) -> str:
    return "Remove both NOTs" if count == 2 else f"Remove {count - count % 2} NOTs"
