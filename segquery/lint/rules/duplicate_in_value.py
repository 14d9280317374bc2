"""L031 duplicate-in-value: a value written twice in one `IN [..]` list."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import in_list_key
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L031", name="duplicate-in-value", category=Category.CORRECTNESS, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="A value appears twice in one `IN [..]` list.",
    what_it_does="Reports a value of an `IN [..]` list that repeats an earlier value of the same list, and "
                 "removes the repetition. Numbers are compared by value (`1` and `1.0` are one value); strings "
                 "only when written alike, since the service may compare them without regard to case.",
    why="`x IN [16, 16]` is `x IN [16]`. The repetition is usually a copy-paste slip where another option "
        "value was meant, so the segment probably leaves out records its author meant to include.",
    example="PROFILE(contact).FILTER(industrycode IN [16, 24, 16])",
    use_instead="PROFILE(contact).FILTER(industrycode IN [16, 24])",
    fix_safety="Safe: a list holds a value or does not, so removing the repetition keeps the meaning. It is "
               "unsafe when the removed text holds a comment. If another value was meant, write it instead "
               "of applying the fix.",
    dialects=("realtime",)),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP_POSITIONED)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.InList):
        seen: dict[object, ast.Expr] = {}  # value -> its first occurrence (linear in the list)
        for index, value in enumerate(node.values):
            first = seen.setdefault(in_list_key(value), value)
            if first is value:
                continue
            position = ctx.source.position(ctx.outer_span(first).start)
            span = ctx.outer_span(value)
            removal = ctx.removal_after(node.values, index)
            yield ctx.report("L031", f"`{ctx.snippet(value)}` is already in this IN list (line {position.line}, "
                             f"column {position.column}); the repetition has no effect", span.start, span.end,
                             fix=ctx.fix("Remove the repeated value", ctx.deletion_edits(removal)),
                             related=[ctx.related("first written here", ctx.outer_span(first))])
