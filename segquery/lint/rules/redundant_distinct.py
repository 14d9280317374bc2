"""L025 redundant-distinct: DISTINCT() of records that are already distinct."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import redundant_distinct_steps
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.source import Span

_REASONS = {
    "source": "the records of a PROFILE or SEGMENT are already distinct, and no TRAVERSE came since",
    "distinct": "it repeats an earlier DISTINCT() with no TRAVERSE in between",
}


@lint_rule(RuleInfo(
    code="L025", name="redundant-distinct", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="DISTINCT() of records that are already distinct.",
    what_it_does="Reports DISTINCT() twice in a chain with only FILTER steps between them, and DISTINCT() "
                 "after a PROFILE or SEGMENT that no TRAVERSE has followed yet.",
    why="Only a TRAVERSE can reach the same record twice; DISTINCT() anywhere else does nothing but make the "
        "reader wonder which duplicates it removes.",
    example="PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0).DISTINCT()",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0)",
    fix_safety="Safe: the step is removed, and the records it received were already distinct."),
    fix_effect=FixEffect.KEEPS_MEANING)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for source, steps in ctx.chains():
        for index, reason in redundant_distinct_steps(source, steps):
            step = steps[index]
            dot = ctx.previous_token(step.span.start)
            if dot is None or dot.text != ".":
                continue
            yield ctx.report("L025", f"DISTINCT() has no effect here: {_REASONS[reason]}",
                             step.span.start, step.span.end,
                             fix=ctx.fix("Remove DISTINCT()", ctx.deletion_edits(Span(dot.start, step.span.end))))
