"""L004 mixed-set-operators: different set operators without parentheses."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity, TextEdit
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L004", name="mixed-set-operators", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="Different set operators are mixed without parentheses.",
    what_it_does="Reports a chain of set operations that mixes `UNION`, `INTERSECT` and `EXCEPT` without "
                 "parentheses, and adds the parentheses that show how it is read.",
    why="The set operators have equal precedence and apply left to right: `A UNION B EXCEPT C` is "
        "`(A UNION B) EXCEPT C`. Readers who expect `EXCEPT` (or `INTERSECT`) to bind tighter, as in other "
        "languages, read `A UNION (B EXCEPT C)`, which selects other records.",
    example="SEGMENT(newsletter) UNION SEGMENT(webinar) EXCEPT SEGMENT(unsubscribed)",
    use_instead="(SEGMENT(newsletter) UNION SEGMENT(webinar)) EXCEPT SEGMENT(unsubscribed)",
    fix_safety="Safe: the parentheses group the operands exactly as the left-to-right reading does, so the "
               "query keeps its meaning (the tree differs only by that grouping)."),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.SetOperation):
        changes = [index for index in range(1, len(node.operators))
                   if node.operators[index] is not node.operators[index - 1]]
        if not changes:
            continue
        first = node.operators[changes[0] - 1].value
        second = node.operators[changes[0]].value
        token = ctx.next_token(ctx.outer_span(node.operands[changes[0]]).end)
        assert token is not None  # the set operator after the operand
        start = ctx.outer_span(node.operands[0]).start
        edits = [TextEdit(start, start, "(" * len(changes))]
        edits += [TextEdit(ctx.outer_span(node.operands[index]).end, ctx.outer_span(node.operands[index]).end, ")")
                  for index in changes]
        yield ctx.report("L004", f"{first} and {second} are mixed without parentheses; set operators apply left "
                         f"to right, so this is `(A {first} B) {second} C`: add the parentheses",
                         token.start, token.end,
                         fix=ctx.fix("Add parentheses that keep the left-to-right order", edits))
