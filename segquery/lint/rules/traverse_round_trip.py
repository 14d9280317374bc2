"""L027 traverse-round-trip: TRAVERSE there and straight back over one relationship."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, RuleInfo
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L027", name="traverse-round-trip", category=Category.CORRECTNESS, severity=Severity.WARNING,
    summary="Two consecutive TRAVERSE steps follow the same relationship, back to where the chain started.",
    what_it_does="Reports a TRAVERSE that directly follows a TRAVERSE over the same relationship. Outbound "
                 "queries only: real-time journeys has no TRAVERSE (the parser reports it, S030), and a RELATE "
                 "names its relationship in one direction, from the current table, so it has no such round trip.",
    why="Following a relationship and then the same relationship again returns to the starting table: "
        "`PROFILE(account).TRAVERSE(r).TRAVERSE(r)` selects the accounts that have at least one related "
        "contact, not the contacts. When the related records were meant, the second step is a mistake; "
        "when the round trip is meant, a comment saying so (and an ignore directive) helps the reader.",
    example="PROFILE(account)\n    .TRAVERSE(contact_account_parentcustomerid)\n"
            "    .TRAVERSE(contact_account_parentcustomerid)",
    use_instead="PROFILE(account)\n    .TRAVERSE(contact_account_parentcustomerid)",
    fix_safety="No fix: removing a step changes the result.",
    dialects=("outbound",)),
    fix_effect=FixEffect.NONE)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for _, steps in ctx.chains():
        for previous, step in zip(steps, steps[1:]):
            if (isinstance(previous, ast.Traverse) and isinstance(step, ast.Traverse)
                    and previous.relationship.name.casefold() == step.relationship.name.casefold()):
                yield ctx.report("L027", f"TRAVERSE({step.relationship.name}) right after "
                                 f"TRAVERSE({previous.relationship.name}) goes back to the starting records: the "
                                 "result is the starting records that have a related record",
                                 step.span.start, step.span.end,
                                 related=[ctx.related("the first TRAVERSE", previous.span)])
