"""L028 paging-without-orderby: SKIP or TAKE without an ORDERBY before it."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, RuleInfo
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L028", name="paging-without-orderby", category=Category.CORRECTNESS, severity=Severity.WARNING,
    summary="SKIP or TAKE pages through members that are not ordered.",
    what_it_does="Reports the first SKIP or TAKE of a chain that has no ORDERBY before it.",
    why="Without an order, the service may return the members in any order, so a page can differ from one "
        "request to the next: members are skipped or shown twice while paging.",
    example="(SEGMENT(newsletter)).SKIP(0).TAKE(15).SELECT(contactid)",
    use_instead="(SEGMENT(newsletter)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)",
    fix_safety="No fix: the order is for the author to choose."),
    fix_effect=FixEffect.NONE)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for _, steps in ctx.chains():
        for step in steps:
            if isinstance(step, ast.OrderBy):
                break
            if isinstance(step, (ast.Skip, ast.Take)):
                name = "SKIP" if isinstance(step, ast.Skip) else "TAKE"
                yield ctx.report("L028", f"{name} without ORDERBY pages through members in no defined order: add "
                                 f"`.ORDERBY(...)` before it", step.span.start, step.span.end)
                break
