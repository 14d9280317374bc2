"""L026 constant-condition: TRUE or FALSE used as a condition or in a logic chain."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.source import Span
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L026", name="constant-condition", category=Category.CORRECTNESS, severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    summary="`TRUE` or `FALSE` stands where a condition is expected.",
    what_it_does="Reports `FILTER(TRUE)`, `FILTER(FALSE)` and the literals `TRUE`/`FALSE` as operands of `&&` "
                 "and `||`. Where the literal has no effect (`FILTER(TRUE)`, `&& TRUE`, `|| FALSE`) a fix "
                 "removes it.",
    why="`FILTER(TRUE)` keeps every record and `&& TRUE` changes nothing: they are placeholders left from "
        "editing. `FILTER(FALSE)`, `&& FALSE` and `|| TRUE` decide the whole condition, which is almost never "
        "what a segment is meant to do.",
    example="PROFILE(contact).FILTER(TRUE).FILTER(statecode == 0 && TRUE)",
    use_instead="PROFILE(contact).FILTER(statecode == 0)",
    fix_safety="Safe where offered: `a && TRUE` is `a`, `a || FALSE` is `a`, and FILTER(TRUE) keeps every "
               "record. Literals that decide the whole condition get no fix."),
    fix_effect=FixEffect.KEEPS_MEANING)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Filter):
        if isinstance(node.condition, ast.BooleanLiteral):
            yield _filter_literal(ctx, node, node.condition.value)
    for node in ctx.nodes(ast.Logical):
        neutral_value = node.op is ast.LogicOp.AND
        # Removing every operand would leave nothing: the first one stays when all are neutral.
        kept = next((index for index, operand in enumerate(node.operands)
                     if not (isinstance(operand, ast.BooleanLiteral) and operand.value is neutral_value)), 0)
        for index, operand in enumerate(node.operands):
            if not isinstance(operand, ast.BooleanLiteral):
                continue
            span = ctx.outer_span(operand)
            word = "TRUE" if operand.value else "FALSE"
            if operand.value is neutral_value:
                removal = ctx.removal_after(node.operands, index)
                fix = ctx.fix(f"Remove `{word}`", ctx.deletion_edits(removal)) if index != kept else None
                yield ctx.report("L026", f"`{word}` in a `{node.op.value}` chain has no effect", span.start, span.end,
                                 fix=fix)
            else:
                result = "false" if node.op is ast.LogicOp.AND else "true"
                yield ctx.report("L026", f"`{word}` makes this whole `{node.op.value}` chain {result}",
                                 span.start, span.end)


def _filter_literal(ctx: LintContext, node: ast.Filter, value: bool) -> Diagnostic:
    if not value:
        return ctx.report("L026", "FILTER(FALSE) keeps no record: the query selects nothing",
                          node.span.start, node.span.end)
    parent = ctx.parent(node)
    if isinstance(parent, ast.Traverse):
        previous = parent.alias or parent.relationship
        removal = Span(ctx.outer_span(previous).end, node.span.end)
    else:
        dot = ctx.previous_token(node.span.start)
        removal = Span(dot.start, node.span.end) if dot is not None and dot.text == "." else None
    fix = ctx.fix("Remove FILTER(TRUE)", ctx.deletion_edits(removal)) if removal is not None else None
    return ctx.report("L026", "FILTER(TRUE) keeps every record; it has no effect", node.span.start, node.span.end,
                      fix=fix)
