"""L008 double-negation: `NOT(NOT(condition))`."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext, strength
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L008", name="double-negation", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="A condition negated twice.",
    what_it_does="Reports `NOT(NOT(condition))` and replaces it with the condition.",
    why="Two negations cancel out; they are usually left over from editing and make the reader count.",
    example="PROFILE(contact).FILTER(NOT(NOT(donotbulkemail == false)))",
    use_instead="PROFILE(contact).FILTER(donotbulkemail == false)",
    fix_safety="Safe: in the service's three-valued logic NOT(NOT(x)) is x for true, false and unknown."),
    fix_effect=FixEffect.KEEPS_MEANING)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Not):
        inner = node.operand
        if not isinstance(inner, ast.Not):
            continue
        condition = inner.operand
        kept = ctx.outer_span(condition)
        replacement = ctx.slice(kept)
        if not node.parens and not condition.parens and strength(condition) < ctx.required_strength(node):
            replacement = f"({replacement})"
        yield ctx.report("L008", f"double negation: `NOT(NOT({ctx.snippet(condition)}))` is the condition itself",
                         node.span.start, node.span.end,
                         fix=ctx.replace("Remove both NOTs", node.span, replacement, keep=[kept]))
