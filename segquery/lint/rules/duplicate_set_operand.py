"""L023 duplicate-set-operand: the same operand twice in one set operation."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import repeated_set_operands
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.lint.normal_form import normal_form
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast

_SHRINKING = (ast.SetOp.INTERSECT, ast.SetOp.EXCEPT)


@lint_rule(RuleInfo(
    code="L023", name="duplicate-set-operand", category=Category.CORRECTNESS, severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    summary="The same segment or query appears twice in one set operation.",
    what_it_does="Reports an operand repeated in a run of `UNION`s or of `INTERSECT`s "
                 "(`SEGMENT(a) UNION SEGMENT(a)`; in `A UNION A INTERSECT B` the run is `A UNION A`, as set "
                 "operators apply left to right), and an `EXCEPT` that removes the first operand from a "
                 "result that holds only records of that operand (`SEGMENT(a) EXCEPT SEGMENT(a)`), which is "
                 "always empty.",
    why="A repeated operand adds nothing to a union or intersection and usually stands where another "
        "segment was meant; an `EXCEPT` of the first operand from itself empties the segment.",
    example="SEGMENT(newsletter) UNION SEGMENT(webinar) UNION SEGMENT(newsletter)",
    use_instead="SEGMENT(newsletter) UNION SEGMENT(webinar)",
    fix_safety="For `UNION` and `INTERSECT` runs the repetition is removed by a safe fix (`A UNION A` is "
               "`A`), unsafe when the removed text holds a comment. The always-empty `EXCEPT` has no fix."),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.SetOperation):
        forms = [normal_form(operand) for operand in node.operands]
        yield from _repeated(ctx, node, forms)
        for index in range(1, len(node.operands)):
            if index > 1 and node.operators[index - 2] not in _SHRINKING:
                break   # a UNION before: later operands no longer act on records of the first one only
            if node.operators[index - 1] is ast.SetOp.EXCEPT and forms[index] == forms[0]:
                span = ctx.outer_span(node.operands[index])
                yield ctx.report("L023", f"EXCEPT removes `{ctx.snippet(node.operands[index])}` from records that "
                                 "all belong to it: the result is empty", span.start, span.end,
                                 related=[ctx.related("the same operand", ctx.outer_span(node.operands[0]))])


def _repeated(ctx: LintContext, node: ast.SetOperation, forms: list) -> Iterator[Diagnostic]:
    for index, first in repeated_set_operands(forms, node.operators):
        operator = node.operators[index - 1].value
        span = ctx.outer_span(node.operands[index])
        removal = ctx.removal_after(node.operands, index)
        yield ctx.report("L023", f"`{ctx.snippet(node.operands[index])}` appears twice in one run of {operator}; the "
                         "repetition has no effect", span.start, span.end,
                         fix=ctx.fix("Remove the repeated operand", ctx.deletion_edits(removal)),
                         related=[ctx.related("first written here", ctx.outer_span(node.operands[first]))])
