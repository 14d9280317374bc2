"""L025 repeated-distinct: DISTINCT() again after only FILTER steps."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.analysis import redundant_distinct_steps
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.source import Span
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L025", name="repeated-distinct", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="DISTINCT() repeated with only FILTER steps since the previous one.",
    what_it_does="Reports a DISTINCT() that follows an earlier DISTINCT() of the same chain with only FILTER "
                 "steps in between, and removes it. (DISTINCT() right after DISTINCT(), or before any TRAVERSE, "
                 "is reported by the validator as V012.) Outbound queries only: real-time journeys has no DISTINCT "
                 "step (the parser reports it, S030).",
    why="FILTER keeps a distinct set distinct; only a TRAVERSE can reach the same record twice. The second "
        "DISTINCT() does nothing but make the reader wonder which duplicates it removes.",
    example="PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0).DISTINCT()",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0)",
    fix_safety="Safe: the step is removed, and the records it received were already distinct.",
    dialects=("outbound",)),
    fix_effect=FixEffect.KEEPS_MEANING)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for source, steps in ctx.chains():
        for index, reason in redundant_distinct_steps(source, steps):
            step = steps[index]
            dot = ctx.previous_token(step.span.start)
            if reason != "distinct" or isinstance(steps[index - 1], ast.Distinct) or dot is None or dot.text != ".":
                continue
            yield ctx.report("L025", "DISTINCT() has no effect here: it repeats an earlier DISTINCT(), and only "
                             "FILTER steps came since", step.span.start, step.span.end,
                             fix=ctx.fix("Remove DISTINCT()", ctx.deletion_edits(Span(dot.start, step.span.end))))
