"""L032 single-value-in-list: `x IN [v]`, which is `x == v`."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity, TextEdit
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L032", name="single-value-in-list", category=Category.STYLE, severity=Severity.WARNING,
    default_enabled=False, fix=FixAvailability.SAFE,
    summary="An `IN [..]` list holds a single value: `x IN [v]` is `x == v`.",
    what_it_does="Reports an `IN [..]` list with one value and rewrites it to a comparison with `==`.",
    why="A comparison says the same thing in the form every reader and tool knows, and `x IN [v]` is often "
        "a list whose other values were lost in an edit. It is off by default: the segment designer may "
        "write a one-value list when one option of a choice is picked, and a query copied from it should "
        "come out clean.",
    example="PROFILE(contact).FILTER(industrycode IN [16])",
    use_instead="PROFILE(contact).FILTER(industrycode == 16)",
    fix_safety="Safe: `x IN [v]` is true exactly when `x == v` is, and unknown when `x` is null in both. It is "
               "unsafe when the removed text holds a comment.",
    dialects=("realtime",)),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.InList):
        if len(node.values) != 1:
            continue
        keyword = ctx.next_token(ctx.outer_span(node.subject).end)
        value = ctx.outer_span(node.values[0])
        closing = ctx.next_token(value.end)
        if keyword is None or closing is None or closing.text != "]":
            continue
        value_text = ctx.snippet(node.values[0])
        edits = [TextEdit(keyword.start, value.start, "== "), TextEdit(value.end, closing.end, "")]
        yield ctx.report("L032", f"the IN list holds one value: write `== {value_text}`", keyword.start,
                         closing.end, fix=ctx.fix(f"Write `== {value_text}`", edits, keep=[value]))
