"""L003 minus-operator: `MINUS` instead of `EXCEPT`."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity, TextEdit
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L003", name="minus-operator", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="`MINUS` is written where the language's operator is `EXCEPT`.",
    what_it_does="Reports the set operator `MINUS` and rewrites it to `EXCEPT`. Outbound queries only: in "
                 "real-time journeys `MINUS` is an outbound-only construct, reported by the parser (S030) with "
                 "the same fix.",
    why="A note in the documentation names `MINUS`, but the grammar's operator is `EXCEPT`. segquery reads "
        "`MINUS` as `EXCEPT`; other tools, and the service, may not.",
    example="SEGMENT(newsletter) MINUS SEGMENT(unsubscribed)",
    use_instead="SEGMENT(newsletter) EXCEPT SEGMENT(unsubscribed)",
    fix_safety="Safe: `MINUS` already means `EXCEPT`; the tree is unchanged.",
    dialects=("outbound",)),
    fix_effect=FixEffect.KEEPS_TREE, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.SetOperation):
        for operand, spelling in zip(node.operands, node.spellings):
            if spelling.upper() != "MINUS":
                continue
            token = ctx.next_token(ctx.outer_span(operand).end)
            if token is None or token.text.upper() != "MINUS":
                continue
            yield ctx.report("L003", f"`{token.text}` is not the language's operator: write `EXCEPT`",
                             token.start, token.end,
                             fix=ctx.fix("Write `EXCEPT`", [TextEdit(token.start, token.end, "EXCEPT")]))
